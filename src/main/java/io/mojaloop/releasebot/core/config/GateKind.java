package io.mojaloop.releasebot.core.config;

/** Where a gate's evidence comes from. */
public enum GateKind {
    /** Only {@code /gate} commands. */
    MANUAL("manual"),
    /** Testing Toolkit reports whose name equals the gate's {@code ttk-suite}. */
    TTK("ttk"),
    /** An issue search ({@code issue-query}): passes when nothing is open. */
    ISSUES("issues"),
    /** Downstream implementers validating the release candidate ({@code /gate downstream pass <url> <implementer>}). */
    DOWNSTREAM("downstream"),
    /** CODEOWNERS, LICENSE and required checks in every repository of the release. */
    REPO_STANDARDS("repo-standards"),
    /** Release notes in the helm repository or in a GitHub release. */
    RELEASE_NOTES("release-notes");

    private final String yaml;

    GateKind(String yaml) {
        this.yaml = yaml;
    }

    public String yaml() {
        return yaml;
    }

    public static GateKind fromYaml(String value) {
        for (GateKind k : values()) {
            if (k.yaml.equals(value)) {
                return k;
            }
        }
        return null;
    }

    /** The kind a gate has when {@code kind:} is not written: from its keys, else from its well-known id. */
    public static GateKind infer(String id, String ttkSuite, String issueQuery) {
        if (ttkSuite != null) {
            return TTK;
        }
        if (issueQuery != null) {
            return ISSUES;
        }
        if (id == null) {
            return MANUAL;
        }
        return switch (id) {
            case "downstream" -> DOWNSTREAM;
            case "repo-standards" -> REPO_STANDARDS;
            case "release-notes" -> RELEASE_NOTES;
            default -> MANUAL;
        };
    }
}
