package io.mojaloop.releasebot.core.contents;

import java.util.List;

/**
 * One component of the release: where it comes from, its version now and in the previous release, how it
 * changed, and its commits grouped by Conventional Commit type.
 *
 * @param name as {@code appVersion} or the chart names it
 * @param repository the same name unless {@code contents.components} maps it
 * @param version in this release; null when unknown (only a chart dependency) or removed
 * @param previous in the previous release; null when unknown or added
 * @param fromDependencies true when only the chart's {@code dependencies} name it (no {@code appVersion} entry)
 * @param compare whether and how its commits were compared
 * @param totalCommits the commits between its two tags according to GitHub (0 when not compared)
 */
public record Component(String name, String repository, String version, String previous, Change change,
        boolean fromDependencies, CompareStatus compare, int totalCommits, List<ChangeEntry> breaking,
        List<ChangeEntry> features, List<ChangeEntry> fixes, List<ChangeEntry> other) {

    public Component {
        breaking = List.copyOf(breaking);
        features = List.copyOf(features);
        fixes = List.copyOf(fixes);
        other = List.copyOf(other);
    }

    /** How a component's commits were compared. */
    public enum CompareStatus {
        /** Not compared: added, removed, unchanged, a version unknown, or a version that went down. */
        NONE("none"),
        /** Every commit between the tags is listed. */
        COMPLETE("complete"),
        /** GitHub answered only the first commits: the lists are short by {@code totalCommits - listed}. */
        TRUNCATED("truncated"),
        REPOSITORY_NOT_FOUND("repository-not-found"),
        /** A tag was not found in the repository (404). */
        NOT_FOUND("not-found"),
        /** GitHub refused the compare (422). */
        REFUSED("refused"),
        UNREADABLE("unreadable"),
        /** The edge gave no answer for this compare. */
        MISSING("missing");

        private final String json;

        CompareStatus(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        /** True when commits are listed (all or the first of them). */
        public boolean listed() {
            return this == COMPLETE || this == TRUNCATED;
        }

        /** True when the component should have been compared and was not. */
        public boolean failed() {
            return !listed() && this != NONE;
        }
    }

    /** The commits listed: breaking, features, fixes and other together. */
    public int listed() {
        return breaking.size() + features.size() + fixes.size() + other.size();
    }

    Component withChanges(CompareStatus status, int total, List<ChangeEntry> breaking, List<ChangeEntry> features,
            List<ChangeEntry> fixes, List<ChangeEntry> other) {
        return new Component(name, repository, version, previous, change, fromDependencies, status, total, breaking, features,
                fixes, other);
    }
}
