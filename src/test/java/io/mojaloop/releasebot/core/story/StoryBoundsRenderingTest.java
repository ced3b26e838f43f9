package io.mojaloop.releasebot.core.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.config.Freeze;
import io.mojaloop.releasebot.core.story.StoryBounds.Fit;
import io.mojaloop.releasebot.core.story.StoryBounds.Outcome;
import io.mojaloop.releasebot.core.story.StoryBounds.Shown;
import io.mojaloop.releasebot.core.story.StoryBounds.TooLong;
import io.mojaloop.releasebot.core.story.StoryFacts.Candidate;
import io.mojaloop.releasebot.core.story.StoryFacts.ExceptionGrant;
import io.mojaloop.releasebot.core.story.StoryFacts.Item;
import io.mojaloop.releasebot.render.Texts;
import io.mojaloop.releasebot.render.TimeTexts;
import io.mojaloop.releasebot.render.Wording;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link StoryBounds} with the real templates: a 100k-character reason, thousands of bugs, and the sentences the
 * block says when it leaves items out or cannot show the summary ({@code wording/story-bounded.md}).
 */
@QuarkusTest
class StoryBoundsRenderingTest {

    @Inject
    Texts texts;

    String full(Shown shown) {
        return texts.render("story/block.md", Map.of("s", shown.s(), "more", shown.more(),
                "time", new TimeTexts(StoryExamples.NOW)));
    }

    String minimal(TooLong t) {
        return texts.render("story/too-long.md", Map.of("t", t));
    }

    Fit fit(String body, StoryView view) {
        return StoryBounds.fit(body, view, StoryBounds.MAX_BODY, this::full, this::minimal);
    }

    static StoryView view(List<Candidate> candidates, List<ExceptionGrant> exceptions, List<Item> bugs) {
        Map<String, List<Item>> byGate = new LinkedHashMap<>();
        byGate.put("blocking-bugs", bugs);
        return ReleaseReadiness.evaluate(new StoryFacts(StoryExamples.V17, Freeze.DEFAULTS, StoryExamples.GATES, List.of(),
                byGate, candidates, exceptions, StoryExamples.VERSIONS, List.of()), StoryExamples.NOW);
    }

    static Item bug(int n, String title) {
        return new Item("mojaloop/central-ledger", n, title, "https://github.com/mojaloop/central-ledger/issues/" + n);
    }

    @Test
    void aHundredThousandCharacterReasonIsClippedWithItsEscapesWhole() {
        // every character of the reason needs escaping: a cut in the escaped text would leave half an escape
        String reason = "&<>@|*".repeat(20_000);
        StoryView v = view(List.of(), List.of(new ExceptionGrant("review", bug(88, "docs"), "grace", reason)), List.of());
        Fit fit = fit("# Release v17.2.0\n", v);
        assertThat(fit.outcome()).isEqualTo(Outcome.FULL);
        assertThat(StoryBlock.splice("# Release v17.2.0\n", fit.block()).length()).isLessThan(5_000);
        Matcher cell = Pattern.compile("\\| grace \\| (.*) \\|\n").matcher(fit.block() + "\n");
        assertThat(cell.find()).isTrue();
        String shown = cell.group(1);
        assertThat(shown).endsWith("…");
        // the escaped clip: 299 typed characters, each escaped whole, then the ellipsis
        String typed = reason.substring(0, StoryBounds.MAX_TEXT - 1);
        assertThat(shown).isEqualTo(io.mojaloop.releasebot.render.Markdown.escape(typed) + "…");
        assertThat(shown.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "")).doesNotContain("&");
    }

    @Test
    void thousandsOfBugsAndCandidatesAreCountedAndTheBodyFitsGitHub() {
        List<Item> bugs = IntStream.range(0, 3_000).mapToObj(i -> bug(i, "Settlement rounding loses a cent, case " + i)).toList();
        List<Candidate> candidates = IntStream.range(0, 1_000).mapToObj(i -> new Candidate(bug(10_000 + i, "rc " + i), true,
                List.of("v17.2.0-rc." + i))).toList();
        String people = "# Release v17.2.0\n\n" + "The checklist people keep.\n".repeat(500);
        Fit fit = fit(people, view(candidates, List.of(), bugs));
        assertThat(fit.outcome()).isEqualTo(Outcome.SHORTENED);
        String body = StoryBlock.splice(people, fit.block());
        assertThat(body.length()).isLessThanOrEqualTo(StoryBounds.MAX_BODY).isGreaterThan(StoryBounds.MAX_BODY - 2_000);
        assertThat(body).startsWith(people.strip());
        assertThat(fit.block()).contains("- and " + fit.omitted().blockingBugs() + " more, not shown: GitHub keeps an issue's body to 65,536 characters")
                .contains("- and " + fit.omitted().candidates() + " more, not shown:")
                .contains("## Release v17.2.0: BLOCKED");
        assertThat(fit.omitted().blockingBugs()).isGreaterThan(2_000);
        // the gate's own count is the whole list's, not what is shown
        assertThat(fit.block()).contains("[3000 open issues]");
    }

    @Test
    void peoplesTextLeavingNoRoomGivesTheMinimalBlock() {
        String people = "p".repeat(StoryBounds.MAX_BODY - 600);
        Fit fit = fit(people, view(List.of(), List.of(), List.of(bug(1, "a bug"))));
        assertThat(fit.outcome()).isEqualTo(Outcome.MINIMAL);
        assertThat(StoryBlock.splice(people, fit.block()).length()).isLessThanOrEqualTo(StoryBounds.MAX_BODY);
        assertThat(fit.block()).startsWith("## Release v17.2.0: BLOCKED").contains("Shorten the text above or below this block");
    }

    @Test
    void theSentencesOfAShortenedAndOfAMinimalBlock() throws IOException {
        List<ExceptionGrant> exceptions = new ArrayList<>(StoryExamples.EXCEPTIONS);
        exceptions.add(new ExceptionGrant("review", bug(90, "fix: more"), "grace", "Reviewed too"));
        exceptions.add(new ExceptionGrant("freeze", bug(91, "feat: later"), "henry", "Agreed at the PI meeting"));
        List<Candidate> candidates = new ArrayList<>(StoryExamples.CANDIDATES);
        candidates.add(new Candidate(bug(613, "chore(release): v17.2.0-rc.2"), true, List.of("v17.2.0-rc.2")));
        StoryView v = StoryBounds.clip(view(candidates, exceptions, List.of(StoryExamples.BUG, bug(1202, "Another bug"))));
        Shown one = StoryBounds.shorten(v, 1);
        Wording.matches("story-bounded.md", new Wording.Sheet()
                .add("shortened", full(one))
                .add("too long: people's text", minimal(new TooLong(v, StoryBounds.MAX_BODY, 65_400, 30)))
                .add("too long: the gates", minimal(new TooLong(v, StoryBounds.MAX_BODY, 120, 65_310)))
                .toString());
    }
}
