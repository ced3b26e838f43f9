package io.mojaloop.releasebot.core.contents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The audit of a release's changes: which merged PRs did not meet the rules when they were merged.
 * <ul>
 * <li>{@link Reason#REVIEW_RULE_NOT_MET}: the bot's own {@code review-rules} run on the merged head commit was not
 * {@code success}, or there was none (merged anyway: by an admin, or with the rule off in branch protection);</li>
 * <li>{@link Reason#REVIEW_EXCEPTION}: it was {@code success} only by a review exception (highlighted);</li>
 * <li>{@link Reason#FREEZE}: a freeze window blocked it when it was merged and it had no freeze exception.</li>
 * </ul>
 */
public final class Audit {

    private Audit() {
    }

    /**
     * The facts of one merged PR, gathered by the edge.
     *
     * @param mergedHead the PR's head commit when it was merged
     * @param reviewRules the conclusion of the bot's own {@code review-rules} run on {@code mergedHead}
     *        ({@code success}, {@code failure}, ...); null when the bot has no completed run there
     * @param reviewException a review exception was granted for {@code mergedHead}
     * @param freezeWindow the window that blocked the PR when it was merged ({@code feature freeze},
     *        {@code bug-fix freeze}); null when none did
     * @param freezeException a freeze exception was granted
     */
    public record MergedPullRequest(String repository, int number, String title, String url, String mergedBy,
            String mergedHead, String reviewRules, boolean reviewException, String freezeWindow, boolean freezeException) {
    }

    public enum Reason {
        /** "Merged without meeting the review rule". */
        REVIEW_RULE_NOT_MET,
        /** Passed only by a review exception: shown highlighted. */
        REVIEW_EXCEPTION,
        /** "Merged during a freeze" without a freeze exception. */
        FREEZE
    }

    /** A PR the audit lists, with every reason that applies. */
    public record Row(MergedPullRequest pr, List<Reason> reasons) {
        public Row {
            reasons = List.copyOf(reasons);
        }

        public boolean has(Reason reason) {
            return reasons.contains(reason);
        }

        /** Passed by a review exception: highlighted like exceptions everywhere on the story. */
        public boolean highlighted() {
            return has(Reason.REVIEW_EXCEPTION);
        }

        public boolean reviewRuleNotMet() {
            return has(Reason.REVIEW_RULE_NOT_MET);
        }

        public boolean reviewException() {
            return has(Reason.REVIEW_EXCEPTION);
        }

        public boolean freeze() {
            return has(Reason.FREEZE);
        }
    }

    /** The reasons one PR is listed for (empty: it met the rules). */
    public static List<Reason> reasons(MergedPullRequest pr) {
        List<Reason> reasons = new ArrayList<>();
        boolean success = pr.reviewRules() != null && pr.reviewRules().trim().toLowerCase(Locale.ROOT).equals("success");
        if (!success) {
            reasons.add(Reason.REVIEW_RULE_NOT_MET);
        } else if (pr.reviewException()) {
            reasons.add(Reason.REVIEW_EXCEPTION);
        }
        if (pr.freezeWindow() != null && !pr.freezeException()) {
            reasons.add(Reason.FREEZE);
        }
        return reasons;
    }

    /** The PRs to list, each once (by repository and number), by repository then number. */
    public static List<Row> rows(List<MergedPullRequest> merged) {
        List<Row> rows = new ArrayList<>();
        for (MergedPullRequest pr : merged) {
            if (rows.stream().anyMatch(r -> r.pr().repository().equalsIgnoreCase(pr.repository()) && r.pr().number() == pr.number())) {
                continue;
            }
            List<Reason> reasons = reasons(pr);
            if (!reasons.isEmpty()) {
                rows.add(new Row(pr, reasons));
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.pr().repository().toLowerCase(Locale.ROOT)).thenComparingInt(r -> r.pr().number()));
        return rows;
    }
}
