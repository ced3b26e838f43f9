package io.mojaloop.releasebot.core.contents;

import java.util.ArrayList;
import java.util.List;

/**
 * The story's audit section ({@code templates/contents/story-audit.md}): the merged PRs that did not meet the
 * rules. Bounded like {@link ContentsSection}: at most {@link #MAX_ROWS} rows, titles clipped, the rest counted.
 *
 * @param fullUrl where the whole list is (null when there is no such link)
 * @param hidden rows not listed here
 */
public record AuditSection(boolean checked, List<Row> rows, int hidden, int reviewRuleNotMet, int reviewExceptions,
        int freeze, String fullUrl, int unreadable) {

    public static final int MAX_ROWS = 20;
    static final int TITLE = 100;
    static final int NAME = 60;

    /** One listed PR, its texts clipped. */
    public record Row(String ref, String url, String title, String mergedBy, String mergedHead, String reviewRules,
            String freezeWindow, boolean reviewRuleNotMet, boolean reviewException, boolean freeze) {
    }

    /**
     * @param checked false when the audit could not be made (the contents are unknown): the template says so
     *        instead of "nothing to report"
     */
    public static AuditSection of(boolean checked, List<Audit.Row> rows, String fullUrl) {
        return of(checked, rows, fullUrl, 0);
    }

    /** @param unreadable PRs of the changes that could not be read: the audit says it is incomplete */
    public static AuditSection of(boolean checked, List<Audit.Row> rows, String fullUrl, int unreadable) {
        List<Row> shown = new ArrayList<>();
        for (Audit.Row r : rows) {
            if (shown.size() == MAX_ROWS) {
                break;
            }
            Audit.MergedPullRequest pr = r.pr();
            String repo = pr.repository().contains("/") ? pr.repository().substring(pr.repository().indexOf('/') + 1) : pr.repository();
            shown.add(new Row(Links.clip(repo, NAME) + "#" + pr.number(), pr.url(), Links.clip(ConventionalCommit.withoutPullRequest(pr.title()), TITLE),
                    Links.clip(pr.mergedBy(), 39), pr.mergedHead() == null ? null : NotesView.shortSha(pr.mergedHead()),
                    Links.clip(pr.reviewRules(), 20), Links.clip(pr.freezeWindow(), 40), r.reviewRuleNotMet(), r.reviewException(),
                    r.freeze()));
        }
        return new AuditSection(checked, shown, rows.size() - shown.size(), (int) rows.stream().filter(Audit.Row::reviewRuleNotMet).count(),
                (int) rows.stream().filter(Audit.Row::reviewException).count(), (int) rows.stream().filter(Audit.Row::freeze).count(),
                fullUrl, unreadable);
    }

    /** How many PRs are listed in all (shown or counted). */
    public int listed() {
        return rows.size() + hidden;
    }
}
