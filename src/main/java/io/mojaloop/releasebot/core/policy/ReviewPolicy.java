package io.mojaloop.releasebot.core.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mojaloop.releasebot.core.config.AffiliationFallback;
import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.Reviews;

/**
 * The {@code review-rules} check as a pure function of the config and the PR's reviews.
 * <ul>
 * <li>A reviewer's state is their latest APPROVED, CHANGES_REQUESTED or DISMISSED review; COMMENTED and PENDING
 * reviews change nothing; a DISMISSED latest review leaves them with no state (an older approval does not come
 * back).</li>
 * <li>With {@code dismiss-stale}, an approval counts only when given on the head commit (compared
 * case-insensitively); otherwise any approval counts.</li>
 * <li>The PR author and bots (account type Bot, or a login ending in {@code [bot]}) never count: their approvals
 * add nothing and their change requests do not block. They are still listed, with a note.</li>
 * <li>Logins compare case-insensitively everywhere.</li>
 * <li>An approver's organisation comes from the {@code affiliations} map, then (with {@code affiliation-fallback:
 * profile-company}) from their normalised profile company; organisations compare case-folded (and after the same
 * normalisation as companies, so a profile company "Infitx Ltd" is the map's "Infitx").</li>
 * <li>It passes with enough counted approvals, spanning enough organisations, and no change request; or when an
 * exception was granted on the current head commit (a push after the grant needs a new grant).</li>
 * </ul>
 */
public final class ReviewPolicy {

    private ReviewPolicy() {
    }

    /**
     * The logins (spelled as in the reviewer's first review) whose profile company the caller must fetch: reviewers
     * whose latest state is a counting approval and whom the affiliations map does not name. Empty unless
     * {@code affiliation-fallback} is {@code profile-company}.
     */
    public static Set<String> loginsNeedingCompany(BotConfig config, String author, String headSha,
            List<ReviewFact> reviews) {
        if (fallback(config) != AffiliationFallback.PROFILE_COMPANY) {
            return Set.of();
        }
        Affiliations affiliations = Affiliations.of(config.affiliations());
        Set<String> logins = new LinkedHashSet<>();
        for (Reviewer r : reviewers(reviews)) {
            if (classify(r, reviews(config), author, headSha).counts
                    && affiliations.organisationOf(r.login).isEmpty()) {
                logins.add(r.login);
            }
        }
        return Collections.unmodifiableSet(logins);
    }

    public static ReviewVerdict evaluate(BotConfig config, ReviewFacts facts) {
        Reviews rules = reviews(config);
        AffiliationFallback fallback = fallback(config);
        Affiliations affiliations = Affiliations.of(config.affiliations());
        Map<String, String> mapOrgByKey = new HashMap<>();
        for (String org : config.affiliations().keySet()) {
            if (org != null && !org.isBlank()) {
                mapOrgByKey.putIfAbsent(orgKey(org.strip()), org.strip());
            }
        }
        Map<String, String> companies = new HashMap<>();
        facts.profileCompanies().forEach((login, company) -> {
            String key = Affiliations.key(login);
            if (key != null && company != null) {
                companies.putIfAbsent(key, company);
            }
        });

        List<ReviewerLine> lines = new ArrayList<>();
        List<String> changesRequestedBy = new ArrayList<>();
        Map<String, String> organisationNames = new LinkedHashMap<>();
        int approvals = 0;
        for (Reviewer r : reviewers(facts.reviews())) {
            Standing standing = classify(r, rules, facts.author(), facts.headSha());
            String org = null;
            ReviewerLine.Source source = null;
            if (!r.bot) {
                Optional<String> mapped = affiliations.organisationOf(r.login);
                if (mapped.isPresent()) {
                    org = mapped.get();
                    source = ReviewerLine.Source.AFFILIATIONS;
                } else if (fallback == AffiliationFallback.PROFILE_COMPANY) {
                    Optional<String> company = Companies.normalise(companies.get(r.key));
                    if (company.isPresent()) {
                        org = mapOrgByKey.getOrDefault(orgKey(company.get()), company.get());
                        source = ReviewerLine.Source.PROFILE_COMPANY;
                    }
                }
            }
            if (standing.counts) {
                approvals++;
                if (org != null) {
                    organisationNames.putIfAbsent(orgKey(org), org);
                }
            }
            if (standing.blocks) {
                changesRequestedBy.add(r.login);
            }
            lines.add(new ReviewerLine(r.login, org, source, r.latest.state(), r.latest.commitId(), standing.counts,
                    standing.note));
        }

        int organisations = organisationNames.size();
        boolean rulesMet = approvals >= rules.requiredApprovals()
                && organisations >= rules.distinctOrganisations()
                && changesRequestedBy.isEmpty();
        boolean exceptionHolds = facts.exception() != null && facts.exception().holdsOn(facts.headSha());
        boolean byException = !rulesMet && exceptionHolds;
        return new ReviewVerdict(rulesMet || byException, byException, approvals, rules.requiredApprovals(),
                organisations, rules.distinctOrganisations(), List.copyOf(organisationNames.values()), lines,
                changesRequestedBy, facts.exception(), exceptionHolds);
    }

    // --- internals ---

    /** One person who left at least one decisive review. */
    private record Reviewer(String key, String login, boolean bot, ReviewFact latest) {
    }

    private record Standing(boolean counts, boolean blocks, ReviewerLine.Note note) {
    }

    /**
     * Folds the reviews into one entry per person (case-insensitive login), in order of their first review of any
     * kind, keeping only people whose latest decisive review exists.
     */
    private static List<Reviewer> reviewers(List<ReviewFact> reviews) {
        Map<String, String> firstLogin = new LinkedHashMap<>();
        Map<String, Boolean> bot = new HashMap<>();
        Map<String, ReviewFact> latest = new HashMap<>();
        if (reviews != null) {
            for (ReviewFact f : reviews) {
                if (f == null) {
                    continue;
                }
                String key = Affiliations.key(f.login());
                if (key == null) {
                    continue;
                }
                firstLogin.putIfAbsent(key, f.login().strip());
                bot.merge(key, f.isBot(), Boolean::logicalOr);
                if (f.state() != null && f.state().decisive()) {
                    latest.put(key, f);
                }
            }
        }
        List<Reviewer> out = new ArrayList<>();
        firstLogin.forEach((key, login) -> {
            ReviewFact l = latest.get(key);
            if (l != null) {
                out.add(new Reviewer(key, login, bot.get(key), l));
            }
        });
        return out;
    }

    private static Standing classify(Reviewer r, Reviews rules, String author, String headSha) {
        String authorKey = Affiliations.key(author);
        boolean isAuthor = authorKey != null && authorKey.equals(r.key);
        if (r.bot) {
            return new Standing(false, false, ReviewerLine.Note.BOT);
        }
        if (isAuthor) {
            return new Standing(false, false, ReviewerLine.Note.AUTHOR);
        }
        return switch (r.latest.state()) {
            case DISMISSED -> new Standing(false, false, ReviewerLine.Note.DISMISSED);
            case CHANGES_REQUESTED -> new Standing(false, true, ReviewerLine.Note.CHANGES_REQUESTED);
            case APPROVED -> !rules.dismissStale() || sameCommit(r.latest.commitId(), headSha)
                    ? new Standing(true, false, null)
                    : new Standing(false, false, ReviewerLine.Note.STALE);
            default -> throw new IllegalStateException("not a decisive state: " + r.latest.state());
        };
    }

    private static boolean sameCommit(String commitId, String headSha) {
        return commitId != null && headSha != null && !headSha.isBlank()
                && commitId.strip().equalsIgnoreCase(headSha.strip());
    }

    /** How organisation names compare: normalised like a profile company, else case-folded. */
    private static String orgKey(String org) {
        return Companies.normalise(org).orElse(org.strip().toLowerCase(Locale.ROOT));
    }

    private static Reviews reviews(BotConfig config) {
        return config.reviews() == null ? Reviews.DEFAULTS : config.reviews();
    }

    private static AffiliationFallback fallback(BotConfig config) {
        return config.affiliationFallback() == null ? AffiliationFallback.NONE : config.affiliationFallback();
    }
}
