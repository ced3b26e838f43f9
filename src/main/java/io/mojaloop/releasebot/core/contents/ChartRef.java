package io.mojaloop.releasebot.core.contents;

/**
 * Where a chart is read: a tag or a branch of the umbrella repository, and why that one.
 *
 * @param ref the tag or branch name, as GitHub has it
 */
public record ChartRef(String ref, Source source) {

    public enum Source {
        /** The newest pre-release of the umbrella repository whose tag starts with the version. */
        CANDIDATE("candidate"),
        /** The release's own tag. */
        FINAL("final"),
        /** No tag of the release yet: the default branch, what the next tag will hold. */
        DEFAULT_BRANCH("default-branch"),
        /** The previous release, as {@code previous:} names it. */
        PREVIOUS("previous"),
        /** The previous release: the highest strict {@code vX.Y.Z} full release below the version. */
        PREVIOUS_HIGHEST("previous-highest");

        private final String json;

        Source(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    /** True when this is a branch, not a tag. */
    public boolean branch() {
        return source == Source.DEFAULT_BRANCH;
    }
}
