package io.mojaloop.releasebot.core.contents;

import java.util.ArrayList;
import java.util.List;

/**
 * The draft release notes ({@code templates/contents/notes.md}), in the section order of Mojaloop's helm notes:
 * summary, new features, bug fixes, application versions (the previous version beside each), breaking changes.
 * Every link is built here; every text still needs escaping in the template.
 */
public record NotesView(ReleaseContents contents, String chartUrl, String previousUrl, List<Line> features,
        List<Line> fixes, List<Line> breaking, List<VersionRow> versions, List<ContentsProblem> problems) {

    /** One change: its component, title, PR (or commit) and the issues its scope names. */
    public record Line(String component, String title, String ref, String url, List<Ref> issues) {
    }

    public record Ref(String text, String url) {
    }

    /**
     * One component at its version.
     *
     * @param versionUrl its release page (null when its version is unknown or its repository was not found)
     * @param compareUrl the compare of its two tags (null when not compared)
     */
    public record VersionRow(String name, String repository, String previous, String version, Change change,
            String versionUrl, String compareUrl, Component.CompareStatus compare, int commits, int listed) {

        /** Compared, or should have been, and its commits could not be listed. */
        public boolean notListed() {
            return compare.failed();
        }

        public boolean truncated() {
            return compare == Component.CompareStatus.TRUNCATED;
        }

        public boolean added() {
            return change == Change.ADDED;
        }

        public boolean removed() {
            return change == Change.REMOVED;
        }

        public boolean unchanged() {
            return change == Change.UNCHANGED;
        }

        public boolean mapped() {
            return !repository.equals(name);
        }
    }

    public static NotesView of(ReleaseContents contents, Links links) {
        List<Line> features = new ArrayList<>();
        List<Line> fixes = new ArrayList<>();
        List<Line> breaking = new ArrayList<>();
        List<VersionRow> changed = new ArrayList<>();
        List<VersionRow> rest = new ArrayList<>();
        for (Component c : contents.components()) {
            c.features().forEach(e -> features.add(line(c, e, links)));
            c.fixes().forEach(e -> fixes.add(line(c, e, links)));
            c.breaking().forEach(e -> breaking.add(line(c, e, links)));
            boolean repositoryKnown = c.compare() != Component.CompareStatus.REPOSITORY_NOT_FOUND;
            String versionUrl = c.version() != null && repositoryKnown && !c.fromDependencies() ? links.release(c.repository(), c.version()) : null;
            String compareUrl = c.compare().listed() ? links.compare(c.repository(), c.previous(), c.version()) : null;
            VersionRow row = new VersionRow(c.name(), c.repository(), c.previous(), c.version(), c.change(), versionUrl, compareUrl,
                    c.compare(), c.totalCommits(), c.listed());
            (c.change().changed() || c.change() == Change.REMOVED ? changed : rest).add(row);
        }
        List<VersionRow> versions = new ArrayList<>(changed);
        versions.addAll(rest);
        String chartUrl = contents.current() == null ? null
                : contents.current().branch() ? links.tree(contents.repository(), contents.current().ref())
                        : links.release(contents.repository(), contents.current().ref());
        String previousUrl = contents.previous() == null ? null : links.release(contents.repository(), contents.previous().ref());
        return new NotesView(contents, chartUrl, previousUrl, features, fixes, breaking, versions, contents.problems());
    }

    static Line line(Component c, ChangeEntry e, Links links) {
        List<Ref> issues = new ArrayList<>();
        for (String ref : e.issues()) {
            String url = links.issue(ref);
            if (url != null) {
                issues.add(new Ref(ref, url));
            }
        }
        String name = c.repository().contains("/") ? c.repository().substring(c.repository().indexOf('/') + 1) : c.repository();
        String ref = e.pr() != null ? name + "#" + e.pr() : name + "@" + shortSha(e.sha());
        String url = e.pr() != null ? links.pullRequest(c.repository(), e.pr()) : links.commit(c.repository(), e.sha());
        return new Line(c.name(), e.shortTitle(), ref, url, issues);
    }

    static String shortSha(String sha) {
        return sha == null ? "" : sha.length() > 7 ? sha.substring(0, 7) : sha;
    }

    /** Components added or at a new version. */
    public int changedCount() {
        return contents.changed().size();
    }

    public int added() {
        return contents.count(Change.ADDED);
    }

    public int removed() {
        return contents.count(Change.REMOVED);
    }

    public int major() {
        return contents.count(Change.MAJOR);
    }

    public int minor() {
        return contents.count(Change.MINOR);
    }

    public int patch() {
        return contents.count(Change.PATCH);
    }

    public int notSemver() {
        return contents.count(Change.NOT_SEMVER);
    }

    /** Components only the chart's dependencies name (version unknown). */
    public int dependencyOnly() {
        return (int) contents.components().stream().filter(Component::fromDependencies).count();
    }
}
