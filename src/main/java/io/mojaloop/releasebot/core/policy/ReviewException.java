package io.mojaloop.releasebot.core.policy;

/**
 * A {@code /review-exception} granted by an authorised person (the caller checks the authority).
 *
 * @param commit the PR's head commit the bot recorded when it accepted the grant, or null when no acknowledgement
 *        of the bot records one; the exception holds only while that commit is the head
 */
public record ReviewException(String grantedBy, String reason, String commit) {

    /** True when the exception was granted on this head commit (compared case-insensitively). */
    public boolean holdsOn(String headSha) {
        return commit != null && headSha != null && !headSha.isBlank() && commit.strip().equalsIgnoreCase(headSha.strip());
    }
}
