package io.mojaloop.releasebot.core.contents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.contents.Audit.MergedPullRequest;
import io.mojaloop.releasebot.core.contents.Audit.Reason;
import io.mojaloop.releasebot.core.contents.Audit.Row;

class AuditTest {

    static MergedPullRequest pr(String repo, int number, String reviewRules, boolean reviewException, String freezeWindow,
            boolean freezeException) {
        return new MergedPullRequest(repo, number, "fix: something (#" + number + ")", "https://github.com/mojaloop/" + repo + "/pull/" + number,
                "grace", "0123456789abcdef0123456789abcdef01234567", reviewRules, reviewException, freezeWindow, freezeException);
    }

    @Test
    void aPullRequestThatMetTheRulesIsNotListed() {
        assertThat(Audit.reasons(pr("central-ledger", 1, "success", false, null, false))).isEmpty();
        assertThat(Audit.reasons(pr("central-ledger", 1, "SUCCESS", false, null, false))).isEmpty();
        // blocked by a freeze, with a freeze exception: allowed
        assertThat(Audit.reasons(pr("central-ledger", 1, "success", false, "bug-fix freeze", true))).isEmpty();
    }

    @Test
    void mergedWithoutMeetingTheReviewRule() {
        for (String conclusion : new String[] { "failure", "neutral", "cancelled", "skipped", "timed_out", "action_required", "stale", "" }) {
            assertThat(Audit.reasons(pr("a", 1, conclusion, false, null, false))).as(conclusion).containsExactly(Reason.REVIEW_RULE_NOT_MET);
        }
        // no run of the bot on the merged head (merged by an admin before the bot ran, or another app's run)
        assertThat(Audit.reasons(pr("a", 1, null, false, null, false))).containsExactly(Reason.REVIEW_RULE_NOT_MET);
        // an exception that did not make the run pass on the merged head (granted on an older head) does not help
        assertThat(Audit.reasons(pr("a", 1, "failure", true, null, false))).containsExactly(Reason.REVIEW_RULE_NOT_MET);
    }

    @Test
    void passedOnlyByAReviewException() {
        List<Reason> reasons = Audit.reasons(pr("a", 1, "success", true, null, false));
        assertThat(reasons).containsExactly(Reason.REVIEW_EXCEPTION);
        Row row = new Row(pr("a", 1, "success", true, null, false), reasons);
        assertThat(row.highlighted()).isTrue();
        assertThat(row.reviewException()).isTrue();
        assertThat(row.reviewRuleNotMet()).isFalse();
    }

    @Test
    void mergedDuringAFreezeWithoutAnException() {
        assertThat(Audit.reasons(pr("a", 1, "success", false, "feature freeze", false))).containsExactly(Reason.FREEZE);
        assertThat(Audit.reasons(pr("a", 1, null, false, "bug-fix freeze", false))).containsExactly(Reason.REVIEW_RULE_NOT_MET, Reason.FREEZE);
        assertThat(Audit.reasons(pr("a", 1, "success", true, "bug-fix freeze", false))).containsExactly(Reason.REVIEW_EXCEPTION, Reason.FREEZE);
        // a freeze exception without a blocking window changes nothing
        assertThat(Audit.reasons(pr("a", 1, "success", false, null, true))).isEmpty();
    }

    @Test
    void rowsOncePerPullRequestInRepositoryAndNumberOrder() {
        List<Row> rows = Audit.rows(List.of(
                pr("quoting-service", 9, "failure", false, null, false),
                pr("central-ledger", 20, "success", false, null, false),
                pr("central-ledger", 12, "success", true, null, false),
                pr("Central-Ledger", 12, "failure", false, null, false),
                pr("central-ledger", 3, "success", false, "feature freeze", false),
                pr("account-lookup-service", 100, null, false, null, false)));
        assertThat(rows).extracting(r -> r.pr().repository() + "#" + r.pr().number(), Row::reasons).containsExactly(
                org.assertj.core.groups.Tuple.tuple("account-lookup-service#100", List.of(Reason.REVIEW_RULE_NOT_MET)),
                org.assertj.core.groups.Tuple.tuple("central-ledger#3", List.of(Reason.FREEZE)),
                org.assertj.core.groups.Tuple.tuple("central-ledger#12", List.of(Reason.REVIEW_EXCEPTION)),
                org.assertj.core.groups.Tuple.tuple("quoting-service#9", List.of(Reason.REVIEW_RULE_NOT_MET)));
        assertThat(Audit.rows(List.of())).isEmpty();
    }

    @Test
    void theSectionCountsAndBoundsItsRows() {
        List<MergedPullRequest> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 45; i++) {
            many.add(pr("central-ledger", i, i % 3 == 0 ? "success" : "failure", i % 3 == 0, i % 5 == 0 ? "feature freeze" : null, false));
        }
        AuditSection section = AuditSection.of(true, Audit.rows(many), "https://bot.example/api/v1/releases/v17.2.0/contents");
        assertThat(section.rows()).hasSize(AuditSection.MAX_ROWS);
        assertThat(section.hidden()).isEqualTo(45 - AuditSection.MAX_ROWS);
        assertThat(section.reviewRuleNotMet()).isEqualTo(30);
        assertThat(section.reviewExceptions()).isEqualTo(15);
        assertThat(section.freeze()).isEqualTo(9);
        assertThat(section.rows().get(0).ref()).isEqualTo("central-ledger#1");
        assertThat(section.rows().get(0).mergedHead()).isEqualTo("0123456");
    }
}
