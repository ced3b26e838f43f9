package io.mojaloop.releasebot.core.policy;

import static io.mojaloop.releasebot.core.policy.ReviewState.APPROVED;
import static io.mojaloop.releasebot.core.policy.ReviewState.CHANGES_REQUESTED;
import static io.mojaloop.releasebot.core.policy.ReviewState.COMMENTED;
import static io.mojaloop.releasebot.core.policy.ReviewState.DISMISSED;
import static io.mojaloop.releasebot.core.policy.ReviewState.PENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mojaloop.releasebot.core.config.AffiliationFallback;
import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.Freeze;
import io.mojaloop.releasebot.core.config.ReleaseCandidates;
import io.mojaloop.releasebot.core.config.Reviews;

class ReviewPolicyTest {

    static final String HEAD = "abc123def4567890abc123def4567890abc12345";
    static final String OLD = "0000111122223333444455556666777788889999";
    static final String AUTHOR = "author";

    static final Map<String, List<String>> AFFILIATIONS = Map.of(
            "Infitx", List.of("alice", "BOB"),
            "Crosslake", List.of("carol"),
            "ModusBox", List.of("mike"));

    private static int clock;

    static BotConfig config(int approvals, int orgs, boolean dismissStale, AffiliationFallback fallback) {
        return withAffiliations(new Reviews(approvals, orgs, dismissStale, List.of("design-authority")), AFFILIATIONS,
                fallback);
    }

    static BotConfig withAffiliations(Reviews reviews, Map<String, List<String>> affiliations,
            AffiliationFallback fallback) {
        return new BotConfig(reviews, affiliations, fallback, Freeze.DEFAULTS, ReleaseCandidates.DEFAULTS, List.of(),
                List.of());
    }

    static BotConfig config(int approvals, int orgs) {
        return config(approvals, orgs, true, AffiliationFallback.NONE);
    }

    static ReviewFact review(String login, ReviewState state, String commit) {
        return new ReviewFact(login, false, state, commit, Instant.parse("2027-01-01T00:00:00Z").plusSeconds(clock++));
    }

    static ReviewFact approve(String login) {
        return review(login, APPROVED, HEAD);
    }

    static ReviewFacts facts(ReviewFact... reviews) {
        return new ReviewFacts(AUTHOR, HEAD, List.of(reviews), Map.of(), null);
    }

    static ReviewVerdict evaluate(BotConfig config, ReviewFact... reviews) {
        return ReviewPolicy.evaluate(config, facts(reviews));
    }

    static ReviewerLine line(ReviewVerdict v, String login) {
        return v.reviewers().stream().filter(l -> l.login().equals(login)).findFirst().orElseThrow();
    }

    @Nested
    class Counts {

        @Test
        void belowRequiredFails() {
            ReviewVerdict v = evaluate(config(2, 1), approve("alice"));
            assertThat(v.passed()).isFalse();
            assertThat(v.approvals()).isEqualTo(1);
            assertThat(v.requiredApprovals()).isEqualTo(2);
            assertThat(v.missingApprovals()).isEqualTo(1);
            assertThat(v.missingOrganisations()).isZero();
        }

        @Test
        void noReviewsAtAll() {
            ReviewVerdict v = evaluate(config(2, 2));
            assertThat(v.passed()).isFalse();
            assertThat(v.approvals()).isZero();
            assertThat(v.missingApprovals()).isEqualTo(2);
            assertThat(v.missingOrganisations()).isEqualTo(2);
            assertThat(v.reviewers()).isEmpty();
            assertThat(v.organisationNames()).isEmpty();
        }

        @Test
        void atRequiredPasses() {
            ReviewVerdict v = evaluate(config(2, 2), approve("alice"), approve("carol"));
            assertThat(v.passed()).isTrue();
            assertThat(v.byException()).isFalse();
            assertThat(v.approvals()).isEqualTo(2);
            assertThat(v.organisations()).isEqualTo(2);
            assertThat(v.organisationNames()).containsExactly("Infitx", "Crosslake");
            assertThat(v.missingApprovals()).isZero();
            assertThat(v.missingOrganisations()).isZero();
        }

        @Test
        void aboveRequiredPasses() {
            ReviewVerdict v = evaluate(config(2, 2), approve("alice"), approve("carol"), approve("mike"));
            assertThat(v.passed()).isTrue();
            assertThat(v.approvals()).isEqualTo(3);
            assertThat(v.organisations()).isEqualTo(3);
            assertThat(v.missingApprovals()).isZero();
        }

        @Test
        void twoApprovalsFromOneOrganisationFailOnOrganisations() {
            ReviewVerdict v = evaluate(config(2, 2), approve("alice"), approve("bob"));
            assertThat(v.passed()).isFalse();
            assertThat(v.approvals()).isEqualTo(2);
            assertThat(v.missingApprovals()).isZero();
            assertThat(v.organisations()).isEqualTo(1);
            assertThat(v.organisationNames()).containsExactly("Infitx");
            assertThat(v.missingOrganisations()).isEqualTo(1);
        }

        @Test
        void thirdApprovalFromAnotherOrganisationPasses() {
            ReviewVerdict v = evaluate(config(2, 2), approve("alice"), approve("bob"), approve("carol"));
            assertThat(v.passed()).isTrue();
            assertThat(v.approvals()).isEqualTo(3);
            assertThat(v.organisationNames()).containsExactly("Infitx", "Crosslake");
        }

        @Test
        void sameReviewerApprovingTwiceCountsOnce() {
            ReviewVerdict v = evaluate(config(2, 1), approve("alice"), approve("alice"));
            assertThat(v.approvals()).isEqualTo(1);
            assertThat(v.passed()).isFalse();
            assertThat(v.reviewers()).hasSize(1);
        }

        @Test
        void requiredZeroPassesWithNoReviews() {
            ReviewVerdict v = evaluate(config(0, 0));
            assertThat(v.passed()).isTrue();
            assertThat(v.byException()).isFalse();
            assertThat(v.missingApprovals()).isZero();
            assertThat(v.missingOrganisations()).isZero();
        }

        @Test
        void requiredZeroStillBlockedByChangesRequested() {
            ReviewVerdict v = evaluate(config(0, 0), review("carol", CHANGES_REQUESTED, HEAD));
            assertThat(v.passed()).isFalse();
            assertThat(v.changesRequestedBy()).containsExactly("carol");
        }

        @Test
        void zeroOrganisationsRequiredNeedsOnlyApprovals() {
            ReviewVerdict v = evaluate(config(2, 0), approve("dave"), approve("erin"));
            assertThat(v.passed()).isTrue();
            assertThat(v.organisations()).isZero();
        }

        @Test
        void zeroApprovalsButOrganisationsRequired() {
            assertThat(evaluate(config(0, 1)).passed()).isFalse();
            assertThat(evaluate(config(0, 1), approve("alice")).passed()).isTrue();
        }
    }

    @Nested
    class LatestState {

        @Test
        void dismissedLatestReviewHasNoState() {
            ReviewVerdict v = evaluate(config(1, 0), approve("alice"), review("alice", DISMISSED, HEAD));
            assertThat(v.passed()).isFalse();
            assertThat(v.approvals()).isZero();
            ReviewerLine l = line(v, "alice");
            assertThat(l.state()).isEqualTo(DISMISSED);
            assertThat(l.counts()).isFalse();
            assertThat(l.note()).isEqualTo(ReviewerLine.Note.DISMISSED);
        }

        @Test
        void dismissedChangeRequestNoLongerBlocks() {
            ReviewVerdict v = evaluate(config(1, 0), review("carol", CHANGES_REQUESTED, OLD),
                    review("carol", DISMISSED, OLD), approve("alice"));
            assertThat(v.passed()).isTrue();
            assertThat(v.changesRequestedBy()).isEmpty();
        }

        @Test
        void approvalAfterDismissalCounts() {
            ReviewVerdict v = evaluate(config(1, 0), review("alice", DISMISSED, OLD), approve("alice"));
            assertThat(v.passed()).isTrue();
            assertThat(line(v, "alice").state()).isEqualTo(APPROVED);
        }

        @Test
        void approveThenCommentStillApproved() {
            ReviewVerdict v = evaluate(config(1, 0), approve("alice"), review("alice", COMMENTED, HEAD));
            assertThat(v.passed()).isTrue();
            ReviewerLine l = line(v, "alice");
            assertThat(l.state()).isEqualTo(APPROVED);
            assertThat(l.counts()).isTrue();
            assertThat(l.note()).isNull();
        }

        @Test
        void pendingChangesNothing() {
            ReviewVerdict v = evaluate(config(1, 0), approve("alice"), review("alice", PENDING, HEAD));
            assertThat(v.passed()).isTrue();
        }

        @Test
        void commentsOnlyGiveNoLine() {
            ReviewVerdict v = evaluate(config(1, 0), review("dave", COMMENTED, HEAD), review("erin", PENDING, HEAD));
            assertThat(v.reviewers()).isEmpty();
            assertThat(v.passed()).isFalse();
        }

        @Test
        void approveThenChangesRequestedBlocks() {
            ReviewVerdict v = evaluate(config(1, 0), approve("alice"), review("alice", CHANGES_REQUESTED, HEAD),
                    approve("carol"));
            assertThat(v.passed()).isFalse();
            assertThat(v.approvals()).isEqualTo(1);
            assertThat(v.changesRequestedBy()).containsExactly("alice");
            assertThat(line(v, "alice").note()).isEqualTo(ReviewerLine.Note.CHANGES_REQUESTED);
        }

        @Test
        void approveThenChangesRequestedThenApprove() {
            ReviewVerdict v = evaluate(config(1, 0), approve("alice"), review("alice", CHANGES_REQUESTED, HEAD),
                    approve("alice"));
            assertThat(v.passed()).isTrue();
            assertThat(v.changesRequestedBy()).isEmpty();
            assertThat(line(v, "alice").state()).isEqualTo(APPROVED);
        }

        @Test
        void changesRequestedBlocksEvenWithEnoughApprovalsAndIsNamed() {
            ReviewVerdict v = evaluate(config(2, 2), approve("alice"), approve("carol"), approve("mike"),
                    review("Dave", CHANGES_REQUESTED, HEAD));
            assertThat(v.passed()).isFalse();
            assertThat(v.approvals()).isEqualTo(3);
            assertThat(v.missingApprovals()).isZero();
            assertThat(v.missingOrganisations()).isZero();
            assertThat(v.changesRequestedBy()).containsExactly("Dave");
            assertThat(v.noChangesRequested()).isFalse();
        }

        @Test
        void changesRequestedOnAnOlderCommitStillBlocks() {
            ReviewVerdict v = evaluate(config(1, 0), review("carol", CHANGES_REQUESTED, OLD), approve("alice"));
            assertThat(v.passed()).isFalse();
            assertThat(v.changesRequestedBy()).containsExactly("carol");
            assertThat(line(v, "carol").commitId()).isEqualTo(OLD);
        }

        @Test
        void changesRequestedByTwoPeopleInOrderOfFirstReview() {
            ReviewVerdict v = evaluate(config(0, 0), review("erin", COMMENTED, HEAD), review("dave", CHANGES_REQUESTED, HEAD),
                    review("erin", CHANGES_REQUESTED, HEAD));
            assertThat(v.changesRequestedBy()).containsExactly("erin", "dave");
        }
    }

    @Nested
    class Staleness {

        @Test
        void staleApprovalDoesNotCountWithDismissStale() {
            ReviewVerdict v = evaluate(config(1, 0, true, AffiliationFallback.NONE), review("alice", APPROVED, OLD));
            assertThat(v.passed()).isFalse();
            assertThat(v.approvals()).isZero();
            ReviewerLine l = line(v, "alice");
            assertThat(l.counts()).isFalse();
            assertThat(l.note()).isEqualTo(ReviewerLine.Note.STALE);
            assertThat(l.commitId()).isEqualTo(OLD);
            assertThat(l.state()).isEqualTo(APPROVED);
        }

        @Test
        void staleApprovalCountsWithoutDismissStale() {
            ReviewVerdict v = evaluate(config(1, 0, false, AffiliationFallback.NONE), review("alice", APPROVED, OLD));
            assertThat(v.passed()).isTrue();
            assertThat(line(v, "alice").note()).isNull();
        }

        @Test
        void staleApprovalNeitherAddsAnOrganisation() {
            ReviewVerdict v = evaluate(config(2, 2), approve("alice"), review("carol", APPROVED, OLD));
            assertThat(v.organisationNames()).containsExactly("Infitx");
            assertThat(line(v, "carol").organisation()).isEqualTo("Crosslake");
        }

        @Test
        void reApprovalOnHeadCounts() {
            ReviewVerdict v = evaluate(config(1, 0), review("alice", APPROVED, OLD), approve("alice"));
            assertThat(v.passed()).isTrue();
        }

        @Test
        void approvalOnHeadThenCommentOnNothingElse() {
            ReviewVerdict v = evaluate(config(1, 0), approve("alice"), review("alice", COMMENTED, OLD));
            assertThat(v.passed()).isTrue();
        }

        @Test
        void commitIdComparedCaseInsensitively() {
            ReviewVerdict v = evaluate(config(1, 0), review("alice", APPROVED, HEAD.toUpperCase()));
            assertThat(v.passed()).isTrue();
        }

        @Test
        void missingCommitIdIsStale() {
            ReviewVerdict v = evaluate(config(1, 0), review("alice", APPROVED, null));
            assertThat(v.passed()).isFalse();
            assertThat(line(v, "alice").note()).isEqualTo(ReviewerLine.Note.STALE);
            assertThat(evaluate(config(1, 0, false, AffiliationFallback.NONE), review("alice", APPROVED, null))
                    .passed()).isTrue();
        }
    }

    @Nested
    class WhoCounts {

        @Test
        void ownApprovalNeverCounts() {
            ReviewVerdict v = evaluate(config(1, 0), approve(AUTHOR));
            assertThat(v.passed()).isFalse();
            assertThat(v.approvals()).isZero();
            ReviewerLine l = line(v, AUTHOR);
            assertThat(l.counts()).isFalse();
            assertThat(l.note()).isEqualTo(ReviewerLine.Note.AUTHOR);
        }

        @Test
        void authorMatchedCaseInsensitively() {
            ReviewVerdict v = ReviewPolicy.evaluate(config(1, 0),
                    new ReviewFacts("Alice", HEAD, List.of(approve("alice")), Map.of(), null));
            assertThat(v.passed()).isFalse();
            assertThat(line(v, "alice").note()).isEqualTo(ReviewerLine.Note.AUTHOR);
        }

        @Test
        void authorsOwnOrganisationIsNotCounted() {
            ReviewVerdict v = ReviewPolicy.evaluate(config(2, 2),
                    new ReviewFacts("alice", HEAD, List.of(approve("alice"), approve("carol"), approve("bob")),
                            Map.of(), null));
            assertThat(v.approvals()).isEqualTo(2);
            assertThat(v.organisationNames()).containsExactly("Crosslake", "Infitx");
            assertThat(v.passed()).isTrue();
        }

        @Test
        void botByFlag() {
            ReviewVerdict v = evaluate(config(1, 0), new ReviewFact("renovate", true, APPROVED, HEAD, null));
            assertThat(v.passed()).isFalse();
            ReviewerLine l = line(v, "renovate");
            assertThat(l.counts()).isFalse();
            assertThat(l.note()).isEqualTo(ReviewerLine.Note.BOT);
            assertThat(l.organisation()).isNull();
        }

        @Test
        void botBySuffix() {
            ReviewVerdict v = evaluate(config(1, 0), approve("dependabot[bot]"), approve("Some-App[BOT]"));
            assertThat(v.passed()).isFalse();
            assertThat(v.reviewers()).extracting(ReviewerLine::note).containsExactly(ReviewerLine.Note.BOT, ReviewerLine.Note.BOT);
        }

        @Test
        void botChangeRequestDoesNotBlock() {
            ReviewVerdict v = evaluate(config(1, 0), review("reviewer-bot[bot]", CHANGES_REQUESTED, HEAD),
                    approve("alice"));
            assertThat(v.passed()).isTrue();
            assertThat(v.changesRequestedBy()).isEmpty();
            assertThat(line(v, "reviewer-bot[bot]").state()).isEqualTo(CHANGES_REQUESTED);
        }

        @Test
        void botEvenInTheAffiliationsMapDoesNotCount() {
            BotConfig c = withAffiliations(new Reviews(1, 1, true, List.of()),
                    Map.of("Infitx", List.of("infitx-ci")), AffiliationFallback.NONE);
            ReviewVerdict v = ReviewPolicy.evaluate(c,
                    facts(new ReviewFact("infitx-ci", true, APPROVED, HEAD, null)));
            assertThat(v.passed()).isFalse();
            assertThat(v.organisations()).isZero();
        }

        @Test
        void loginCaseVariantsAreOneReviewer() {
            ReviewVerdict v = evaluate(config(2, 0), approve("Dave"), approve("dave"), approve("DAVE"));
            assertThat(v.approvals()).isEqualTo(1);
            assertThat(v.reviewers()).singleElement().extracting(ReviewerLine::login).isEqualTo("Dave");
        }

        @Test
        void caseVariantLaterReviewOverridesEarlierOne() {
            ReviewVerdict v = evaluate(config(1, 0), approve("Dave"), review("dave", CHANGES_REQUESTED, HEAD));
            assertThat(v.changesRequestedBy()).containsExactly("Dave");
            assertThat(v.passed()).isFalse();
        }

        @Test
        void affiliationMapLoginMatchedCaseInsensitively() {
            // the map lists "BOB"; the review comes from "bob"
            ReviewVerdict v = evaluate(config(2, 2), approve("bob"), approve("Carol"));
            assertThat(v.passed()).isTrue();
            assertThat(line(v, "bob").organisation()).isEqualTo("Infitx");
            assertThat(line(v, "bob").organisationSource()).isEqualTo(ReviewerLine.Source.AFFILIATIONS);
            assertThat(line(v, "Carol").organisation()).isEqualTo("Crosslake");
        }
    }

    @Nested
    class OrganisationsFromProfiles {

        static ReviewFacts withCompanies(Map<String, String> companies, ReviewFact... reviews) {
            return new ReviewFacts(AUTHOR, HEAD, List.of(reviews), companies, null);
        }

        @Test
        void profileCompanyUsedWhenNotInMap() {
            ReviewVerdict v = ReviewPolicy.evaluate(config(2, 2, true, AffiliationFallback.PROFILE_COMPANY),
                    withCompanies(Map.of("dave", " @Mifos Ltd "), approve("alice"), approve("dave")));
            assertThat(v.passed()).isTrue();
            assertThat(v.organisationNames()).containsExactly("Infitx", "mifos");
            ReviewerLine l = line(v, "dave");
            assertThat(l.organisation()).isEqualTo("mifos");
            assertThat(l.organisationSource()).isEqualTo(ReviewerLine.Source.PROFILE_COMPANY);
        }

        @Test
        void companiesKeyedCaseInsensitively() {
            ReviewVerdict v = ReviewPolicy.evaluate(config(2, 2, true, AffiliationFallback.PROFILE_COMPANY),
                    withCompanies(Map.of("DAVE", "Mifos"), approve("alice"), approve("Dave")));
            assertThat(v.passed()).isTrue();
        }

        @Test
        void mapWinsOverProfileCompany() {
            ReviewVerdict v = ReviewPolicy.evaluate(config(2, 2, true, AffiliationFallback.PROFILE_COMPANY),
                    withCompanies(Map.of("alice", "Crosslake"), approve("alice"), approve("bob")));
            assertThat(v.passed()).isFalse();
            assertThat(line(v, "alice").organisation()).isEqualTo("Infitx");
            assertThat(line(v, "alice").organisationSource()).isEqualTo(ReviewerLine.Source.AFFILIATIONS);
        }

        @Test
        void profileCompanyMatchingAMapOrganisationIsTheSameOrganisation() {
            ReviewVerdict v = ReviewPolicy.evaluate(config(2, 2, true, AffiliationFallback.PROFILE_COMPANY),
                    withCompanies(Map.of("dave", "INFITX Ltd."), approve("alice"), approve("dave")));
            assertThat(v.passed()).isFalse();
            assertThat(v.organisations()).isEqualTo(1);
            assertThat(v.organisationNames()).containsExactly("Infitx");
            assertThat(line(v, "dave").organisation()).isEqualTo("Infitx");
            assertThat(line(v, "dave").organisationSource()).isEqualTo(ReviewerLine.Source.PROFILE_COMPANY);
        }

        @Test
        void differentlyWrittenCompaniesAreOneOrganisation() {
            ReviewVerdict v = ReviewPolicy.evaluate(config(2, 2, true, AffiliationFallback.PROFILE_COMPANY),
                    withCompanies(Map.of("dave", "Mifos  Initiative, Inc.", "erin", "@mifos initiative"), approve("dave"),
                            approve("erin")));
            assertThat(v.organisations()).isEqualTo(1);
            assertThat(v.organisationNames()).containsExactly("mifos initiative");
            assertThat(v.passed()).isFalse();
        }

        @Test
        void fallbackNoneIgnoresCompanies() {
            ReviewVerdict v = ReviewPolicy.evaluate(config(2, 2, true, AffiliationFallback.NONE),
                    withCompanies(Map.of("dave", "Mifos"), approve("alice"), approve("dave")));
            assertThat(v.passed()).isFalse();
            assertThat(v.approvals()).isEqualTo(2);
            assertThat(v.organisations()).isEqualTo(1);
            assertThat(line(v, "dave").organisation()).isNull();
            assertThat(line(v, "dave").organisationSource()).isNull();
        }

        @Test
        void noAffiliationCountsTowardApprovalsButNotOrganisations() {
            ReviewVerdict v = ReviewPolicy.evaluate(config(2, 1, true, AffiliationFallback.PROFILE_COMPANY),
                    withCompanies(Map.of(), approve("alice"), approve("dave")));
            assertThat(v.passed()).isTrue();
            assertThat(v.approvals()).isEqualTo(2);
            assertThat(v.organisations()).isEqualTo(1);
            assertThat(line(v, "dave").organisation()).isNull();
            assertThat(line(v, "dave").counts()).isTrue();
        }

        @Test
        void blankOrNullCompanyIsNoOrganisation() {
            Map<String, String> companies = new HashMap<>();
            companies.put("dave", "  ");
            companies.put("erin", null);
            companies.put("frank", "@");
            ReviewVerdict v = ReviewPolicy.evaluate(config(3, 1, true, AffiliationFallback.PROFILE_COMPANY),
                    withCompanies(companies, approve("dave"), approve("erin"), approve("frank")));
            assertThat(v.approvals()).isEqualTo(3);
            assertThat(v.organisations()).isZero();
            assertThat(v.passed()).isFalse();
            assertThat(v.missingOrganisations()).isEqualTo(1);
        }

        @Test
        void organisationsFromMapCountedCaseFolded() {
            BotConfig c = withAffiliations(new Reviews(2, 2, true, List.of()),
                    Map.of("Infitx", List.of("alice"), "INFITX", List.of("bob")), AffiliationFallback.NONE);
            ReviewVerdict v = ReviewPolicy.evaluate(c, facts(approve("alice"), approve("bob")));
            assertThat(v.organisations()).isEqualTo(1);
            assertThat(v.organisationNames()).hasSize(1).first().isIn("Infitx", "INFITX");
            assertThat(v.passed()).isFalse();
        }
    }

    @Nested
    class Exceptions {

        @Test
        void exceptionPassesAndKeepsFacts() {
            ReviewException ex = new ReviewException("da-member", "urgent security fix", HEAD);
            ReviewVerdict v = ReviewPolicy.evaluate(config(2, 2), new ReviewFacts(AUTHOR, HEAD,
                    List.of(approve("alice"), review("dave", CHANGES_REQUESTED, HEAD)), Map.of(), ex));
            assertThat(v.passed()).isTrue();
            assertThat(v.byException()).isTrue();
            assertThat(v.exception()).isEqualTo(ex);
            assertThat(v.approvals()).isEqualTo(1);
            assertThat(v.missingApprovals()).isEqualTo(1);
            assertThat(v.missingOrganisations()).isEqualTo(1);
            assertThat(v.changesRequestedBy()).containsExactly("dave");
            assertThat(v.reviewers()).hasSize(2);
        }

        @Test
        void exceptionWithNoReviews() {
            ReviewVerdict v = ReviewPolicy.evaluate(config(2, 2),
                    new ReviewFacts(AUTHOR, HEAD, List.of(), Map.of(), new ReviewException("x", "y", HEAD)));
            assertThat(v.passed()).isTrue();
            assertThat(v.byException()).isTrue();
            assertThat(v.missingApprovals()).isEqualTo(2);
        }

        @Test
        void exceptionWhenRulesAlreadyMetIsCarriedButNotTheReason() {
            ReviewException ex = new ReviewException("da-member", "belt and braces", HEAD);
            ReviewVerdict v = ReviewPolicy.evaluate(config(2, 2),
                    new ReviewFacts(AUTHOR, HEAD, List.of(approve("alice"), approve("carol")), Map.of(), ex));
            assertThat(v.passed()).isTrue();
            assertThat(v.byException()).isFalse();
            assertThat(v.exception()).isEqualTo(ex);
        }

        @Test
        void anExceptionHoldsOnlyForTheCommitItWasGrantedOn() {
            ReviewException onHead = new ReviewException("da-member", "urgent", HEAD.toUpperCase(java.util.Locale.ROOT));
            assertThat(ReviewPolicy.evaluate(config(2, 2), new ReviewFacts(AUTHOR, HEAD, List.of(approve("alice")), Map.of(),
                    onHead)).passed()).isTrue();

            // a push after the grant: the exception stays visible but does not hold
            ReviewException older = new ReviewException("da-member", "urgent", "0ld0000000000000000000000000000000000000");
            ReviewVerdict v = ReviewPolicy.evaluate(config(2, 2),
                    new ReviewFacts(AUTHOR, HEAD, List.of(approve("alice")), Map.of(), older));
            assertThat(v.passed()).isFalse();
            assertThat(v.byException()).isFalse();
            assertThat(v.exceptionHolds()).isFalse();
            assertThat(v.staleException()).isTrue();
            assertThat(v.exception()).isEqualTo(older);

            // a grant the bot never acknowledged has no commit: it holds nowhere
            ReviewVerdict unacknowledged = ReviewPolicy.evaluate(config(2, 2),
                    new ReviewFacts(AUTHOR, HEAD, List.of(), Map.of(), new ReviewException("da-member", "urgent", null)));
            assertThat(unacknowledged.passed()).isFalse();
            assertThat(unacknowledged.staleException()).isTrue();
        }
    }

    @Nested
    class Lines {

        @Test
        void oneLinePerReviewerInOrderOfFirstReview() {
            ReviewVerdict v = evaluate(config(2, 2), review("carol", COMMENTED, HEAD), approve("alice"),
                    review("bob", APPROVED, OLD), approve("carol"), approve(AUTHOR), approve("ci[bot]"),
                    review("mike", CHANGES_REQUESTED, OLD), review("dave", COMMENTED, HEAD));
            assertThat(v.reviewers()).extracting(ReviewerLine::login)
                    .containsExactly("carol", "alice", "bob", AUTHOR, "ci[bot]", "mike");
            assertThat(v.reviewers()).extracting(ReviewerLine::counts)
                    .containsExactly(true, true, false, false, false, false);
            assertThat(v.reviewers()).extracting(ReviewerLine::note)
                    .containsExactly(null, null, ReviewerLine.Note.STALE, ReviewerLine.Note.AUTHOR, ReviewerLine.Note.BOT,
                            ReviewerLine.Note.CHANGES_REQUESTED);
            assertThat(v.reviewers()).extracting(ReviewerLine::organisation)
                    .containsExactly("Crosslake", "Infitx", "Infitx", null, null, "ModusBox");
        }

        @Test
        void listsAreImmutable() {
            ReviewVerdict v = evaluate(config(1, 1), approve("alice"), review("carol", CHANGES_REQUESTED, HEAD));
            assertThatThrownBy(() -> v.reviewers().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> v.organisationNames().clear())
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> v.changesRequestedBy().clear())
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void factsCopyTheirInputs() {
            List<ReviewFact> reviews = new ArrayList<>(List.of(approve("alice")));
            ReviewFacts f = new ReviewFacts(AUTHOR, HEAD, reviews, new HashMap<>(), null);
            reviews.add(approve("carol"));
            assertThat(f.reviews()).hasSize(1);
            assertThatThrownBy(() -> f.reviews().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class LoginsNeedingCompany {

        final BotConfig profile = config(2, 2, true, AffiliationFallback.PROFILE_COMPANY);

        @Test
        void countingApproversNotInTheMap() {
            assertThat(ReviewPolicy.loginsNeedingCompany(profile, AUTHOR, HEAD,
                    List.of(approve("alice"), approve("Dave"), approve("erin"))))
                    .containsExactly("Dave", "erin");
        }

        @Test
        void excludesNonCountingReviewers() {
            assertThat(ReviewPolicy.loginsNeedingCompany(profile, AUTHOR, HEAD, List.of(
                    review("stale", APPROVED, OLD),
                    approve(AUTHOR),
                    approve("x[bot]"),
                    new ReviewFact("flagged", true, APPROVED, HEAD, null),
                    review("blocker", CHANGES_REQUESTED, HEAD),
                    approve("gone"), review("gone", DISMISSED, HEAD),
                    review("talker", COMMENTED, HEAD),
                    approve("kept"), review("kept", COMMENTED, HEAD))))
                    .containsExactly("kept");
        }

        @Test
        void staleApprovalsNeedCompanyWhenTheyCount() {
            BotConfig noStale = config(2, 2, false, AffiliationFallback.PROFILE_COMPANY);
            assertThat(ReviewPolicy.loginsNeedingCompany(noStale, AUTHOR, HEAD, List.of(review("dave", APPROVED, OLD))))
                    .containsExactly("dave");
        }

        @Test
        void caseVariantsAskedOnceAndMapMatchedCaseInsensitively() {
            assertThat(ReviewPolicy.loginsNeedingCompany(profile, "ALICE", HEAD,
                    List.of(approve("Dave"), approve("dave"), approve("Bob"), approve("alice"))))
                    .containsExactly("Dave");
        }

        @Test
        void emptyWhenFallbackIsNone() {
            assertThat(ReviewPolicy.loginsNeedingCompany(config(2, 2, true, AffiliationFallback.NONE), AUTHOR, HEAD,
                    List.of(approve("dave")))).isEmpty();
        }

        @Test
        void emptyWithNoReviews() {
            assertThat(ReviewPolicy.loginsNeedingCompany(profile, AUTHOR, HEAD, List.of())).isEmpty();
        }

        @Test
        void resultIsImmutable() {
            var logins = ReviewPolicy.loginsNeedingCompany(profile, AUTHOR, HEAD, List.of(approve("dave")));
            assertThatThrownBy(() -> logins.add("x")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @ParameterizedTest(name = "{0} approvals / {1} orgs of required {2}/{3} -> {4}")
    @CsvSource({
            "0, 0, 2, 2, false",
            "1, 1, 2, 2, false",
            "2, 1, 2, 2, false",
            "2, 2, 2, 2, true",
            "3, 3, 2, 2, true",
            "3, 3, 3, 3, true",
            "2, 2, 3, 2, false",
            "1, 1, 1, 1, true",
            "1, 1, 1, 2, false",
    })
    void edgeTable(int approvals, int orgs, int required, int requiredOrgs, boolean passes) {
        // approvers: orgs of them from distinct organisations, the rest from Infitx
        List<String> distinct = List.of("alice", "carol", "mike");
        List<ReviewFact> reviews = new ArrayList<>();
        for (int i = 0; i < approvals; i++) {
            reviews.add(approve(i < orgs ? distinct.get(i) : "bob"));
        }
        ReviewVerdict v = ReviewPolicy.evaluate(config(required, requiredOrgs),
                new ReviewFacts(AUTHOR, HEAD, reviews, Map.of(), null));
        assertThat(v.approvals()).isEqualTo(approvals);
        assertThat(v.organisations()).isEqualTo(orgs);
        assertThat(v.passed()).isEqualTo(passes);
        assertThat(v.missingApprovals()).isEqualTo(Math.max(0, required - approvals));
        assertThat(v.missingOrganisations()).isEqualTo(Math.max(0, requiredOrgs - orgs));
    }
}
