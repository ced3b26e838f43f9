package io.mojaloop.releasebot.core.report;

import java.util.List;

/**
 * A Testing Toolkit run, counted by the bot itself (TTK counts SKIPPED assertions as passed; the bot does not).
 *
 * @param suite the report's {@code name}, which a gate's {@code ttk-suite} matches
 * @param ttkTotalAssertions what TTK itself reported (null when absent), shown for comparison
 * @param failures the first failed assertions, by test case and request
 * @param reportUrl a link to the full report (release-cd reporter shape), or null
 */
public record TtkReport(String suite, String testReportId, String completedAt, Long durationMs, int total, int passed,
        int failed, int skipped, int testCasesPassed, int testCasesFailed, List<Failure> failures, String reportUrl,
        Integer ttkTotalAssertions, Integer ttkPassedAssertions) {

    public static final int MAX_FAILURES = 10;

    public TtkReport {
        failures = List.copyOf(failures);
    }

    /** One failed assertion. */
    public record Failure(String testCase, String request, String assertion) {
    }

    /** No failure and at least one assertion (skipped ones aside: see {@link #outcome}). */
    public boolean green() {
        return failed == 0 && total > 0;
    }

    /** What this run means for a gate: it passes only with no failure, an assertion, and no skipped one unless allowed. */
    public TtkOutcome outcome(boolean allowSkipped) {
        return TtkOutcome.of(total, failed, skipped, allowSkipped);
    }
}
