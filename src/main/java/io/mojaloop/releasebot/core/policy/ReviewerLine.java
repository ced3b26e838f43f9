package io.mojaloop.releasebot.core.policy;

/**
 * One reviewer as the {@code review-rules} check shows them.
 *
 * @param login as given in the reviewer's first review
 * @param organisation their organisation, or null when unknown (bots never have one)
 * @param organisationSource where the organisation comes from, or null when unknown
 * @param state their latest APPROVED, CHANGES_REQUESTED or DISMISSED review
 * @param commitId the commit that latest review was given on
 * @param counts true when this is an approval that counts toward the rule
 * @param note why it does not count (e.g. {@link Note#STALE}), or null when it counts
 */
public record ReviewerLine(String login, String organisation, Source organisationSource, ReviewState state,
        String commitId, boolean counts, Note note) {

    /** Where a reviewer's organisation comes from. */
    public enum Source {
        /** The {@code affiliations} list of the configuration. */
        AFFILIATIONS,
        /** The company on their GitHub profile ({@code affiliation-fallback: profile-company}). */
        PROFILE_COMPANY
    }

    /** Why a review does not count. */
    public enum Note {
        /** The PR's author reviewed their own PR. */
        AUTHOR,
        /** A bot reviewed. */
        BOT,
        /** The latest review was dismissed. */
        DISMISSED,
        /** The approval is on an older commit (and stale approvals are dismissed). */
        STALE,
        /** The latest review requests changes. */
        CHANGES_REQUESTED
    }
}
