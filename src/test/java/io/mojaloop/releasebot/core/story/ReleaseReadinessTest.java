package io.mojaloop.releasebot.core.story;

import static io.mojaloop.releasebot.core.story.StoryExamples.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.story.GateCommand.Action;
import io.mojaloop.releasebot.core.story.StoryFacts.ComponentVersion;
import io.mojaloop.releasebot.core.story.StoryView.CalendarRow.Entry;
import io.mojaloop.releasebot.core.story.StoryView.CalendarRow.State;
import io.mojaloop.releasebot.core.story.StoryView.GateStatus;
import io.mojaloop.releasebot.core.story.StoryView.Verdict;

class ReleaseReadinessTest {

    @Test
    void readyWhenEveryGatePassed() {
        StoryView v = ReleaseReadiness.evaluate(StoryExamples.ready(), NOW);
        assertThat(v.verdict()).isEqualTo(Verdict.READY);
        assertThat(v.gates()).extracting(StoryView.GateRow::status).containsOnly(GateStatus.PASSED);
        assertThat(v.gates().get(2).source()).isEqualTo("issue-query");
        assertThat(v.helmCandidates()).extracting(ComponentVersion::tag).containsExactly("v17.2.0-rc.1");
    }

    @Test
    void blockedNamesTheFailedGatesAndTheBugs() {
        StoryView v = ReleaseReadiness.evaluate(StoryExamples.blocked(), NOW);
        assertThat(v.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(v.blocking()).extracting(g -> g.gate().id()).containsExactly("golden-path-dev", "blocking-bugs");
        assertThat(v.pending()).extracting(g -> g.gate().id()).containsExactly("downstream");
        assertThat(v.blockingBugs()).containsExactly(StoryExamples.BUG);
    }

    @Test
    void pendingWhenAGateHasNoEvidence() {
        StoryView v = ReleaseReadiness.evaluate(StoryExamples.pending(), NOW);
        assertThat(v.verdict()).isEqualTo(Verdict.PENDING);
        assertThat(v.pending()).extracting(g -> g.gate().id()).containsExactly("golden-path-dev", "downstream");
    }

    @Test
    void theLatestGateCommandWinsAndResetHandsBack() {
        StoryFacts facts = StoryExamples.facts(List.of(
                StoryExamples.gate("golden-path-dev", Action.FAIL, null, null, "2027-01-01T00:00:00Z"),
                StoryExamples.gate("golden-path-dev", Action.PASS, null, "rerun", "2027-01-02T00:00:00Z"),
                StoryExamples.gate("blocking-bugs", Action.PASS, null, "accepted by the DA", "2027-01-02T00:00:00Z"),
                StoryExamples.gate("blocking-bugs", Action.RESET, null, null, "2027-01-03T00:00:00Z")),
                List.of(StoryExamples.BUG), List.of());
        StoryView v = ReleaseReadiness.evaluate(facts, NOW);
        assertThat(v.gates().get(0).status()).isEqualTo(GateStatus.PASSED);
        assertThat(v.gates().get(0).note()).isEqualTo("rerun");
        assertThat(v.gates().get(2).status()).isEqualTo(GateStatus.FAILED);
        assertThat(v.gates().get(2).source()).isEqualTo("issue-query");
    }

    @Test
    void aManualPassOverridesTheIssueSearch() {
        StoryFacts facts = StoryExamples.facts(List.of(
                StoryExamples.gate("blocking-bugs", Action.PASS, null, "known issue, accepted", "2027-01-02T00:00:00Z")),
                List.of(StoryExamples.BUG), List.of());
        assertThat(ReleaseReadiness.evaluate(facts, NOW).gates().get(2).status()).isEqualTo(GateStatus.PASSED);
    }

    @Test
    void theBugSearchLinksToTheGitHubPeopleUse() {
        StoryFacts facts = StoryExamples.facts(List.of(), List.of(StoryExamples.BUG), List.of());
        assertThat(ReleaseReadiness.evaluate(facts, NOW).gates().get(2).evidenceUrl()).startsWith("https://github.com/issues?q=");
        assertThat(ReleaseReadiness.evaluate(facts, NOW, "https://ghe.example.org").gates().get(2).evidenceUrl())
                .startsWith("https://ghe.example.org/issues?q=org%3Amojaloop");
    }

    @Test
    void aGateWhoseSearchFailedIsPending() {
        StoryFacts facts = new StoryFacts(StoryExamples.V17, StoryExamples.ready().freeze(), StoryExamples.GATES,
                List.of(), java.util.Map.of(), List.of(), List.of(), List.of(), List.of());
        assertThat(ReleaseReadiness.evaluate(facts, NOW).gates().get(2).status()).isEqualTo(GateStatus.PENDING);
    }

    @Test
    void releasedOnlyByAFullHelmReleaseOfTheSameTag() {
        ComponentVersion full = new ComponentVersion("mojaloop/helm", "17.2.0", "https://github.com/mojaloop/helm/releases/tag/17.2.0",
                false, Instant.parse("2027-01-25T10:00:00Z"));
        ComponentVersion other = new ComponentVersion("mojaloop/helm", "v17.2.1", "u", false, Instant.parse("2027-02-01T10:00:00Z"));
        StoryFacts facts = StoryExamples.facts(List.of(), List.of(StoryExamples.BUG), List.of(StoryExamples.VERSIONS.get(1), other, full));
        StoryView v = ReleaseReadiness.evaluate(facts, Instant.parse("2027-01-26T00:00:00Z"));
        assertThat(v.verdict()).isEqualTo(Verdict.RELEASED);
        assertThat(v.released()).isEqualTo(full);
        StoryFacts rcOnly = StoryExamples.facts(List.of(), List.of(), List.of(StoryExamples.VERSIONS.get(1), other));
        assertThat(ReleaseReadiness.evaluate(rcOnly, NOW).verdict()).isNotEqualTo(Verdict.RELEASED);
    }

    @Test
    void calendarStates() {
        StoryView v = ReleaseReadiness.evaluate(StoryExamples.pending(), NOW);
        assertThat(v.calendar()).extracting(StoryView.CalendarRow::entry, StoryView.CalendarRow::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Entry.FEATURE_FREEZE, State.OPEN),
                org.assertj.core.groups.Tuple.tuple(Entry.BUGFIX_FREEZE, State.OPEN),
                org.assertj.core.groups.Tuple.tuple(Entry.PI_KICKOFF, State.UPCOMING),
                org.assertj.core.groups.Tuple.tuple(Entry.RELEASE_DATE, State.UPCOMING));
        StoryView after = ReleaseReadiness.evaluate(StoryExamples.pending(), Instant.parse("2027-01-25T00:00:00Z"));
        assertThat(after.calendar()).extracting(StoryView.CalendarRow::state).containsExactly(State.CLOSED, State.CLOSED, State.DONE, State.DONE);
    }
}
