package io.mojaloop.releasebot.core.policy;

/**
 * One reviewer as the {@code review-rules} check shows them.
 *
 * @param login as given in the reviewer's first review
 * @param organisation their organisation, or null when unknown (bots never have one)
 * @param organisationSource {@link #FROM_AFFILIATIONS}, {@link #FROM_PROFILE_COMPANY} or null
 * @param state their latest APPROVED, CHANGES_REQUESTED or DISMISSED review
 * @param commitId the commit that latest review was given on
 * @param counts true when this is an approval that counts toward the rule
 * @param note why it does not count (e.g. {@link #NOTE_STALE}), or null when it counts
 */
public record ReviewerLine(String login, String organisation, String organisationSource, ReviewState state,
        String commitId, boolean counts, String note) {

    public static final String FROM_AFFILIATIONS = "affiliations";
    public static final String FROM_PROFILE_COMPANY = "profile company";

    public static final String NOTE_AUTHOR = "author of the PR";
    public static final String NOTE_BOT = "bot";
    public static final String NOTE_DISMISSED = "dismissed";
    public static final String NOTE_STALE = "approved an older commit";
    public static final String NOTE_CHANGES_REQUESTED = "requested changes";
}
