package io.mojaloop.releasebot.core.story;

import static io.mojaloop.releasebot.core.story.StoryExamples.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.bugs.BugTriage;
import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.Freeze;
import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.core.config.GateKind;
import io.mojaloop.releasebot.core.config.PriorityFromBody;
import io.mojaloop.releasebot.core.story.GateCommand.Action;
import io.mojaloop.releasebot.core.story.StoryFacts.Item;
import io.mojaloop.releasebot.core.story.StoryView.GateRow;
import io.mojaloop.releasebot.core.story.StoryView.GateStatus;
import io.mojaloop.releasebot.core.story.StoryView.Verdict;

/** An issues gate: priorities read from bodies, and searches that cannot be believed never pass it. */
class BugGateReadinessTest {

    static final PriorityFromBody RULE = new PriorityFromBody(List.of("high", "medium"), List.of());
    static final Gate BODY = new Gate("blocking-bugs", "No high or medium priority bugs open", null,
            "org:mojaloop is:issue is:open label:bug", GateKind.ISSUES, null, null, RULE, false);
    static final Gate LABELS = new Gate("blocking-bugs", "No high or medium priority bugs open", null,
            "org:mojaloop is:issue is:open label:bug label:\"priority: high\"");

    static Item bug(int number, String body) {
        return new Item("mojaloop/project", number, "bug " + number, "https://github.com/mojaloop/project/issues/" + number,
                BugTriage.of(RULE, body));
    }

    static StoryView view(Gate gate, List<Item> found, SearchProblem problem, List<GateCommand> commands) {
        Map<String, List<Item>> bugs = new LinkedHashMap<>();
        if (found != null) {
            bugs.put(gate.id(), found);
        }
        Map<String, SearchProblem> problems = problem == null ? Map.of() : Map.of(gate.id(), problem);
        return ReleaseReadiness.evaluate(new StoryFacts(StoryExamples.V17, Freeze.DEFAULTS, List.of(gate), commands, bugs, List.of(),
                List.of(), List.of(), List.of(), List.of(), BotConfig.DEFAULT_IMPLEMENTERS, null, null, problems, null, null), NOW);
    }

    static GateRow row(Gate gate, List<Item> found, SearchProblem problem) {
        return view(gate, found, problem, List.of()).gates().get(0);
    }

    @Test
    void onlyIssuesWhosePriorityMatchesOrIsUnknownBlock() {
        assertThat(row(BODY, List.of(), null).status()).isEqualTo(GateStatus.PASSED);
        assertThat(row(BODY, List.of(bug(1, "**Priority**: Low"), bug(2, "**Priority**: Critical")), null).status())
                .as("found, but none of the listed priorities").isEqualTo(GateStatus.PASSED);
        GateRow matched = row(BODY, List.of(bug(1, "**Priority**: Low"), bug(2, "**Priority**: High")), null);
        assertThat(matched.status()).isEqualTo(GateStatus.FAILED);
        assertThat(matched.bugs()).extracting(Item::number).containsExactly(2);
        GateRow unknown = row(BODY, List.of(bug(1, "**Priority**: Low"), bug(3, "no template at all")), null);
        assertThat(unknown.status()).as("an unknown priority blocks").isEqualTo(GateStatus.FAILED);
        assertThat(unknown.bugs()).singleElement().satisfies(b -> assertThat(b.triage().priorityUnknown()).isTrue());
        StoryView v = view(BODY, List.of(bug(1, "**Priority**: Low"), bug(2, "**Priority**: medium"), bug(3, "")), null, List.of());
        assertThat(v.blockingBugs()).extracting(Item::number).containsExactly(2, 3);
        assertThat(v.verdict()).isEqualTo(Verdict.BLOCKED);
    }

    @Test
    void withoutPriorityFromBodyEveryFoundIssueBlocksAsBefore() {
        Item plain = new Item("mojaloop/project", 9, "labelled", "https://github.com/mojaloop/project/issues/9");
        assertThat(row(LABELS, List.of(plain), null).status()).isEqualTo(GateStatus.FAILED);
        assertThat(row(LABELS, List.of(), null).status()).isEqualTo(GateStatus.PASSED);
    }

    @ParameterizedTest(name = "{0}, found {1} blocking: {2}")
    @CsvSource({
            "INCOMPLETE, 0, PENDING",
            "INCOMPLETE, 1, FAILED",
            "TIMED_OUT, 0, PENDING",
            "RATE_LIMITED, 0, PENDING",
            "INVALID, 0, PENDING",
            "FAILED, 0, PENDING" })
    void aSearchThatCannotBeBelievedNeverPasses(SearchProblem.Kind kind, int blocking, GateStatus status) {
        SearchProblem problem = new SearchProblem(kind, 0);
        List<Item> found = kind == SearchProblem.Kind.INCOMPLETE
                ? (blocking == 0 ? List.of(bug(1, "**Priority**: Low")) : List.of(bug(1, "**Priority**: Low"), bug(2, "**Priority**: High")))
                : null;
        for (Gate gate : List.of(BODY, LABELS)) {
            List<Item> forGate = gate == LABELS && found != null ? found.subList(found.size() - blocking, found.size()) : found;
            StoryView v = view(gate, forGate, problem, List.of());
            GateRow r = v.gates().get(0);
            assertThat(r.status()).as(gate.issueQuery()).isEqualTo(status);
            assertThat(r.unread()).isEqualTo(problem);
            assertThat(r.source()).isEqualTo("issue-query");
            assertThat(r.evidenceUrl()).startsWith("https://github.com/issues?q=");
            assertThat(v.verdict()).isNotEqualTo(Verdict.READY);
            assertThat(v.bugSearchUnread()).isTrue();
        }
    }

    @Test
    void aReleaseManagersCommandStillDecidesAndResetHandsBackToTheSearch() {
        SearchProblem failed = new SearchProblem(SearchProblem.Kind.FAILED, 502);
        GateCommand pass = StoryExamples.gate("blocking-bugs", Action.PASS, null, "checked by hand", "2027-01-02T00:00:00Z");
        GateCommand reset = StoryExamples.gate("blocking-bugs", Action.RESET, null, null, "2027-01-03T00:00:00Z");
        assertThat(view(BODY, null, failed, List.of(pass)).gates().get(0).status()).isEqualTo(GateStatus.PASSED);
        assertThat(view(BODY, null, failed, List.of(pass, reset)).gates().get(0).status()).isEqualTo(GateStatus.PENDING);
    }

    @Test
    void anIssueFoundByTwoGatesIsListedOnce() {
        Gate other = new Gate("severe", "Severe", null, "org:mojaloop is:issue is:open label:bug", GateKind.ISSUES, null, null,
                new PriorityFromBody(List.of("high"), List.of("high")), false);
        Item first = bug(2, "**Priority**: High\n**Severity**: none yet");
        Item second = new Item(first.repository(), first.number(), first.title(), first.url(),
                BugTriage.of(other.priorityFromBody(), "**Priority**: High\n**Severity**: none yet"));
        StoryView v = ReleaseReadiness.evaluate(new StoryFacts(StoryExamples.V17, Freeze.DEFAULTS, List.of(BODY, other), List.of(),
                Map.of("blocking-bugs", List.of(first), "severe", List.of(second)), List.of(), List.of(), List.of(), List.of(), List.of(),
                BotConfig.DEFAULT_IMPLEMENTERS, null, null), NOW);
        assertThat(v.blockingBugs()).hasSize(1);
        assertThat(v.gates()).extracting(GateRow::status).containsOnly(GateStatus.FAILED);
    }
}
