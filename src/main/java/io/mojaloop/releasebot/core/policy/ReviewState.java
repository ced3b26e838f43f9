package io.mojaloop.releasebot.core.policy;

/** The state of one submitted pull-request review, as GitHub reports it. */
public enum ReviewState {
    APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING;

    /** True for the states that set a reviewer's standing (a comment or a pending draft changes nothing). */
    public boolean decisive() {
        return this == APPROVED || this == CHANGES_REQUESTED || this == DISMISSED;
    }
}
