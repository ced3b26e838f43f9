package io.mojaloop.releasebot.core.contents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.mojaloop.releasebot.core.config.Contents;
import io.mojaloop.releasebot.core.contents.Component.CompareStatus;
import io.mojaloop.releasebot.core.contents.ContentsProblem.Kind;
import io.mojaloop.releasebot.core.contents.ContentsProblem.Location;

/**
 * The first half of a release's contents: the two charts read and compared component by component, and the
 * compares that are needed to list each changed component's commits. {@link #withCompares(List)} gives the
 * {@link ReleaseContents}.
 * <p>
 * The usual trip: {@link ReleaseTags#select} -> the edge reads the two charts -> {@link #of} -> the edge runs
 * {@link #compares()} -> {@link #withCompares}.
 */
public record ContentsDiff(String version, Contents settings, ChartRef current, ChartRef previous, boolean read,
        boolean previousRead, List<Component> components, List<CompareRequest> compares, List<ContentsProblem> problems) {

    public ContentsDiff {
        components = List.copyOf(components);
        compares = List.copyOf(compares);
        problems = List.copyOf(problems);
    }

    /**
     * @param currentChart the chart at {@code selection.current()}
     * @param previousChart the chart at {@code selection.previous()}; null when there is no previous release
     */
    public static ContentsDiff of(Contents settings, String version, ReleaseTags.Selection selection, ChartRead currentChart,
            ChartRead previousChart) {
        List<ContentsProblem> problems = new ArrayList<>(selection.problems());
        Chart now = chart(settings, currentChart, false, problems);
        if (now == null) {
            return new ContentsDiff(version, settings, selection.current(), selection.previous(), false, false, List.of(),
                    List.of(), problems);
        }
        Chart before = previousChart == null ? null : chart(settings, previousChart, true, problems);
        List<Entry> current = entries(now, settings);
        List<Component> components = new ArrayList<>();
        List<CompareRequest> compares = new ArrayList<>();
        if (before == null) {
            for (Entry e : current) {
                components.add(component(e, null, Change.UNKNOWN));
            }
        } else {
            List<Entry> earlier = new ArrayList<>(entries(before, settings));
            for (Entry e : current) {
                Entry match = take(earlier, e);
                if (match == null) {
                    components.add(component(e, null, Change.ADDED));
                    continue;
                }
                Change change = Change.between(match.version, e.version);
                components.add(component(e, match.version, change));
                if (!change.changed() || e.version == null || match.version == null) {
                    continue;
                }
                if (Change.wentDown(match.version, e.version)) {
                    problems.add(ContentsProblem.wentDown(e.name, match.version, e.version));
                    continue;
                }
                CompareRequest request = new CompareRequest(e.name, e.repository, match.version, e.version);
                if (compares.stream().noneMatch(c -> c.repository().equalsIgnoreCase(request.repository())
                        && c.base().equals(request.base()) && c.head().equals(request.head()))) {
                    compares.add(request);
                }
            }
            for (Entry gone : earlier) {
                components.add(new Component(gone.name, gone.repository, null, gone.version, Change.REMOVED, gone.fromDependencies,
                        CompareStatus.NONE, 0, List.of(), List.of(), List.of(), List.of()));
            }
        }
        return new ContentsDiff(version, settings, selection.current(), selection.previous(), true, before != null, components,
                compares, problems);
    }

    /**
     * The contents, with each changed component's commits from the compares' results. A compare with no result,
     * a failed one and a truncated one each leave a problem line.
     */
    public ReleaseContents withCompares(List<CompareResult> results) {
        List<ContentsProblem> all = new ArrayList<>(problems);
        List<Component> done = new ArrayList<>();
        for (Component c : components) {
            CompareRequest request = compares.stream()
                    .filter(r -> r.repository().equalsIgnoreCase(c.repository()) && r.base().equals(c.previous())
                            && r.head().equals(c.version()))
                    .findFirst().orElse(null);
            if (request == null) {
                done.add(c);
                continue;
            }
            CompareResult result = results.stream().filter(request::answeredBy).findFirst().orElse(null);
            done.add(changes(c, request, result, all));
        }
        return new ReleaseContents(version, settings.repo(), settings.chart(), current, previous, read, previousRead, done, all);
    }

    Component changes(Component c, CompareRequest request, CompareResult result, List<ContentsProblem> problems) {
        if (result == null) {
            problems.add(ContentsProblem.compare(Kind.NOT_COMPARED, c.name(), request, null));
            return c.withChanges(CompareStatus.MISSING, 0, List.of(), List.of(), List.of(), List.of());
        }
        if (result.failure() != null) {
            Kind kind = switch (result.failure()) {
                case REPOSITORY_NOT_FOUND -> settings.maps(c.name()) ? Kind.MAPPED_REPOSITORY_NOT_FOUND : Kind.REPOSITORY_NOT_FOUND;
                case NOT_FOUND -> Kind.TAG_NOT_FOUND;
                case REFUSED -> Kind.COMPARE_REFUSED;
                case UNREADABLE -> Kind.COMPARE_UNREADABLE;
            };
            problems.add(ContentsProblem.compare(kind, c.name(), request, ContentsProblem.said(result.detail())));
            CompareStatus status = switch (result.failure()) {
                case REPOSITORY_NOT_FOUND -> CompareStatus.REPOSITORY_NOT_FOUND;
                case NOT_FOUND -> CompareStatus.NOT_FOUND;
                case REFUSED -> CompareStatus.REFUSED;
                case UNREADABLE -> CompareStatus.UNREADABLE;
            };
            return c.withChanges(status, 0, List.of(), List.of(), List.of(), List.of());
        }
        List<ChangeEntry> breaking = new ArrayList<>();
        List<ChangeEntry> features = new ArrayList<>();
        List<ChangeEntry> fixes = new ArrayList<>();
        List<ChangeEntry> other = new ArrayList<>();
        for (CompareResult.Commit commit : result.commits()) {
            ConventionalCommit parsed = ConventionalCommit.parse(commit.message());
            ChangeEntry entry = ChangeEntry.of(commit, parsed);
            switch (parsed.group()) {
                case BREAKING -> breaking.add(entry);
                case FEATURE -> features.add(entry);
                case FIX -> fixes.add(entry);
                case OTHER -> other.add(entry);
            }
        }
        CompareStatus status = CompareStatus.COMPLETE;
        if (result.truncated()) {
            status = CompareStatus.TRUNCATED;
            problems.add(ContentsProblem.truncated(c.name(), request, result.commits().size(), result.totalCommits()));
        }
        return c.withChanges(status, Math.max(result.totalCommits(), result.commits().size()), breaking, features, fixes, other);
    }

    // ---- charts and their components ---------------------------------------------------------------------------

    /** A component as one chart lists it. */
    record Entry(String name, String repository, String version, boolean fromDependencies) {
    }

    static Component component(Entry e, String previous, Change change) {
        return new Component(e.name, e.repository, e.version, previous, change, e.fromDependencies, CompareStatus.NONE, 0,
                List.of(), List.of(), List.of(), List.of());
    }

    /** {@code helm:mojaloop/Chart.yaml@v17.2.0-rc.1}: how problems name a chart file at a ref. */
    static String where(Contents settings, ChartRef ref) {
        return settings.repo() + ":" + settings.chart() + "@" + ref.ref();
    }

    /** The parsed chart, or null (with a problem) when it was not read or is no chart. */
    static Chart chart(Contents settings, ChartRead read, boolean previous, List<ContentsProblem> problems) {
        String where = where(settings, read.ref());
        if (!read.read()) {
            Kind kind = read.failure() == ChartRead.Failure.UNREADABLE ? Kind.CHART_UNREADABLE : Kind.CHART_NOT_FOUND;
            problems.add(ContentsProblem.chartRead(kind, Location.of(where), settings.chart(), read.ref(), ContentsProblem.said(read.detail())));
            return null;
        }
        Chart chart = ChartParser.parse(where, read.text());
        if (previous) {
            for (ContentsProblem p : chart.problems()) {
                problems.add(ContentsProblem.inPreviousChart(p));
            }
        } else {
            problems.addAll(chart.problems());
        }
        return chart.parsed() ? chart : null;
    }

    /** {@code appVersion}'s components, then the dependencies that {@code appVersion} lacks (version unknown). */
    static List<Entry> entries(Chart chart, Contents settings) {
        List<Entry> result = new ArrayList<>();
        for (Chart.AppVersion a : chart.appVersions()) {
            result.add(new Entry(a.name(), settings.repositoryOf(a.name()), a.version(), false));
        }
        for (Chart.Dependency d : chart.dependencies()) {
            String repository = settings.repositoryOf(d.name());
            boolean known = result.stream().anyMatch(e -> e.name.equalsIgnoreCase(d.name()) || e.repository.equalsIgnoreCase(repository));
            if (!known) {
                result.add(new Entry(d.name(), repository, null, true));
            }
        }
        return result;
    }

    /** The previous chart's entry for a component (same name, else same repository), removed from the list. */
    static Entry take(List<Entry> earlier, Entry e) {
        Entry match = earlier.stream().filter(p -> p.name.toLowerCase(Locale.ROOT).equals(e.name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElse(earlier.stream().filter(p -> p.repository.equalsIgnoreCase(e.repository)).findFirst().orElse(null));
        if (match != null) {
            earlier.remove(match);
        }
        return match;
    }
}
