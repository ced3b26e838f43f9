package io.mojaloop.releasebot.core.config;

/**
 * One entry of {@code gates:}. {@code ttkSuite}, {@code issueQuery}, {@code environment}, {@code path} and
 * {@code priorityFromBody} are null when absent.
 *
 * @param environment for a TTK gate: only reports for this environment ({@code ?environment=dev}) count
 * @param path for a release-notes gate: the notes file in the helm repository, {@code {version}} replaced
 * @param priorityFromBody for an issues gate: block only on the found issues whose body's priority (and severity)
 *        fields match ({@code priority-from: body}); null: every issue the query finds blocks
 * @param allowSkipped for a TTK gate: a report with SKIPPED assertions may pass it ({@code allow-skipped: true})
 */
public record Gate(String id, String name, String ttkSuite, String issueQuery, GateKind kind, String environment,
        String path, PriorityFromBody priorityFromBody, boolean allowSkipped) {

    public static final String DEFAULT_NOTES_PATH = ".changelog/release-{version}.md";

    public Gate {
        if (kind == null) {
            kind = GateKind.infer(id, ttkSuite, issueQuery);
        }
    }

    public Gate(String id, String name, String ttkSuite, String issueQuery, GateKind kind, String environment, String path) {
        this(id, name, ttkSuite, issueQuery, kind, environment, path, null, false);
    }

    public Gate(String id, String name, String ttkSuite, String issueQuery) {
        this(id, name, ttkSuite, issueQuery, null, null, null);
    }

    /** The release-notes path for a version. */
    public String notesPath(String version) {
        return (path == null ? DEFAULT_NOTES_PATH : path).replace("{version}", version);
    }
}
