package io.mojaloop.releasebot.core.policy;

/** What kind of change a PR is, as far as the freeze calendar cares. */
public enum PrClass {
    /** A feature ({@code feat}, a configured feature type, or a breaking change): blocked by a feature freeze. */
    FEATURE("feature"),
    /** A bug fix ({@code fix}): allowed in a feature freeze, blocked in a bug-fix freeze unless labelled. */
    FIX("bug fix"),
    /** Any other Conventional Commit type (chore, docs, ci, ...): allowed in a feature freeze. */
    OTHER("other change"),
    /** The title is not a Conventional Commit: treated as a feature during a freeze. */
    UNKNOWN("unknown");

    private final String words;

    PrClass(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** True when a feature freeze blocks this class. */
    public boolean blockedByFeatureFreeze() {
        return this == FEATURE || this == UNKNOWN;
    }
}
