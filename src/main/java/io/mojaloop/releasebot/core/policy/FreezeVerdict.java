package io.mojaloop.releasebot.core.policy;

import java.util.List;

/**
 * The {@code release-freeze} verdict for one PR at one instant, with everything needed to explain it.
 *
 * @param passed the check passes
 * @param byException it passes only because of a freeze exception
 * @param outcome why, in one word the template switches on
 * @param branchFrozen the base branch matches {@code freeze.branches}
 * @param releases the versions of the releases whose {@code repos} cover this repository
 * @param window the strictest active window that applies to this PR (null when none)
 * @param otherWindows further active windows that apply (less strict, or from other releases)
 * @param allowingLabel the label that lets the PR through a bug-fix freeze (null when none)
 * @param next the next boundary of the calendar that affects this repository and branch (null when none)
 * @param warning a window that would block this PR and opens within 14 days (only on a passing verdict; null when none)
 * @param exception the freeze exception on the PR, if any (also when not needed)
 */
public record FreezeVerdict(boolean passed, boolean byException, Outcome outcome, Classification classification,
        boolean branchFrozen, List<String> releases, ActiveWindow window, List<ActiveWindow> otherWindows,
        String allowingLabel, NextChange next, NextChange warning, FreezeException exception) {

    public enum Outcome {
        /** The repository is in no release's {@code repos}. */
        REPO_NOT_IN_RELEASE,
        /** The base branch does not match {@code freeze.branches}. */
        BRANCH_NOT_FROZEN,
        /** No window is open now. */
        NO_WINDOW,
        /** A feature freeze is open and the PR is not a feature. */
        ALLOWED_IN_FEATURE_FREEZE,
        /** A bug-fix freeze is open and the PR carries an allowed label. */
        ALLOWED_BY_LABEL,
        /** A feature freeze blocks this feature (or unknown) PR. */
        BLOCKED_BY_FEATURE_FREEZE,
        /** A bug-fix freeze blocks this PR. */
        BLOCKED_BY_BUGFIX_FREEZE
    }

    public FreezeVerdict {
        releases = List.copyOf(releases);
        otherWindows = List.copyOf(otherWindows);
    }

    /** True when the feature freeze is what holds (or would hold) this PR. */
    public boolean blockedByFeatureFreeze() {
        return outcome == Outcome.BLOCKED_BY_FEATURE_FREEZE;
    }

    /** True when the window would block the PR were it not for the exception (or does block it). */
    public boolean blocked() {
        return outcome == Outcome.BLOCKED_BY_FEATURE_FREEZE || outcome == Outcome.BLOCKED_BY_BUGFIX_FREEZE;
    }
}
