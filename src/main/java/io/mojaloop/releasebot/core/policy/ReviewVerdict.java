package io.mojaloop.releasebot.core.policy;

import java.util.List;

/**
 * The outcome of the review rule, with every fact needed to explain it.
 *
 * @param passed the check passes (the rule is met, or an exception was granted)
 * @param byException the rule is not met and the check passes only because of {@link #exception()}
 * @param approvals counted approvals (distinct people)
 * @param organisations distinct organisations among counted approvers
 * @param organisationNames those organisations, in order of their first counted approver (the affiliations map's
 *        spelling when the map names them, otherwise the normalised profile company)
 * @param reviewers one line per reviewer who left an APPROVED, CHANGES_REQUESTED or DISMISSED review, in order of
 *        their first review
 * @param changesRequestedBy reviewers whose latest review requests changes (they block), in the same order
 * @param exception the latest granted exception, or null (carried even when the rule is met, and when it no longer
 *        holds)
 * @param exceptionHolds the exception was granted on the current head commit
 */
public record ReviewVerdict(boolean passed, boolean byException, int approvals, int requiredApprovals, int organisations,
        int requiredOrganisations, List<String> organisationNames, List<ReviewerLine> reviewers,
        List<String> changesRequestedBy, ReviewException exception, boolean exceptionHolds) {

    public ReviewVerdict {
        organisationNames = List.copyOf(organisationNames);
        reviewers = List.copyOf(reviewers);
        changesRequestedBy = List.copyOf(changesRequestedBy);
    }

    /** How many more counted approvals the rule needs (0 when enough). */
    public int missingApprovals() {
        return Math.max(0, requiredApprovals - approvals);
    }

    /** How many more distinct organisations the rule needs (0 when enough). */
    public int missingOrganisations() {
        return Math.max(0, requiredOrganisations - organisations);
    }

    /** An exception was granted, but on an older commit (or never acknowledged by the bot): it does not apply. */
    public boolean staleException() {
        return exception != null && !exceptionHolds;
    }

    /** True when nobody blocks with a change request. */
    public boolean noChangesRequested() {
        return changesRequestedBy.isEmpty();
    }
}
