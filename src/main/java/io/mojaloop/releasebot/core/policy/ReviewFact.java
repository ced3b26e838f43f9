package io.mojaloop.releasebot.core.policy;

import java.time.Instant;
import java.util.Locale;

/**
 * One submitted review of a pull request.
 *
 * @param login the reviewer's login, as GitHub gave it
 * @param bot true when GitHub says the reviewer is a Bot account (a login ending in {@code [bot]} is a bot too,
 *        whatever this flag says)
 * @param commitId the commit the review was given on (may be null when GitHub does not say)
 * @param submittedAt when it was submitted (informational; reviews are expected in chronological order)
 */
public record ReviewFact(String login, boolean bot, ReviewState state, String commitId, Instant submittedAt) {

    /** Bot by account type or by the {@code [bot]} login suffix. */
    public boolean isBot() {
        return bot || (login != null && login.trim().toLowerCase(Locale.ROOT).endsWith("[bot]"));
    }
}
