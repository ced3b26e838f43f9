package io.mojaloop.releasebot.core.config;

import java.util.List;
import java.util.Map;

/**
 * The whole, validated configuration that applies to one repository: the org-wide {@code release-bot.yml} with
 * the repository's {@code reviews} override applied.
 *
 * @param affiliations organisation name to GitHub logins, as written (lookups are case-insensitive, see
 *        {@link io.mojaloop.releasebot.core.policy.Affiliations})
 */
public record BotConfig(Reviews reviews, Map<String, List<String>> affiliations, AffiliationFallback affiliationFallback,
        Freeze freeze, ReleaseCandidates releaseCandidates, List<Release> releases, List<Gate> gates,
        List<String> implementers, Contents contents) {

    /** Who validates a release candidate downstream, unless {@code implementers:} says otherwise. */
    public static final List<String> DEFAULT_IMPLEMENTERS = List.of("mini-loop", "iac", "core-test-harness");

    public static final BotConfig DEFAULTS = new BotConfig(Reviews.DEFAULTS, Map.of(), AffiliationFallback.NONE,
            Freeze.DEFAULTS, ReleaseCandidates.DEFAULTS, List.of(), List.of());

    public BotConfig {
        affiliations = Map.copyOf(affiliations);
        releases = List.copyOf(releases);
        gates = List.copyOf(gates);
        implementers = List.copyOf(implementers);
        if (contents == null) {
            contents = Contents.DEFAULTS;
        }
    }

    public BotConfig(Reviews reviews, Map<String, List<String>> affiliations, AffiliationFallback affiliationFallback,
            Freeze freeze, ReleaseCandidates releaseCandidates, List<Release> releases, List<Gate> gates,
            List<String> implementers) {
        this(reviews, affiliations, affiliationFallback, freeze, releaseCandidates, releases, gates, implementers,
                Contents.DEFAULTS);
    }

    public BotConfig(Reviews reviews, Map<String, List<String>> affiliations, AffiliationFallback affiliationFallback,
            Freeze freeze, ReleaseCandidates releaseCandidates, List<Release> releases, List<Gate> gates) {
        this(reviews, affiliations, affiliationFallback, freeze, releaseCandidates, releases, gates, DEFAULT_IMPLEMENTERS);
    }

    public BotConfig withReviews(Reviews newReviews) {
        return new BotConfig(newReviews, affiliations, affiliationFallback, freeze, releaseCandidates, releases, gates,
                implementers, contents);
    }
}
