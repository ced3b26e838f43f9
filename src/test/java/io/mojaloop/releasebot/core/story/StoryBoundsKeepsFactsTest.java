package io.mojaloop.releasebot.core.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.bugs.BugTriage;
import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.core.story.StoryFacts.Item;
import io.mojaloop.releasebot.core.story.StoryView.GateRow;
import io.mojaloop.releasebot.core.story.StoryView.GateStatus;

/** Clipping people's text keeps every fact the view carries: a bug's triage, a gate's unread search. */
class StoryBoundsKeepsFactsTest {

    @Test
    void clippingKeepsTriageAndUnreadSearches() {
        BugTriage triage = new BugTriage(null, null, null);
        Item bug = new Item("mojaloop/central-ledger", 1201, "x".repeat(1_000), "https://github.com/mojaloop/central-ledger/issues/1201",
                triage);
        GateRow row = new GateRow(new Gate("blocking-bugs", "Bugs", null, "is:issue"), GateStatus.PENDING, "issue-query", null, null, null,
                null, List.of(bug), List.of(), SearchProblem.incomplete());
        StoryView view = new StoryView(null, StoryView.Verdict.PENDING, List.of(row), List.of(), List.of(), List.of(), List.of(),
                List.of(bug), List.of(), null, List.of());
        StoryView clipped = StoryBounds.clip(view);
        assertThat(clipped.gates().get(0).unread()).isEqualTo(SearchProblem.incomplete());
        assertThat(clipped.blockingBugs().get(0).triage()).isSameAs(triage);
        assertThat(clipped.blockingBugs().get(0).title()).hasSizeLessThan(1_000);
    }
}
