package io.mojaloop.releasebot.core.bugs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mojaloop.releasebot.core.bugs.BugTriage.Decision;
import io.mojaloop.releasebot.core.config.PriorityFromBody;

/** Which found issues block a {@code priority-from: body} gate. */
class BugTriageTest {

    static final PriorityFromBody HIGH_MEDIUM = new PriorityFromBody(List.of("High", "medium"), List.of());
    static final PriorityFromBody WITH_SEVERITY = new PriorityFromBody(List.of("high", "medium"), List.of("high"));

    static String body(String priority, String severity) {
        StringBuilder b = new StringBuilder("## Summary:\nTransfers time out.\n\n");
        if (severity != null) {
            b.append("**Severity**: ").append(severity).append("\n\n");
        }
        if (priority != null) {
            b.append("**Priority**: ").append(priority).append("\n");
        }
        return b.toString();
    }

    @ParameterizedTest(name = "priority {0}: {1}")
    @CsvSource(nullValues = "-", value = {
            "High, MATCHES, false",
            "medium, MATCHES, false",
            "**Medium**, MATCHES, false",
            "Low, OUTSIDE, false",
            "Critical, OUTSIDE, false",
            "TBD, UNKNOWN, true",
            "'(Critical, Medium, Low)', UNKNOWN, true",
            "-, UNKNOWN, true" })
    void byPriority(String priority, Decision decision, boolean unknown) {
        BugTriage t = BugTriage.of(HIGH_MEDIUM, body(priority, "Low"));
        assertThat(t.decision()).isEqualTo(decision);
        assertThat(t.blocks()).isEqualTo(decision != Decision.OUTSIDE);
        assertThat(t.priorityUnknown()).isEqualTo(unknown);
        assertThat(t.severity()).as("severities: not given, not read").isNull();
        assertThat(t.severityUnknown()).isFalse();
    }

    @ParameterizedTest(name = "priority {0}, severity {1}: {2}")
    @CsvSource(nullValues = "-", value = {
            "High, High, MATCHES, false, false",
            "High, Low, OUTSIDE, false, false",
            "Low, High, OUTSIDE, false, false",
            "Low, -, OUTSIDE, false, false",
            "-, Low, OUTSIDE, false, false",
            "High, -, UNKNOWN, false, true",
            "-, High, UNKNOWN, true, false",
            "-, -, UNKNOWN, true, true",
            "TBD, unsure, UNKNOWN, true, true" })
    void byPriorityAndSeverity(String priority, String severity, Decision decision, boolean priorityUnknown,
            boolean severityUnknown) {
        BugTriage t = BugTriage.of(WITH_SEVERITY, body(priority, severity));
        assertThat(t.decision()).isEqualTo(decision);
        assertThat(t.priorityUnknown()).isEqualTo(priorityUnknown);
        assertThat(t.severityUnknown()).isEqualTo(severityUnknown);
    }
}
