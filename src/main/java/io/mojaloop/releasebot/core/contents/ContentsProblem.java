package io.mojaloop.releasebot.core.contents;

/**
 * Something the contents could not say: a chart that does not parse, an {@code appVersion} of an unexpected
 * shape, a missing tag, a repository not found, a compare GitHub refused or truncated. Never an exception, never
 * a silently shorter list: each is one of these. The facts only: {@code templates/contents/problem.txt} says the
 * sentence (one per {@link Kind}), which the JSON gives as it is and the Markdown escapes.
 * <p>
 * Which facts a kind has is said at each constant; the others are null (or 0). Texts from the chart are clipped
 * ({@link ChartParser#clip}); names and texts from the chart, the configuration and GitHub are to be escaped where
 * they are rendered into Markdown.
 *
 * @param component the component it concerns (its chart name), null when it concerns the release as a whole
 * @param at where in a chart: the chart file as {@link ContentsDiff#where} names it, and the line and column (0 when
 *        not known)
 * @param name a name as the chart writes it (in {@code appVersion} or the dependencies), a top-level key, or the
 *        chart's path ({@link Kind#CHART_NOT_FOUND})
 * @param text text quoted from the chart (clipped): the {@code appVersion}, one of its parts, a version, a value
 * @param found what the chart has where it should have something else ({@code text} is the value when a text)
 * @param index the place in the dependencies list, from 0
 * @param version a version: the release's, the component's now, the later of two
 * @param previous the component's version in the previous release, the earlier of two
 * @param ref where a chart was to be read
 * @param compare the compare of the component's repository ({@code base...head}) the problem is about
 * @param detail what GitHub or the YAML reader said (stripped; null when nothing)
 * @param listed how many commits GitHub listed
 * @param total how many commits the compare has
 * @param within the problem of the previous release's chart ({@link Kind#PREVIOUS_CHART})
 */
public record ContentsProblem(Kind kind, String component, Location at, String name, String text, Found found, int index,
        String version, String previous, ChartRef ref, CompareRequest compare, String detail, int listed, int total,
        ContentsProblem within) {

    public enum Kind {
        // ---- which charts (ReleaseTags): version
        /** The release version is no {@code vX.Y.Z}, so no previous release can be found. */
        NOT_A_VERSION,
        /** No full release below the version and no {@code previous:}. */
        NO_PREVIOUS_RELEASE,

        // ---- reading a chart (ContentsDiff): at, ref, detail
        /** GitHub answered 404 for the chart at the ref ({@code name}: the chart's path). */
        CHART_NOT_FOUND,
        /** The chart at the ref could not be read (403, 5xx, a timeout, too large). */
        CHART_UNREADABLE,

        // ---- the chart's text (ChartParser): at
        /** Not YAML: detail (the YAML reader's words). */
        NOT_YAML,
        /** Nothing but comments, or nothing at all. */
        CHART_EMPTY,
        /** The chart is no mapping: found, text. */
        NOT_A_MAPPING,
        /** A top-level key given twice: name. */
        KEY_TWICE,
        /** No {@code appVersion} at all. */
        NO_APP_VERSION,
        /** {@code appVersion} is a list or a mapping: found. */
        APP_VERSION_NOT_TEXT,
        /** {@code appVersion} is a text without a {@code name: version} in it: text. */
        APP_VERSION_NOT_A_LIST,
        /** A part without a colon: text (the part). */
        PART_NOT_NAME_VERSION,
        /** A part with nothing before its colon: text (the part). */
        PART_NO_NAME,
        /** A part whose name is not a chart name: text (the part), name (clipped). */
        PART_BAD_NAME,
        /** A part with nothing after its colon: component, name. */
        NO_VERSION,
        /** A part whose version is not one version: component, name, text (the version). */
        NOT_ONE_VERSION,
        /** A name listed twice at two versions: component (as first listed), name (as listed again), previous (the
         * first version, null when none), version (the second, null when none). */
        LISTED_TWICE,
        /** {@code appVersion} has parts, none of them usable. */
        NO_COMPONENT,
        /** {@code dependencies} is no list: found, text. */
        DEPENDENCIES_NOT_A_LIST,
        /** A dependency that is no mapping: index, found, text. */
        DEPENDENCY_NOT_A_MAPPING,
        /** A dependency without a name: index. */
        DEPENDENCY_NO_NAME,
        /** A dependency whose name is not a chart name: index, name (clipped). */
        DEPENDENCY_BAD_NAME,

        // ---- the previous release's chart (ContentsDiff): within
        /** A problem of the previous release's chart text: within (one of the chart's kinds above). */
        PREVIOUS_CHART,

        // ---- the components (ContentsDiff, ReleaseContents): component
        /** The version went down since the previous release, so it is not compared: previous, version. */
        WENT_DOWN,
        /** The edge gave no result for the compare: compare. */
        NOT_COMPARED,
        /** No repository of the component's name: compare. */
        REPOSITORY_NOT_FOUND,
        /** No repository of the name {@code contents.components} maps the component to: compare. */
        MAPPED_REPOSITORY_NOT_FOUND,
        /** The compare answered 404: compare, detail. */
        TAG_NOT_FOUND,
        /** The compare answered 422: compare, detail. */
        COMPARE_REFUSED,
        /** The compare failed otherwise: compare, detail. */
        COMPARE_UNREADABLE,
        /** The compare listed only the first commits: compare, listed, total. */
        TRUNCATED,
        /** The component's repository is not public, so its changes are left out where it may not be seen. */
        NOT_PUBLIC
    }

    /** What the chart has where it should have something else. */
    public enum Found {
        /** An empty value ({@code ~}, nothing after the colon). */
        NOTHING,
        /** A text, quoted in {@code text}. */
        TEXT,
        LIST,
        MAPPING,
        /** Anything else YAML may hold. */
        OTHER
    }

    /**
     * A place in a chart.
     *
     * @param file the chart file as problems name it: {@code helm:mojaloop/Chart.yaml@v17.2.0-rc.1}
     * @param line from 1; 0 when not known
     * @param column from 1; 0 when not known
     */
    public record Location(String file, int line, int column) {

        public static Location of(String file) {
            return new Location(file, 0, 0);
        }
    }

    static ContentsProblem release(Kind kind, String version) {
        return new ContentsProblem(kind, null, null, null, null, null, 0, version, null, null, null, null, 0, 0, null);
    }

    static ContentsProblem chartRead(Kind kind, Location at, String path, ChartRef ref, String detail) {
        return new ContentsProblem(kind, null, at, path, null, null, 0, null, null, ref, null, detail, 0, 0, null);
    }

    static ContentsProblem notYaml(Location at, String detail) {
        return new ContentsProblem(Kind.NOT_YAML, null, at, null, null, null, 0, null, null, null, null, detail, 0, 0, null);
    }

    /** A problem of a chart's text; {@code component} when it concerns one. */
    static ContentsProblem chart(Kind kind, String component, Location at, String name, String text) {
        return new ContentsProblem(kind, component, at, name, text, null, 0, null, null, null, null, null, 0, 0, null);
    }

    /** Something of an unexpected shape in a chart. */
    static ContentsProblem shape(Kind kind, Location at, Found found, String text, int index) {
        return new ContentsProblem(kind, null, at, null, text, found, index, null, null, null, null, null, 0, 0, null);
    }

    static ContentsProblem dependency(Kind kind, Location at, int index, String name) {
        return new ContentsProblem(kind, null, at, name, null, null, index, null, null, null, null, null, 0, 0, null);
    }

    static ContentsProblem listedTwice(String component, Location at, String name, String first, String second) {
        return new ContentsProblem(Kind.LISTED_TWICE, component, at, name, null, null, 0, second, first, null, null, null, 0, 0, null);
    }

    /** The same problem, found in the previous release's chart. */
    static ContentsProblem inPreviousChart(ContentsProblem p) {
        return new ContentsProblem(Kind.PREVIOUS_CHART, p.component(), null, null, null, null, 0, null, null, null, null, null, 0, 0, p);
    }

    static ContentsProblem wentDown(String component, String previous, String version) {
        return new ContentsProblem(Kind.WENT_DOWN, component, null, null, null, null, 0, version, previous, null, null, null, 0, 0, null);
    }

    static ContentsProblem compare(Kind kind, String component, CompareRequest compare, String detail) {
        return new ContentsProblem(kind, component, null, null, null, null, 0, null, null, null, compare, detail, 0, 0, null);
    }

    static ContentsProblem truncated(String component, CompareRequest compare, int listed, int total) {
        return new ContentsProblem(Kind.TRUNCATED, component, null, null, null, null, 0, null, null, null, compare, null, listed, total,
                null);
    }

    static ContentsProblem notPublic(String component) {
        return new ContentsProblem(Kind.NOT_PUBLIC, component, null, null, null, null, 0, null, null, null, null, null, 0, 0, null);
    }

    /** Commits the compare did not list. */
    public int unlisted() {
        return total - listed;
    }

    /** GitHub's words, stripped; null when it said nothing. */
    static String said(String detail) {
        return detail == null || detail.isBlank() ? null : detail.strip();
    }
}
