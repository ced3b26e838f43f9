package io.mojaloop.releasebot.core.policy;

/** The two freeze windows of a release; a bug-fix freeze is stricter than a feature freeze. */
public enum WindowKind {
    FEATURE_FREEZE(1),
    BUGFIX_FREEZE(2);

    private final int strictness;

    WindowKind(int strictness) {
        this.strictness = strictness;
    }

    public boolean feature() {
        return this == FEATURE_FREEZE;
    }

    public int strictness() {
        return strictness;
    }
}
