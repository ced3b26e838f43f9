package io.mojaloop.releasebot.core.contents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.mojaloop.releasebot.core.config.Contents;
import io.mojaloop.releasebot.core.contents.Component.CompareStatus;

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
                    problems.add(ContentsProblem.of(e.name, e.name + " went down from " + match.version + " to " + e.version
                            + " since the previous release; its commits are not compared"));
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
        String range = request.base() + "..." + request.head();
        String repo = request.repository();
        if (result == null) {
            problems.add(ContentsProblem.of(c.name(), c.name() + ": " + repo + " was not compared (" + range
                    + "); its changes are not listed"));
            return c.withChanges(CompareStatus.MISSING, 0, List.of(), List.of(), List.of(), List.of());
        }
        if (result.failure() != null) {
            String detail = result.detail() == null || result.detail().isBlank() ? "" : ": " + result.detail().strip();
            String message = switch (result.failure()) {
                case REPOSITORY_NOT_FOUND -> settings.maps(c.name())
                        ? c.name() + ": the repository " + repo + " (as contents.components maps it) was not found; its changes "
                                + "are not listed"
                        : c.name() + ": no repository " + repo + " was found; if the chart name is not the repository's, map it "
                                + "in contents.components (" + c.name() + ": <repository>); its changes are not listed";
                case NOT_FOUND -> c.name() + ": GitHub found no tag " + request.base() + " or " + request.head() + " in " + repo
                        + " (compare " + range + " answered 404" + detail + "); its changes are not listed";
                case REFUSED -> c.name() + ": GitHub refused to compare " + range + " in " + repo + " (422" + detail
                        + "); its changes are not listed";
                case UNREADABLE -> c.name() + ": " + repo + " could not be read (compare " + range
                        + (detail.isEmpty() ? "" : detail) + "); its changes are not listed";
            };
            problems.add(ContentsProblem.of(c.name(), message));
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
            int missing = result.totalCommits() - result.commits().size();
            problems.add(ContentsProblem.of(c.name(), c.name() + ": GitHub's compare of " + range + " in " + repo + " lists "
                    + result.commits().size() + " of " + result.totalCommits() + " commits (one compare answers at most 250); "
                    + "the other " + missing + " are not listed"));
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

    /** {@code helm:mojaloop/Chart.yaml@v17.2.0-rc.1}: how messages name a chart file at a ref. */
    static String where(Contents settings, ChartRef ref) {
        return settings.repo() + ":" + settings.chart() + "@" + ref.ref();
    }

    /** The parsed chart, or null (with a problem) when it was not read or is no chart. */
    static Chart chart(Contents settings, ChartRead read, boolean previous, List<ContentsProblem> problems) {
        String where = where(settings, read.ref());
        String consequence = previous ? "the previous release's chart is unknown, so no component's change is known"
                : "the release's components are unknown";
        if (!read.read()) {
            String what = switch (read.ref().source()) {
                case CANDIDATE -> "the candidate tag " + read.ref().ref();
                case FINAL -> "the tag " + read.ref().ref();
                case DEFAULT_BRANCH -> "the default branch " + read.ref().ref();
                case PREVIOUS, PREVIOUS_HIGHEST -> "the previous release's tag " + read.ref().ref();
            };
            String detail = read.detail() == null || read.detail().isBlank() ? "" : " (" + read.detail().strip() + ")";
            problems.add(ContentsProblem.release(where + ": " + (read.failure() == ChartRead.Failure.UNREADABLE
                    ? "could not be read at " + what + detail
                    : settings.chart() + " was not found at " + what + detail) + "; " + consequence));
            return null;
        }
        Chart chart = ChartParser.parse(where, read.text());
        if (previous) {
            for (ContentsProblem p : chart.problems()) {
                problems.add(new ContentsProblem(p.component(), "In the previous release's chart: " + p.message()));
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
