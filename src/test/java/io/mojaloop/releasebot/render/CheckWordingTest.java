package io.mojaloop.releasebot.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.bot.checks.CheckTexts;
import io.mojaloop.releasebot.bot.checks.EvaluateReleaseFreeze;
import io.mojaloop.releasebot.bot.checks.EvaluateReviewRules;
import io.mojaloop.releasebot.github.model.CheckRunOutput;
import io.mojaloop.releasebot.core.config.AffiliationFallback;
import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.DateSpec;
import io.mojaloop.releasebot.core.config.Freeze;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.config.ReleaseCandidates;
import io.mojaloop.releasebot.core.config.Reviews;
import io.mojaloop.releasebot.core.policy.FreezeException;
import io.mojaloop.releasebot.core.policy.FreezeFacts;
import io.mojaloop.releasebot.core.policy.FreezePolicy;
import io.mojaloop.releasebot.core.policy.ReviewException;
import io.mojaloop.releasebot.core.policy.ReviewFact;
import io.mojaloop.releasebot.core.policy.ReviewFacts;
import io.mojaloop.releasebot.core.policy.ReviewPolicy;
import io.mojaloop.releasebot.core.policy.ReviewState;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Both check runs for every outcome, every reason a PR is classified and every reviewer note, compared with
 * {@code src/test/resources/wording/check-*.md}.
 */
@QuarkusTest
class CheckWordingTest {

    static final String HEAD = "0123456789abcdef0123456789abcdef01234567";
    static final String OLD = "fedcba9876543210fedcba9876543210fedcba98";

    @Inject
    EvaluateReleaseFreeze releaseFreeze;
    @Inject
    EvaluateReviewRules reviewRules;

    static final Release V17 = new Release("v17.2.0", DateSpec.parse("2027-01-18"), DateSpec.parse("2027-01-25"), ZoneId.of("UTC"),
            null, null, "mojaloop/project#4300", List.of("central-ledger", "helm"), 10);

    static BotConfig config(Reviews reviews, Map<String, List<String>> affiliations, AffiliationFallback fallback, Freeze freeze) {
        return new BotConfig(reviews, affiliations, fallback, freeze, ReleaseCandidates.DEFAULTS, List.of(V17), List.of());
    }

    static final BotConfig WITH_TEAMS = config(new Reviews(2, 2, true, List.of("design-authority")),
            Map.of("Infitx", List.of("alice"), "ModusBox", List.of("bob")), AffiliationFallback.PROFILE_COMPANY,
            new Freeze(6, 4, List.of("main", "release/*"), List.of("feat", "perf"), List.of("priority: critical", "hotfix"),
                    List.of("release-managers")));
    static final BotConfig PLAIN = config(new Reviews(2, 2, false, List.of()), Map.of("Infitx", List.of("alice")),
            AffiliationFallback.NONE, Freeze.DEFAULTS);

    static final BotConfig NONE_NEEDED = config(new Reviews(0, 0, true, List.of()), Map.of("Infitx", List.of("alice")),
            AffiliationFallback.NONE, Freeze.DEFAULTS);

    static String show(CheckRunOutput o) {
        return o.conclusion() + "\n--- title\n" + o.title() + "\n--- summary\n" + o.summary() + "\n--- text\n" + o.text();
    }

    String freeze(BotConfig config, String repo, String base, String title, String at, FreezeException exception, String... labels) {
        var verdict = FreezePolicy.evaluate(config, new FreezeFacts(repo, base, title, List.of(labels), exception), Instant.parse(at));
        return show(releaseFreeze.render(verdict, config, new CheckTexts.PrView(HEAD, base, title), Instant.parse(at)));
    }

    @Test
    void releaseFreeze() throws IOException {
        FreezeException granted = new FreezeException("henry", "Needed for the *demo*");
        Wording.Sheet sheet = new Wording.Sheet()
                .add("repo not in a release", freeze(WITH_TEAMS, "other-repo", "main", "feat: x", "2026-12-10T00:00:00Z", null))
                .add("branch not frozen", freeze(WITH_TEAMS, "central-ledger", "develop", "feat: x", "2026-12-10T00:00:00Z", null))
                .add("no window, warning", freeze(WITH_TEAMS, "central-ledger", "main", "feat: x", "2026-11-30T00:00:00Z", null))
                .add("no window", freeze(PLAIN, "central-ledger", "main", "fix: x", "2026-10-01T00:00:00Z", null))
                .add("feature type", freeze(WITH_TEAMS, "central-ledger", "main", "feat(api): add x", "2026-12-10T00:00:00Z", null))
                .add("configured feature type", freeze(WITH_TEAMS, "central-ledger", "main", "perf: faster", "2026-12-10T00:00:00Z", null))
                .add("fix type", freeze(WITH_TEAMS, "central-ledger", "main", "fix: y", "2026-12-10T00:00:00Z", null))
                .add("fix type, warning", freeze(WITH_TEAMS, "central-ledger", "main", "fix: y", "2026-12-20T00:00:00Z", null))
                .add("other type", freeze(PLAIN, "central-ledger", "main", "chore: z", "2026-12-10T00:00:00Z", null))
                .add("breaking", freeze(WITH_TEAMS, "central-ledger", "main", "fix(api)!: break", "2026-12-10T00:00:00Z", null))
                .add("no type", freeze(WITH_TEAMS, "central-ledger", "main", "Update the readme", "2026-12-10T00:00:00Z", null))
                .add("unknown type", freeze(PLAIN, "central-ledger", "main", "wip: x", "2026-12-10T00:00:00Z", null))
                .add("feature label", freeze(WITH_TEAMS, "central-ledger", "main", "fix: y", "2026-12-10T00:00:00Z", null, "Enhancement"))
                .add("fix label", freeze(WITH_TEAMS, "central-ledger", "main", "feat: y", "2026-12-10T00:00:00Z", null, "Type: Bug"))
                .add("feature freeze exception", freeze(WITH_TEAMS, "central-ledger", "main", "feat: y", "2026-12-10T00:00:00Z", granted))
                .add("bug-fix freeze", freeze(WITH_TEAMS, "central-ledger", "release/v17", "fix: y", "2027-01-05T00:00:00Z", null))
                .add("bug-fix freeze, plain", freeze(PLAIN, "central-ledger", "main", "docs: y", "2027-01-05T00:00:00Z", null))
                .add("bug-fix freeze label", freeze(WITH_TEAMS, "central-ledger", "main", "fix: y", "2027-01-05T00:00:00Z", null, "hotfix"))
                .add("bug-fix freeze exception", freeze(WITH_TEAMS, "helm", "main", "fix: y", "2027-01-05T00:00:00Z", granted));
        Wording.matches("check-release-freeze.md", sheet.toString());
        assertThat(sheet.toString())
                .contains("because the label \"Enhancement\" marks it as a feature.")
                .contains("because the label \"Type: Bug\" marks it as a bug fix.")
                .contains("because the title's type \"wip\" is not a Conventional Commit type \\(feat, fix, chore, docs, refactor, perf, "
                        + "test, build, ci, revert, style\\).")
                .contains("because the title does not start with a Conventional Commit type such as \"feat:\" or \"fix:\".")
                .contains("because the title marks a breaking change \\(\"fix\\!\"\\), which counts as a feature.")
                .contains("because the title's type \"perf\" is a feature type.")
                .contains("because the title's type \"fix\" is a bug fix.")
                .contains("because the title's type \"chore\" is neither a feature nor a bug fix.")
                .contains("it is a **bug fix** because").contains("it is a **other change** because").contains("it is a **unknown** because")
                .contains("the feature freeze of v17.2.0").contains("the bug-fix freeze of v17.2.0");
    }

    static ReviewFact review(String login, ReviewState state, String commit, int second) {
        return new ReviewFact(login, login.endsWith("[bot]"), state, commit, Instant.ofEpochSecond(second));
    }

    String reviews(BotConfig config, List<ReviewFact> reviews, Map<String, String> companies, ReviewException exception) {
        var verdict = ReviewPolicy.evaluate(config, new ReviewFacts("author", HEAD, reviews, companies, exception));
        return show(reviewRules.render(verdict, config, new CheckTexts.PrView(HEAD, "main", "feat: x"), Instant.parse("2026-12-10T00:00:00Z")));
    }

    @Test
    void reviewRules() throws IOException {
        List<ReviewFact> mixed = new ArrayList<>(List.of(review("alice", ReviewState.APPROVED, HEAD, 1),
                review("dependabot[bot]", ReviewState.APPROVED, HEAD, 2), review("author", ReviewState.APPROVED, HEAD, 3),
                review("dave", ReviewState.APPROVED, OLD, 4), review("erin", ReviewState.DISMISSED, HEAD, 5),
                review("frank", ReviewState.CHANGES_REQUESTED, HEAD, 6), review("carol", ReviewState.APPROVED, HEAD, 7)));
        Map<String, String> companies = Map.of("carol", "Crosslake, Inc.", "dave", "ModusBox GmbH");
        List<ReviewFact> enough = List.of(review("alice", ReviewState.APPROVED, HEAD, 1), review("bob", ReviewState.APPROVED, HEAD, 2),
                review("carol", ReviewState.APPROVED, HEAD, 3));
        Wording.Sheet sheet = new Wording.Sheet()
                .add("nobody", reviews(WITH_TEAMS, List.of(), Map.of(), null))
                .add("mixed", reviews(WITH_TEAMS, mixed, companies, null))
                .add("mixed, by exception", reviews(WITH_TEAMS, mixed, companies, new ReviewException("da-lead", "Urgent <fix>", HEAD)))
                .add("mixed, exception granted on an older commit",
                        reviews(WITH_TEAMS, mixed, companies, new ReviewException("da-lead", "Urgent <fix>", OLD)))
                .add("mixed, exception never acknowledged",
                        reviews(WITH_TEAMS, mixed, companies, new ReviewException("da-lead", "Urgent <fix>", null)))
                .add("one approval", reviews(PLAIN, List.of(review("alice", ReviewState.APPROVED, OLD, 1)), Map.of(), null))
                .add("no organisation", reviews(PLAIN, List.of(review("zed", ReviewState.APPROVED, HEAD, 1)), Map.of(), null))
                .add("enough", reviews(WITH_TEAMS, enough, Map.of("carol", "Crosslake"), null))
                .add("two of two", reviews(WITH_TEAMS, enough.subList(0, 2), Map.of(), null))
                .add("more than none needed", reviews(NONE_NEEDED, enough.subList(0, 1), Map.of(), null));
        Wording.matches("check-review-rules.md", sheet.toString());
        // more than needed reads "3 approvals, 2 needed", not "3 of 2 approvals"
        assertThat(sheet.toString()).contains("\n3 organisations, 2 needed, 3 approvals, 2 needed\n")
                .contains("\n2 of 2 organisations, 2 of 2 approvals\n").contains("\n1 organisation, 0 needed, 1 approval, 0 needed\n")
                .doesNotContain("3 of 2");
        assertThat(sheet.toString()).contains("The exception was granted on `0123456`; a new push needs a new grant.")
                .contains("- **The review exception da-lead granted no longer applies:** the exception was granted on `fedcba9`; "
                        + "a new push needs a new grant.")
                .contains("- **The review exception da-lead granted does not apply:** the bot never acknowledged it");
        assertThat(sheet.toString()).contains("| no: author of the PR |").contains("| no: bot |").contains("| no: dismissed |")
                .contains("| no: approved an older commit |").contains("| no: requested changes |").contains("(affiliations)")
                .contains("(profile company)").contains("| changes requested |").contains("| approved |").contains("| dismissed |");
    }

    @Test
    void aHugeReasonIsClippedInTheChecksWithItsEscapesWhole() {
        String reason = "<&>".repeat(40_000);
        String review = reviews(WITH_TEAMS, List.of(), Map.of(), new ReviewException("da-lead", reason, "0123456789abcdef0123456789abcdef01234567"));
        String freeze = freeze(WITH_TEAMS, "central-ledger", "main", "feat: y", "2026-12-10T00:00:00Z",
                new FreezeException("henry", reason));
        String clipped = Markdown.escape(reason.substring(0, io.mojaloop.releasebot.core.story.StoryBounds.MAX_TEXT - 1)) + "…";
        for (String text : List.of(review, freeze)) {
            assertThat(text).contains("exception: \"" + clipped + "\".").hasSizeLessThan(20_000).doesNotContain("(truncated)");
        }
    }
}
