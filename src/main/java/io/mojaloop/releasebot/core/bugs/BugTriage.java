package io.mojaloop.releasebot.core.bugs;

import io.mojaloop.releasebot.core.config.PriorityFromBody;

/**
 * Whether an issue found by a {@code priority-from: body} gate blocks it, from the body. Pure.
 * <ul>
 * <li>{@link Decision#OUTSIDE}: a field that could be read names a level the gate does not list (a Low priority
 * bug under {@code priorities: [high, medium]}): the issue does not block.</li>
 * <li>{@link Decision#UNKNOWN}: otherwise, when the priority (or, with {@code severities:}, the severity) is missing
 * or unreadable: the issue blocks, listed as "priority unknown" (or "severity unknown") so someone fills it in.</li>
 * <li>{@link Decision#MATCHES}: every field read matched: the issue blocks.</li>
 * </ul>
 *
 * @param severity null when the gate does not read severities
 */
public record BugTriage(Decision decision, BugField priority, BugField severity) {

    public static final String PRIORITY = "Priority";
    public static final String SEVERITY = "Severity";

    public enum Decision {
        MATCHES, UNKNOWN, OUTSIDE
    }

    public static BugTriage of(PriorityFromBody rule, String body) {
        BugField priority = BugField.read(body, PRIORITY, rule.priorities());
        BugField severity = rule.readsSeverity() ? BugField.read(body, SEVERITY, rule.severities()) : null;
        boolean outside = (priority.found() && !rule.priorities().contains(priority.level()))
                || (severity != null && severity.found() && !rule.severities().contains(severity.level()));
        Decision decision;
        if (outside) {
            decision = Decision.OUTSIDE;
        } else if (!priority.found() || (severity != null && !severity.found())) {
            decision = Decision.UNKNOWN;
        } else {
            decision = Decision.MATCHES;
        }
        return new BugTriage(decision, priority, severity);
    }

    /** The issue blocks the gate: it matched, or what decides it could not be read. */
    public boolean blocks() {
        return decision != Decision.OUTSIDE;
    }

    public boolean priorityUnknown() {
        return decision == Decision.UNKNOWN && !priority.found();
    }

    public boolean severityUnknown() {
        return decision == Decision.UNKNOWN && severity != null && !severity.found();
    }
}
