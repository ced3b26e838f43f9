package io.mojaloop.releasebot.core.policy;

/** What kind of change a PR is, as far as the freeze calendar cares (the check's template names it). */
public enum PrClass {
    /** A feature ({@code feat}, a configured feature type, or a breaking change): blocked by a feature freeze. */
    FEATURE,
    /** A bug fix ({@code fix}): allowed in a feature freeze, blocked in a bug-fix freeze unless labelled. */
    FIX,
    /** Any other Conventional Commit type (chore, docs, ci, ...): allowed in a feature freeze. */
    OTHER,
    /** The title is not a Conventional Commit: treated as a feature during a freeze. */
    UNKNOWN;

    /** True when a feature freeze blocks this class. */
    public boolean blockedByFeatureFreeze() {
        return this == FEATURE || this == UNKNOWN;
    }
}
