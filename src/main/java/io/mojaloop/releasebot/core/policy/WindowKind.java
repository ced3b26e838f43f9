package io.mojaloop.releasebot.core.policy;

/** The two freeze windows of a release; a bug-fix freeze is stricter than a feature freeze. */
public enum WindowKind {
    FEATURE_FREEZE("feature freeze", 1),
    BUGFIX_FREEZE("bug-fix freeze", 2);

    private final String words;
    private final int strictness;

    WindowKind(String words, int strictness) {
        this.words = words;
        this.strictness = strictness;
    }

    public String words() {
        return words;
    }

    public boolean feature() {
        return this == FEATURE_FREEZE;
    }

    public int strictness() {
        return strictness;
    }
}
