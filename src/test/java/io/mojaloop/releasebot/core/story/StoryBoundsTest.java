package io.mojaloop.releasebot.core.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.config.Freeze;
import io.mojaloop.releasebot.core.story.StoryBounds.Fit;
import io.mojaloop.releasebot.core.story.StoryBounds.Outcome;
import io.mojaloop.releasebot.core.story.StoryBounds.Shown;
import io.mojaloop.releasebot.core.story.StoryBounds.TooLong;
import io.mojaloop.releasebot.core.story.StoryFacts.Candidate;
import io.mojaloop.releasebot.core.story.StoryFacts.ExceptionGrant;
import io.mojaloop.releasebot.core.story.StoryFacts.Item;

/**
 * {@link StoryBounds} with plain renderers (one line per item, one per count left out), so every edge is exact:
 * the body at the limit, one over, one huge text, many items, people's own text leaving too little room.
 */
class StoryBoundsTest {

    /** One line per list item and per "N more"; the texts as they are (the real template escapes them). */
    static final Function<Shown, String> FULL = shown -> {
        StringBuilder out = new StringBuilder("## ").append(shown.s().verdict()).append('\n');
        shown.s().candidates().forEach(c -> out.append("- ").append(c.item().title()).append('\n'));
        if (shown.more().allCandidates() > 0) {
            out.append("- and ").append(shown.more().allCandidates()).append(" more\n");
        }
        shown.s().exceptions().forEach(e -> out.append("| ").append(e.pullRequest().title()).append(" | ")
                .append(e.reason()).append(" |\n"));
        if (shown.more().allExceptions() > 0) {
            out.append("and ").append(shown.more().allExceptions()).append(" more\n");
        }
        shown.s().blockingBugs().forEach(b -> out.append("- ").append(b.title()).append('\n'));
        if (shown.more().blockingBugs() > 0) {
            out.append("- and ").append(shown.more().blockingBugs()).append(" more\n");
        }
        return out.toString();
    };

    static final Function<TooLong, String> MINIMAL = t -> "## " + t.s().verdict() + "\ntoo long: " + t.outside() + " of "
            + t.limit() + ", " + t.room() + " left";

    static Item item(int n, String title) {
        return new Item("mojaloop/central-ledger", n, title, "https://github.com/mojaloop/central-ledger/issues/" + n);
    }

    static StoryView view(List<Candidate> candidates, List<ExceptionGrant> exceptions, List<Item> bugs) {
        Map<String, List<Item>> byGate = new LinkedHashMap<>();
        byGate.put("blocking-bugs", bugs);
        StoryFacts facts = new StoryFacts(StoryExamples.V17, Freeze.DEFAULTS, StoryExamples.GATES, List.of(), byGate,
                candidates, exceptions, List.of(), List.of());
        return ReleaseReadiness.evaluate(facts, StoryExamples.NOW);
    }

    static List<Candidate> candidates(int count, int titleLength) {
        return IntStream.range(0, count).mapToObj(i -> new Candidate(item(i, ("c" + i + " ").repeat(titleLength).substring(0, titleLength)),
                true, List.of())).toList();
    }

    static ExceptionGrant grant(int n, String reason) {
        return new ExceptionGrant("review", item(n, "pr " + n), "grace", reason);
    }

    static int length(String body, String block) {
        return StoryBlock.splice(body, block).length();
    }

    @Test
    void aSmallStoryIsShownWhole() {
        StoryView v = view(candidates(3, 20), List.of(grant(1, "docs only")), List.of(item(9, "a bug")));
        Fit fit = StoryBounds.fit("people's text", v, StoryBounds.MAX_BODY, FULL, MINIMAL);
        assertThat(fit.outcome()).isEqualTo(Outcome.FULL);
        assertThat(fit.omitted()).isEqualTo(StoryBounds.Omitted.NONE);
        assertThat(fit.block()).isEqualTo(FULL.apply(new Shown(v, StoryBounds.Omitted.NONE)));
    }

    @Test
    void aBodyExactlyAtTheLimitIsShownWholeAndOneCharacterOverShortensTheLists() {
        String body = "# Release v17.2.0\n\npeople's text";
        StoryView v = view(candidates(40, 50), List.of(), List.of());
        String whole = FULL.apply(new Shown(v, StoryBounds.Omitted.NONE));
        int exact = length(body, whole);

        Fit atLimit = StoryBounds.fit(body, v, exact, FULL, MINIMAL);
        assertThat(atLimit.outcome()).isEqualTo(Outcome.FULL);
        assertThat(length(body, atLimit.block())).isEqualTo(exact);

        Fit oneOver = StoryBounds.fit(body, v, exact - 1, FULL, MINIMAL);
        assertThat(oneOver.outcome()).isEqualTo(Outcome.SHORTENED);
        assertThat(length(body, oneOver.block())).isLessThanOrEqualTo(exact - 1);
        assertThat(oneOver.omitted().candidates()).isGreaterThan(0);
        assertThat(oneOver.block()).endsWith("- and " + oneOver.omitted().candidates() + " more\n");
    }

    @Test
    void aHugeReasonIsClippedWithAnEllipsisAndTheStoryStaysWhole() {
        String reason = "x".repeat(100_000);
        StoryView v = view(List.of(), List.of(grant(1, reason)), List.of());
        Fit fit = StoryBounds.fit("", v, StoryBounds.MAX_BODY, FULL, MINIMAL);
        assertThat(fit.outcome()).isEqualTo(Outcome.FULL);
        String clipped = "x".repeat(StoryBounds.MAX_TEXT - 1) + "…";
        assertThat(fit.block()).contains("| " + clipped + " |").doesNotContain("x".repeat(StoryBounds.MAX_TEXT));
        assertThat(fit.block().length()).isLessThan(1_000);
    }

    @Test
    void manyItemsKeepAsManyAsFitAndCountTheRest() {
        String body = "people's text\n".repeat(100);
        StoryView v = view(candidates(5_000, 80), List.of(), IntStream.range(0, 10).mapToObj(i -> item(i, "bug " + i)).toList());
        Fit fit = StoryBounds.fit(body, v, StoryBounds.MAX_BODY, FULL, MINIMAL);
        assertThat(fit.outcome()).isEqualTo(Outcome.SHORTENED);
        assertThat(length(body, fit.block())).isLessThanOrEqualTo(StoryBounds.MAX_BODY);
        int kept = 5_000 - fit.omitted().candidates();
        assertThat(kept).isBetween(1, 5_000 - 1);
        // the most that fit: one more item each would be over the limit
        String oneMore = FULL.apply(StoryBounds.shorten(StoryBounds.clip(v), kept + 1));
        assertThat(length(body, oneMore)).isGreaterThan(StoryBounds.MAX_BODY);
        // a short list is not cut when the long one is
        assertThat(fit.omitted().blockingBugs()).isZero();
        assertThat(fit.block()).contains("- bug 9\n");
    }

    @Test
    void everyListThatHasItemsKeepsAtLeastOne() {
        StoryView v = view(candidates(2, 200), List.of(grant(1, "r".repeat(200)), grant(2, "s".repeat(200))), List.of(item(1, "b")));
        String whole = FULL.apply(new Shown(StoryBounds.clip(v), StoryBounds.Omitted.NONE));
        String one = FULL.apply(StoryBounds.shorten(StoryBounds.clip(v), 1));
        Fit fit = StoryBounds.fit("", v, length("", one), FULL, MINIMAL);
        assertThat(fit.outcome()).isEqualTo(Outcome.SHORTENED);
        assertThat(fit.block()).isEqualTo(one);
        assertThat(fit.omitted().candidates()).isEqualTo(1);
        assertThat(fit.omitted().reviewExceptions()).isEqualTo(1);
        // the downstream gate's lines (one per implementer) are a list too
        int implementers = io.mojaloop.releasebot.core.config.BotConfig.DEFAULT_IMPLEMENTERS.size();
        assertThat(fit.omitted().details("downstream")).isEqualTo(implementers - 1);
        assertThat(fit.omitted().total()).isEqualTo(2 + implementers - 1);
        assertThat(whole.length()).isGreaterThan(one.length());
        // one character less than one item per list: only the minimal block
        assertThat(StoryBounds.fit("", v, length("", one) - 1, FULL, MINIMAL).outcome()).isEqualTo(Outcome.MINIMAL);
    }

    @Test
    void peoplesOwnTextLeavingTooLittleRoomGivesTheMinimalBlockAndNoneWhenNotEvenThatFits() {
        StoryView v = view(candidates(3, 50), List.of(), List.of());
        String body = "p".repeat(StoryBounds.MAX_BODY - 100);
        Fit fit = StoryBounds.fit(body, v, StoryBounds.MAX_BODY, FULL, MINIMAL);
        assertThat(fit.outcome()).isEqualTo(Outcome.MINIMAL);
        int owned = StoryBlock.splice("", "").length();
        int outside = StoryBlock.splice(body, "").length() - owned;
        assertThat(fit.block()).isEqualTo("## PENDING\ntoo long: " + outside + " of 65536, "
                + (StoryBounds.MAX_BODY - StoryBlock.splice(body, "").length()) + " left");
        assertThat(length(body, fit.block())).isLessThanOrEqualTo(StoryBounds.MAX_BODY);

        Fit none = StoryBounds.fit("p".repeat(StoryBounds.MAX_BODY - 10), v, StoryBounds.MAX_BODY, FULL, MINIMAL);
        assertThat(none.outcome()).isEqualTo(Outcome.NONE);
        assertThat(none.block()).isNull();
    }

    @Test
    void anOldHugeBlockDoesNotCountAgainstTheNewOne() {
        String body = "people's text\n\n" + StoryBlock.START + "\n" + "old ".repeat(60_000) + "\n" + StoryBlock.END + "\n\nbelow";
        StoryView v = view(candidates(3, 50), List.of(), List.of());
        Fit fit = StoryBounds.fit(body, v, StoryBounds.MAX_BODY, FULL, MINIMAL);
        assertThat(fit.outcome()).isEqualTo(Outcome.FULL);
        assertThat(StoryBlock.splice(body, fit.block())).startsWith("people's text").endsWith("below");
    }

    @Test
    void windowsLineEndsAreCountedAsGitHubWillStoreThem() {
        // splice writes \n line ends: a body of \r\n lines takes fewer characters once written
        String body = "line\r\n".repeat(10_000);
        StoryView v = view(candidates(3, 50), List.of(), List.of());
        Fit fit = StoryBounds.fit(body, v, StoryBounds.MAX_BODY, FULL, MINIMAL);
        assertThat(fit.outcome()).isEqualTo(Outcome.FULL);
        assertThat(length(body, fit.block())).isLessThanOrEqualTo(StoryBounds.MAX_BODY);
    }

    @Test
    void clipKeepsWholeCharactersAndEndsWithAnEllipsis() {
        assertThat(StoryBounds.clip(null, 10)).isNull();
        assertThat(StoryBounds.clip("0123456789", 10)).isEqualTo("0123456789");
        assertThat(StoryBounds.clip("0123456789a", 10)).isEqualTo("012345678…");
        // 10 emoji are 20 UTF-16 units but 10 characters: not clipped; 11 are, never half of one
        String emoji = "😀".repeat(10);
        assertThat(StoryBounds.clip(emoji, 10)).isEqualTo(emoji);
        String clipped = StoryBounds.clip(emoji + "😀", 10);
        assertThat(clipped).isEqualTo("😀".repeat(9) + "…");
        assertThat(clipped.codePointCount(0, clipped.length())).isEqualTo(10);
        // no trailing space before the ellipsis
        assertThat(StoryBounds.clip("abc      defghij", 10)).isEqualTo("abc…");
    }

    @Test
    void typedTextIsClippedEverywhereItEntersTheStoryAndOverlongTypedLinksAreDropped() {
        String huge = "y".repeat(5_000);
        List<GateCommand> commands = List.of(new GateCommand("golden-path-dev", GateCommand.Action.FAIL,
                "https://ci.example/" + "z".repeat(3_000), huge, huge, StoryExamples.NOW, null));
        Map<String, List<Item>> byGate = new LinkedHashMap<>();
        byGate.put("blocking-bugs", List.of(item(1, huge)));
        StoryFacts facts = new StoryFacts(StoryExamples.V17, Freeze.DEFAULTS, StoryExamples.GATES, commands, byGate,
                List.of(new Candidate(item(2, huge), true, List.of())), List.of(new ExceptionGrant("freeze", item(3, huge), huge, huge)),
                List.of(), List.of());
        StoryView v = StoryBounds.clip(ReleaseReadiness.evaluate(facts, StoryExamples.NOW));
        List<String> texts = new ArrayList<>();
        v.gates().forEach(g -> {
            texts.add(g.note());
            texts.add(g.by());
        });
        v.candidates().forEach(c -> texts.add(c.item().title()));
        v.exceptions().forEach(e -> {
            texts.add(e.reason());
            texts.add(e.grantedBy());
            texts.add(e.pullRequest().title());
        });
        v.blockingBugs().forEach(b -> texts.add(b.title()));
        assertThat(texts).filteredOn(t -> t != null && t.startsWith("y")).hasSize(7)
                .allSatisfy(t -> assertThat(t).hasSize(StoryBounds.MAX_TEXT).endsWith("…"));
        assertThat(v.gates().get(0).evidenceUrl()).isNull();
        // clipping twice changes nothing
        assertThat(StoryBounds.clip(v)).isEqualTo(v);
    }
}
