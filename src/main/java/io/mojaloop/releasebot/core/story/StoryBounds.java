package io.mojaloop.releasebot.core.story;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.mojaloop.releasebot.core.story.StoryFacts.Candidate;
import io.mojaloop.releasebot.core.story.StoryFacts.ComponentVersion;
import io.mojaloop.releasebot.core.story.StoryFacts.ExceptionGrant;
import io.mojaloop.releasebot.core.story.StoryFacts.Item;
import io.mojaloop.releasebot.core.story.StoryView.Detail;
import io.mojaloop.releasebot.core.story.StoryView.GateRow;
import io.mojaloop.releasebot.core.story.StoryView.ImplementerDetail;

/**
 * Keeps the story issue's body within what GitHub accepts. GitHub refuses an issue body over {@link #MAX_BODY}
 * characters, and then every later update of the story would fail too; so:
 * <ul>
 * <li>text people typed (reasons, notes, titles, who) is clipped to {@link #MAX_TEXT} characters with an ellipsis
 * where it enters the story ({@link #clip(StoryView)}), before it is escaped, so an escape is never cut in half; a
 * link people typed that is longer than {@link #MAX_URL} is not linked (half a link leads elsewhere);</li>
 * <li>when the whole body (people's text around the block, and the block) would still be too long, the lists
 * (release candidates, exceptions, blocking bugs, application versions, the lines under each gate) are shortened
 * to the same number of items each (at least one), as many as fit, and the block says how many it left out
 * ({@link Omitted});</li>
 * <li>when not even the block with one item per list fits (people's own text leaves too little room), a minimal
 * block says so ({@link TooLong}); when not even that fits, nothing can be written ({@link Outcome#NONE}).</li>
 * </ul>
 * Pure: the renderers are parameters, and the body is the one the block is about to be spliced into.
 */
public final class StoryBounds {

    /** The longest issue body GitHub accepts, in characters. */
    public static final int MAX_BODY = 65_536;
    /** People's text (a reason, a note, a title) is clipped to this many characters in the story. */
    public static final int MAX_TEXT = 300;
    /** A link people typed that is longer than this is shown without its link. */
    public static final int MAX_URL = 2_000;
    static final String ELLIPSIS = "…";

    private StoryBounds() {
    }

    /** How many items each list of the block left out (0: the list is complete). */
    public record Omitted(int candidates, int helmCandidates, int reviewExceptions, int freezeExceptions,
            int blockingBugs, int versions, Map<String, Integer> details) {

        public static final Omitted NONE = new Omitted(0, 0, 0, 0, 0, 0, Map.of());

        public Omitted {
            details = Map.copyOf(details);
        }

        /** How many lines under the gate {@code gateId} were left out. */
        public int details(String gateId) {
            return details.getOrDefault(gateId, 0);
        }

        /** Release candidates left out: declared ones and {@code helm} pre-releases. */
        public int allCandidates() {
            return candidates + helmCandidates;
        }

        /** Exceptions left out: review and freeze. */
        public int allExceptions() {
            return reviewExceptions + freezeExceptions;
        }

        public boolean any() {
            return candidates + helmCandidates + reviewExceptions + freezeExceptions + blockingBugs + versions > 0
                    || details.values().stream().anyMatch(n -> n > 0);
        }

        /** Every item left out, in all lists. */
        public int total() {
            return candidates + helmCandidates + reviewExceptions + freezeExceptions + blockingBugs + versions
                    + details.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** What the full block shows: the view (lists possibly shortened) and how much each list left out. */
    public record Shown(StoryView s, Omitted more) {
    }

    /**
     * The minimal block: the summary does not fit. {@code limit} is GitHub's limit, {@code outside} how many
     * characters the text around the block takes, {@code room} how many are left for the block.
     */
    public record TooLong(StoryView s, int limit, int outside, int room) {
    }

    public enum Outcome {
        /** Everything shown. */
        FULL,
        /** Lists shortened, with counts of what was left out. */
        SHORTENED,
        /** Only the minimal block fits. */
        MINIMAL,
        /** Not even the minimal block fits: nothing can be written. */
        NONE
    }

    /** The block to write ({@code null} for {@link Outcome#NONE}) and how it was made to fit. */
    public record Fit(String block, Outcome outcome, Omitted omitted) {
    }

    /**
     * The block whose body, {@link StoryBlock#splice spliced} into {@code body}, is at most {@code limit}
     * characters: the view with people's text clipped and, when needed, its lists shortened; else the minimal
     * block; else none.
     */
    public static Fit fit(String body, StoryView view, int limit, Function<Shown, String> full,
            Function<TooLong, String> minimal) {
        StoryView clipped = clip(view);
        String block = full.apply(new Shown(clipped, Omitted.NONE));
        if (fits(body, block, limit)) {
            return new Fit(block, Outcome.FULL, Omitted.NONE);
        }
        // the longest lists that fit (the rendered length grows with the number of items kept); at least one item
        // of each list that has any, so that no list reads as empty ("None open.") when it is not
        int lo = 1;
        int hi = longestList(clipped) - 1;
        String best = null;
        Omitted bestOmitted = null;
        while (lo <= hi) {
            int keep = (lo + hi) >>> 1;
            Shown shown = shorten(clipped, keep);
            String candidate = full.apply(shown);
            if (fits(body, candidate, limit)) {
                best = candidate;
                bestOmitted = shown.more();
                lo = keep + 1;
            } else {
                hi = keep - 1;
            }
        }
        if (best != null) {
            return new Fit(best, Outcome.SHORTENED, bestOmitted);
        }
        int empty = StoryBlock.splice(body, "").length();
        int owned = StoryBlock.splice("", "").length();
        String small = minimal.apply(new TooLong(clipped, limit, empty - owned, Math.max(0, limit - empty)));
        if (fits(body, small, limit)) {
            return new Fit(small, Outcome.MINIMAL, Omitted.NONE);
        }
        return new Fit(null, Outcome.NONE, Omitted.NONE);
    }

    static boolean fits(String body, String block, int limit) {
        return StoryBlock.splice(body, block).length() <= limit;
    }

    /**
     * Text people typed, at most {@code max} characters: clipped at a whole character (never half of a surrogate
     * pair) and ended with an ellipsis. Clip before escaping: the escape then covers the clipped text whole.
     */
    public static String clip(String text, int max) {
        if (text == null || text.length() <= max || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, Math.max(0, max - 1));
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    static String clip(String text) {
        return clip(text, MAX_TEXT);
    }

    /** A link people typed, or null when it is too long to show whole. */
    static String link(String url) {
        return url == null || url.length() <= MAX_URL ? url : null;
    }

    /** The view with every text people typed clipped ({@link #MAX_TEXT}) and over-long typed links dropped. */
    public static StoryView clip(StoryView v) {
        List<GateRow> gates = v.gates().stream().map(StoryBounds::clip).toList();
        List<Candidate> candidates = v.candidates().stream()
                .map(c -> new Candidate(clip(c.item()), c.pullRequest(), c.versions().stream().map(StoryBounds::clip).toList()))
                .toList();
        List<ExceptionGrant> exceptions = v.exceptions().stream()
                .map(e -> new ExceptionGrant(e.kind(), clip(e.pullRequest()), clip(e.grantedBy()), clip(e.reason()))).toList();
        List<Item> bugs = v.blockingBugs().stream().map(StoryBounds::clip).toList();
        return new StoryView(v.release(), v.verdict(), gates, v.calendar(), candidates, v.helmCandidates(), exceptions,
                bugs, v.versions(), v.released(), v.implementers(), v.candidatesUnread(), v.exceptionsUnread(), v.contents(), v.audit());
    }

    static Item clip(Item item) {
        return new Item(item.repository(), item.number(), clip(item.title()), item.url(), item.triage());
    }

    static GateRow clip(GateRow g) {
        List<Detail> details = g.details().stream().map(d -> d instanceof ImplementerDetail i
                ? new ImplementerDetail(i.label(), i.status(), link(i.url()), clip(i.by()), clip(i.note()))
                : d).toList();
        return new GateRow(g.gate(), g.status(), g.source(), link(g.evidenceUrl()), clip(g.by()), g.at(), clip(g.note()),
                g.bugs(), details, g.unread());
    }

    /** The number of items of the view's longest list. */
    static int longestList(StoryView v) {
        int longest = Math.max(v.candidates().size(), v.helmCandidates().size());
        longest = Math.max(longest, Math.max(v.reviewExceptions().size(), v.freezeExceptions().size()));
        longest = Math.max(longest, Math.max(v.blockingBugs().size(), v.versions().size()));
        for (GateRow g : v.gates()) {
            longest = Math.max(longest, g.details().size());
        }
        return longest;
    }

    /** The view with each list cut to its first {@code keep} items, and how many each lost. */
    public static Shown shorten(StoryView v, int keep) {
        List<ExceptionGrant> review = v.reviewExceptions();
        List<ExceptionGrant> freeze = v.freezeExceptions();
        List<ExceptionGrant> exceptions = new ArrayList<>(first(review, keep));
        exceptions.addAll(first(freeze, keep));
        Map<String, Integer> details = new LinkedHashMap<>();
        List<GateRow> gates = new ArrayList<>();
        for (GateRow g : v.gates()) {
            if (g.details().size() > keep) {
                details.put(g.gate().id(), g.details().size() - keep);
            }
            gates.add(new GateRow(g.gate(), g.status(), g.source(), g.evidenceUrl(), g.by(), g.at(), g.note(), g.bugs(),
                    first(g.details(), keep), g.unread()));
        }
        List<Candidate> candidates = first(v.candidates(), keep);
        List<ComponentVersion> helm = first(v.helmCandidates(), keep);
        List<Item> bugs = first(v.blockingBugs(), keep);
        List<ComponentVersion> versions = first(v.versions(), keep);
        StoryView shortened = new StoryView(v.release(), v.verdict(), gates, v.calendar(), candidates, helm, exceptions,
                bugs, versions, v.released(), v.implementers(), v.candidatesUnread(), v.exceptionsUnread(), v.contents(), v.audit());
        Omitted omitted = new Omitted(v.candidates().size() - candidates.size(), v.helmCandidates().size() - helm.size(),
                review.size() - Math.min(review.size(), keep), freeze.size() - Math.min(freeze.size(), keep),
                v.blockingBugs().size() - bugs.size(), v.versions().size() - versions.size(), details);
        return new Shown(shortened, omitted);
    }

    private static <T> List<T> first(List<T> list, int keep) {
        return list.size() <= keep ? list : List.copyOf(list.subList(0, Math.max(0, keep)));
    }
}
