package io.mojaloop.releasebot.core.contents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a release is: every component of its umbrella chart with its version now and in the previous release,
 * how it changed, the commits in between grouped by type, and every problem met on the way.
 *
 * @param repository the umbrella repository ({@code contents.repo})
 * @param chart the chart's path in it ({@code contents.chart})
 * @param current where this release's chart was read
 * @param previous where the previous release's chart was read; null when there is no previous release
 * @param read false when this release's chart could not be read or parsed: then {@code components} is empty and
 *        means "unknown", not "nothing"
 * @param previousRead false when there is no previous chart (no previous release, missing tag, unreadable): every
 *        change is then {@link Change#UNKNOWN}
 */
public record ReleaseContents(String version, String repository, String chart, ChartRef current, ChartRef previous,
        boolean read, boolean previousRead, List<Component> components, List<ContentsProblem> problems) {

    public ReleaseContents {
        components = List.copyOf(components);
        problems = List.copyOf(problems);
    }

    /**
     * The same contents with the changes of the components whose repository {@code shown} refuses left out (for
     * people who may not see those repositories): their names and versions stay (the chart says them), their
     * commits go, and a problem line says why.
     */
    public ReleaseContents showingChangesOnlyOf(Predicate<String> shown) {
        List<Component> kept = new ArrayList<>();
        List<ContentsProblem> all = new ArrayList<>(problems);
        for (Component c : components) {
            if (shown.test(c.repository()) || c.compare() == Component.CompareStatus.NONE) {
                kept.add(c);
                continue;
            }
            kept.add(c.withChanges(Component.CompareStatus.NONE, 0, List.of(), List.of(), List.of(), List.of()));
            all.removeIf(p -> c.name().equals(p.component()));
            all.add(ContentsProblem.notPublic(c.name()));
        }
        return new ReleaseContents(version, repository, chart, current, previous, read, previousRead, kept, all);
    }

    /** The components that changed: added, or at a new version. */
    public List<Component> changed() {
        return components.stream().filter(c -> c.change().changed()).toList();
    }

    public List<Component> removed() {
        return components.stream().filter(c -> c.change() == Change.REMOVED).toList();
    }

    public int count(Change change) {
        return (int) components.stream().filter(c -> c.change() == change).count();
    }

    public int breaking() {
        return components.stream().mapToInt(c -> c.breaking().size()).sum();
    }

    public int features() {
        return components.stream().mapToInt(c -> c.features().size()).sum();
    }

    public int fixes() {
        return components.stream().mapToInt(c -> c.fixes().size()).sum();
    }

    public int other() {
        return components.stream().mapToInt(c -> c.other().size()).sum();
    }

    /** True when something is missing: a problem line for each thing. */
    public boolean incomplete() {
        return !problems.isEmpty();
    }

    /** The previous release's tag, null when none. */
    public String previousTag() {
        return previous == null ? null : previous.ref();
    }

    /** A PR of a component's repository that the changes name. */
    public record PullRequest(String component, String repository, int number) {
    }

    /** Every PR the listed changes name, once each, in the order of the components and their changes. */
    public List<PullRequest> pullRequests() {
        List<PullRequest> result = new ArrayList<>();
        for (Component c : components) {
            for (List<ChangeEntry> group : List.of(c.breaking(), c.features(), c.fixes(), c.other())) {
                for (ChangeEntry e : group) {
                    if (e.pr() == null) {
                        continue;
                    }
                    PullRequest pr = new PullRequest(c.name(), c.repository(), e.pr());
                    if (result.stream().noneMatch(p -> p.repository().equalsIgnoreCase(pr.repository()) && p.number() == pr.number())) {
                        result.add(pr);
                    }
                }
            }
        }
        return result;
    }

    /**
     * The JSON answer of {@code GET /api/v1/releases/{version}/contents}, as maps and lists in a fixed key order:
     * {@code version}, {@code chart} ({@code repository}, {@code path}, {@code ref}, {@code source}),
     * {@code previous} ({@code ref}, {@code source}, or null), {@code components[]} ({@code name},
     * {@code repository}, {@code version}, {@code previous}, {@code change}, {@code compare}, {@code commits},
     * {@code breaking[]}, {@code features[]}, {@code fixes[]}, {@code other[]}, each change with {@code title},
     * {@code sha}, {@code pr}, {@code issues[]}) and {@code problems[]} ({@code component}, {@code message}).
     *
     * @param message each problem's sentence (the edge renders it from its template)
     */
    public Map<String, Object> json(Function<ContentsProblem, String> message) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", version);
        Map<String, Object> chartJson = new LinkedHashMap<>();
        chartJson.put("repository", repository);
        chartJson.put("path", chart);
        chartJson.put("ref", current == null ? null : current.ref());
        chartJson.put("source", current == null ? null : current.source().json());
        chartJson.put("read", read);
        root.put("chart", chartJson);
        if (previous == null) {
            root.put("previous", null);
        } else {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("ref", previous.ref());
            p.put("source", previous.source().json());
            p.put("read", previousRead);
            root.put("previous", p);
        }
        List<Object> list = new ArrayList<>();
        for (Component c : components) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("repository", c.repository());
            m.put("version", c.version());
            m.put("previous", c.previous());
            m.put("change", c.change().json());
            m.put("compare", c.compare().json());
            m.put("commits", c.totalCommits());
            m.put("breaking", entries(c.breaking()));
            m.put("features", entries(c.features()));
            m.put("fixes", entries(c.fixes()));
            m.put("other", entries(c.other()));
            list.add(m);
        }
        root.put("components", list);
        List<Object> problemList = new ArrayList<>();
        for (ContentsProblem p : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("component", p.component());
            m.put("message", message.apply(p));
            problemList.add(m);
        }
        root.put("problems", problemList);
        return root;
    }

    static List<Object> entries(List<ChangeEntry> entries) {
        List<Object> result = new ArrayList<>();
        for (ChangeEntry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", e.title());
            m.put("sha", e.sha());
            m.put("pr", e.pr());
            m.put("issues", e.issues());
            result.add(m);
        }
        return result;
    }
}
