package io.mojaloop.releasebot.core.contents;

import java.util.ArrayList;
import java.util.List;

/**
 * The story's contents section ({@code templates/contents/story-contents.md}): the changed components with their
 * versions and counts, and where the full draft is. Bounded whatever the release: at most {@link #MAX_ROWS}
 * components and {@link #MAX_PROBLEMS} problem lines, every text clipped, the rest counted and left to the draft,
 * so the story stays far inside GitHub's 65,536-character body.
 *
 * @param draftUrl where the full draft notes are (null when there is no such link)
 * @param hidden changed components not listed here
 * @param problems the first problems (each line clipped to {@link #problemLength()} by the template)
 * @param hiddenProblems problem lines not listed here
 */
public record ContentsSection(String version, boolean read, boolean previousRead, ChartRef current, String chartUrl,
        String previous, String previousUrl, int components, int changed, List<Row> rows, int hidden, int features,
        int fixes, int breaking, int other, int removed, List<ContentsProblem> problems, int hiddenProblems, String draftUrl) {

    public static final int MAX_ROWS = 25;
    public static final int MAX_PROBLEMS = 5;
    static final int NAME = 60;
    static final int VERSION = 40;
    static final int PROBLEM = 200;

    /**
     * One changed component.
     *
     * @param repository null when it is the component's own name
     * @param listed false when its commits could not be listed (a problem says why)
     */
    public record Row(String name, String repository, String previous, String version, Change change, int features,
            int fixes, int breaking, boolean listed, boolean truncated, int listedCommits, int totalCommits) {

        public boolean added() {
            return change == Change.ADDED;
        }
    }

    /** The longest problem line, in characters. */
    public int problemLength() {
        return PROBLEM;
    }

    public static ContentsSection of(ReleaseContents contents, Links links, String draftUrl) {
        List<Row> rows = new ArrayList<>();
        List<Component> changed = contents.changed();
        for (Component c : changed) {
            if (rows.size() == MAX_ROWS) {
                break;
            }
            boolean compared = c.change() != Change.ADDED;
            rows.add(new Row(Links.clip(c.name(), NAME), c.repository().equals(c.name()) ? null : Links.clip(c.repository(), NAME),
                    Links.clip(c.previous(), VERSION), Links.clip(c.version(), VERSION), c.change(), c.features().size(),
                    c.fixes().size(), c.breaking().size(), !compared || c.compare().listed(),
                    c.compare() == Component.CompareStatus.TRUNCATED, c.listed(), c.totalCommits()));
        }
        List<ContentsProblem> problems = contents.problems().stream().limit(MAX_PROBLEMS).toList();
        NotesView notes = NotesView.of(contents, links);
        return new ContentsSection(Links.clip(contents.version(), VERSION), contents.read(), contents.previousRead(),
                contents.current() == null ? null : new ChartRef(Links.clip(contents.current().ref(), VERSION), contents.current().source()),
                notes.chartUrl(), Links.clip(contents.previousTag(), VERSION), notes.previousUrl(), contents.components().size(),
                changed.size(), rows, changed.size() - rows.size(), contents.features(), contents.fixes(), contents.breaking(),
                contents.other(), contents.removed().size(), problems, contents.problems().size() - problems.size(), draftUrl);
    }
}
