package io.mojaloop.releasebot.core.report;

/**
 * What a Testing Toolkit run means for a gate. Only {@link #PASSED} passes it; {@link #SKIPPED_UNKNOWN} (a record
 * written before skipped assertions were counted) is missing evidence: the gate stays pending until a report
 * with the count comes in.
 */
public enum TtkOutcome {
    /** At least one assertion, none failed, and none skipped unless the gate allows skipped assertions. */
    PASSED,
    /** At least one assertion failed. */
    FAILED,
    /** No assertion at all, or every one skipped: a run that tested nothing. */
    EMPTY,
    /** Nothing failed, but assertions were skipped and the gate does not say {@code allow-skipped: true}. */
    SKIPPED,
    /** Nothing failed, and how many were skipped is not known, for a gate that does not allow skipped assertions. */
    SKIPPED_UNKNOWN;

    /** {@code skipped} null: not known. */
    public static TtkOutcome of(int total, int failed, Integer skipped, boolean allowSkipped) {
        if (failed > 0) {
            return FAILED;
        }
        if (total <= 0 || (skipped != null && skipped >= total)) {
            return EMPTY; // nothing ran: every assertion skipped tests nothing either, whatever the gate allows
        }
        if (allowSkipped) {
            return PASSED;
        }
        if (skipped == null) {
            return SKIPPED_UNKNOWN;
        }
        return skipped > 0 ? SKIPPED : PASSED;
    }

    public boolean passed() {
        return this == PASSED;
    }
}
