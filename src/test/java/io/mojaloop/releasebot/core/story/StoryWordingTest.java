package io.mojaloop.releasebot.core.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.bugs.BugTriage;
import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.DateSpec;
import io.mojaloop.releasebot.core.config.Freeze;
import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.core.config.GateKind;
import io.mojaloop.releasebot.core.config.PriorityFromBody;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.config.WindowOverride;
import io.mojaloop.releasebot.core.contents.Audit;
import io.mojaloop.releasebot.core.contents.ContentsExamples;
import io.mojaloop.releasebot.core.contents.Links;
import io.mojaloop.releasebot.core.contents.ReleaseContents;
import io.mojaloop.releasebot.core.report.TtkRecord;
import io.mojaloop.releasebot.core.story.GateCommand.Action;
import io.mojaloop.releasebot.core.story.StoryFacts.ComponentVersion;
import io.mojaloop.releasebot.core.story.StoryFacts.ExceptionGrant;
import io.mojaloop.releasebot.core.story.StoryFacts.Item;
import io.mojaloop.releasebot.core.story.StoryFacts.ReleaseNotes;
import io.mojaloop.releasebot.core.story.StoryFacts.RepoStandard;
import io.mojaloop.releasebot.core.story.StoryFacts.TtkEvidence;
import io.mojaloop.releasebot.render.Texts;
import io.mojaloop.releasebot.render.TimeTexts;
import io.mojaloop.releasebot.render.Wording;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every kind of gate evidence, every calendar state and every kind of exception as the story block words them,
 * compared with {@code src/test/resources/wording/story-*.md}.
 */
@QuarkusTest
public class StoryWordingTest {

    static final Instant NOW = StoryExamples.NOW;
    static final String HELM = "mojaloop/helm";

    static final Gate TTK = new Gate("golden-path", "TTK Golden Path", "GP Tests", null);
    static final Gate TTK_QA = new Gate("golden-path-qa", "TTK Golden Path on QA", "GP Tests", null, null, "qa", null);
    static final Gate DOWNSTREAM = new Gate("downstream", "Validated downstream", null, null);
    static final Gate DOWNSTREAM_B = new Gate("downstream-b", "Validated downstream (b)", null, null, GateKind.DOWNSTREAM, null, null);
    static final Gate STANDARDS = new Gate("repo-standards", "Repository standards", null, null);
    public static final Gate NOTES = new Gate("release-notes", "Release notes", null, null, null, null, "notes/release_{version}.md");
    static final Gate BUGS = new Gate("blocking-bugs", "No blocking bugs", null, "org:mojaloop is:issue is:open label:bug");
    static final Gate SIGN_OFF = new Gate("sign-off", "Signed off by the product council", null, null);

    @Inject
    Texts texts;

    static TtkEvidence report(String env, int total, int passed, int failed, Integer skipped, String at) {
        return new TtkEvidence(new TtkRecord("GP Tests", env, total, passed, failed, skipped, "r-" + at, null), Instant.parse(at),
                "https://github.com/mojaloop/project/issues/4300#issuecomment-" + Math.abs(at.hashCode()));
    }

    static GateCommand command(String gate, Action action, String url, String note, String by, String at) {
        return new GateCommand(gate, action, url, note, by, Instant.parse(at), null);
    }

    static Item pr(String repo, int number, String title) {
        return new Item("mojaloop/" + repo, number, title, "https://github.com/mojaloop/" + repo + "/pull/" + number);
    }

    static final List<ExceptionGrant> EXCEPTIONS = List.of(
            new ExceptionGrant("review", pr("central-ledger", 91, "fix: rounding"), "grace", "Reviewed at the DA meeting"),
            new ExceptionGrant("review", pr("quoting-service", 12, "chore: bump"), null, null),
            new ExceptionGrant("freeze", pr("ml-api-adapter", 57, "feat: expiry"), null, null));

    public static ReleaseNotes notesInFile() {
        return ReleaseNotes.file("notes/release_v17.2.0.md", HELM, "https://github.com/mojaloop/helm/blob/main/notes/release_v17.2.0.md");
    }

    static ReleaseNotes notesInRelease(boolean draft) {
        return ReleaseNotes.release("v17.2.0", draft, "https://github.com/mojaloop/helm/releases/tag/v17.2.0");
    }

    static ReleaseNotes notesMissing() {
        return ReleaseNotes.missing("notes/release_v17.2.0.md", HELM, "v17.2.0");
    }

    public static StoryFacts facts(Release release, List<Gate> gates, List<GateCommand> commands, List<TtkEvidence> reports,
            List<RepoStandard> standards, ReleaseNotes notes, List<ComponentVersion> helm) {
        Map<String, List<Item>> bugs = new LinkedHashMap<>();
        bugs.put("blocking-bugs", List.of(new Item("mojaloop/central-ledger", 1201, "Settlement loses a cent",
                "https://github.com/mojaloop/central-ledger/issues/1201"), new Item("mojaloop/helm", 77, "Chart_values *broken*",
                        "https://github.com/mojaloop/helm/issues/77")));
        return new StoryFacts(release, Freeze.DEFAULTS, gates, commands, bugs, List.of(), EXCEPTIONS, List.of(), helm, reports,
                BotConfig.DEFAULT_IMPLEMENTERS, standards, notes);
    }

    /** Every kind of evidence at once. */
    public static StoryFacts evidence() {
        return facts(StoryExamples.V17, List.of(TTK, TTK_QA, DOWNSTREAM, DOWNSTREAM_B, STANDARDS, NOTES, BUGS, SIGN_OFF),
                List.of(command("golden-path-qa", Action.PASS, "https://ci.example/qa/9", "flaky test, accepted", "henry", "2027-01-03T09:00:00Z"),
                        command("downstream", Action.FAIL, "https://ci.example/iac/1", "iac", "ines", "2027-01-02T08:00:00Z"),
                        command("downstream", Action.PASS, "https://ci.example/ml/7", "Mini-Loop deployed rc.1", "henry", "2027-01-03T08:00:00Z"),
                        command("downstream-b", Action.PASS, "https://ci.example/other/3", "someone else validated it_all", "henry", "2027-01-03T10:00:00Z")),
                List.of(report("dev", 10, 10, 0, 0, "2027-01-02T10:00:00Z"), report(null, 7, 4, 2, 1, "2027-01-02T11:00:00Z"),
                        report("qa", 5, 4, 1, 0, "2027-01-02T12:00:00Z")),
                List.of(new RepoStandard("mojaloop/central-ledger", true, true, true, List.of()),
                        new RepoStandard("mojaloop/helm", true, false, true, List.of("release-freeze")),
                        new RepoStandard("mojaloop/ml-api-adapter", true, true, null, List.of()),
                        new RepoStandard("mojaloop/quoting-service", false, false, false, List.of("review-rules", "release-freeze")),
                        new RepoStandard("mojaloop/account-lookup-service", false, true, true, List.of())),
                notesInFile(), List.of());
    }

    static final Release WITHOUT_FEATURE_FREEZE = new Release("v17.2.0", DateSpec.parse("2027-01-18"), DateSpec.parse("2027-01-25"),
            ZoneId.of("Africa/Nairobi"), WindowOverride.OFF, null, "mojaloop/project#4300", StoryExamples.V17.repos(), 20);

    /** After the release: closed and done calendar, no feature freeze, standards unknown, notes in a draft release. */
    public static StoryFacts released() {
        return facts(WITHOUT_FEATURE_FREEZE, List.of(STANDARDS, NOTES),
                List.of(), List.of(),
                List.of(new RepoStandard("mojaloop/central-ledger", true, true, true, List.of()),
                        new RepoStandard("mojaloop/helm", true, true, null, List.of())),
                notesInRelease(true), List.of(new ComponentVersion(HELM, "v17.2.0", "https://github.com/mojaloop/helm/releases/tag/v17.2.0",
                        false, Instant.parse("2027-01-25T10:00:00Z"))));
    }

    String render(StoryFacts facts, Instant now) {
        return texts.render("story/block.md", Map.of("s", ReleaseReadiness.evaluate(facts, now), "time", new TimeTexts(now)));
    }

    @Test
    void everyKindOfEvidence() throws IOException {
        String rendered = render(evidence(), NOW);
        Wording.matches("story-evidence.md", rendered);
        assertThat(rendered).contains("- ✅ dev: 10 assertions: 10 passed, 0 failed, 0 skipped")
                .contains("- ❌ \\(no environment\\): 7 assertions: 4 passed, 2 failed, 1 skipped")
                .contains("- ✅ mini-loop: validated by henry: deployed rc.1 ([link](https://ci.example/ml/7))")
                .contains("- ❌ iac: failed by ines ([link](https://ci.example/iac/1))")
                .contains("- ⏳ core-test-harness: not validated yet")
                .contains("| mini-loop passed, iac failed |")
                .contains("- ❌ helm: no LICENSE; branch protection does not require release-freeze")
                .contains("- ❌ quoting-service: no CODEOWNERS \\(root, .github/ or docs/\\); no LICENSE; default branch not protected; "
                        + "branch protection does not require review-rules, release-freeze")
                .contains("- ❔ ml-api-adapter: CODEOWNERS and LICENSE present; branch protection unknown: the app needs administration read")
                .contains("- ✅ central-ledger: CODEOWNERS, LICENSE, required checks")
                .contains("- ✅ release notes: notes/release\\_v17.2.0.md in mojaloop/helm ([link](")
                .contains("| Testing Toolkit |")
                .contains("| - | labelled review-exception without a /review-exception by an authorised person |")
                .contains("| - | labelled freeze-exception without a /freeze-exception by an authorised person |");
    }

    static final Gate BODY_BUGS = new Gate("blocking-bugs", "No critical, high or medium priority bugs open", null,
            "org:mojaloop is:issue is:open label:bug", GateKind.ISSUES, null, null,
            new PriorityFromBody(List.of("critical", "high", "medium"), List.of()), false);
    static final Gate SEVERE_BUGS = new Gate("severe-bugs", "No severe bugs", null, "org:mojaloop is:issue is:open label:bug",
            GateKind.ISSUES, null, null, new PriorityFromBody(List.of("high"), List.of("high")), false);
    static final Gate SLOW = new Gate("security", "No open security issues", null, "org:mojaloop is:issue is:open label:security");
    static final Gate FAILING = new Gate("regressions", "No regressions", null, "org:mojaloop is:issue is:open label:regression");
    static final Gate INVALID = new Gate("typo", "A query GitHub refuses", null, "org:mojaloop is:issue label:");
    static final Gate PARTIAL = new Gate("triage", "Nothing untriaged", null, "org:mojaloop is:issue is:open no:label");

    static Item bug(String repo, int number, String title, PriorityFromBody rule, String body) {
        return new Item("mojaloop/" + repo, number, title, "https://github.com/mojaloop/" + repo + "/issues/" + number,
                BugTriage.of(rule, body));
    }

    /**
     * Bugs read from their bodies (matched, low, unknown in each way), and searches that cannot be believed: an
     * incomplete one with and without results, a failed one, a refused query, and the candidate and exception
     * searches failing.
     */
    public static StoryFacts bugsAndSearches() {
        PriorityFromBody rule = BODY_BUGS.priorityFromBody();
        Map<String, List<Item>> bugs = new LinkedHashMap<>();
        bugs.put("blocking-bugs", List.of(
                bug("central-ledger", 1201, "Settlement loses a cent", rule, "**Severity**: High\n\n**Priority**: **High**\n"),
                bug("quoting-service", 88, "Quotes expire early", rule, "**Priority**: Low\n"),
                bug("project", 3990, "Transfers stall under load", rule, "- **Priority**:\n  critical\n"),
                bug("project", 3991, "Callback retried forever", rule, "Seen on dev, no template."),
                bug("project", 3992, "Bulk quote 500", rule, "**Priority**: (Critical, Medium, Low)\n"),
                bug("project", 3993, "FX rounding", rule, "**Priority**:\n\n**Expected Behavior**\n")));
        bugs.put("severe-bugs", List.of(
                bug("project", 3994, "Ledger drift", SEVERE_BUGS.priorityFromBody(), "**Severity**: tbd\n**Priority**: High\n")));
        bugs.put("triage", List.of(new Item("mojaloop/project", 3995, "Untriaged thing", "https://github.com/mojaloop/project/issues/3995")));
        bugs.put("security", List.of());
        Map<String, SearchProblem> problems = new LinkedHashMap<>();
        problems.put("security", SearchProblem.incomplete());
        problems.put("triage", SearchProblem.incomplete());
        problems.put("regressions", new SearchProblem(SearchProblem.Kind.FAILED, 502));
        problems.put("typo", new SearchProblem(SearchProblem.Kind.INVALID, 422));
        return new StoryFacts(StoryExamples.V17, Freeze.DEFAULTS, List.of(BODY_BUGS, SEVERE_BUGS, SLOW, FAILING, INVALID, PARTIAL),
                List.of(), bugs, List.of(), List.of(), List.of(), List.of(), List.of(), BotConfig.DEFAULT_IMPLEMENTERS, null, null,
                problems, SearchProblem.incomplete(), new SearchProblem(SearchProblem.Kind.TIMED_OUT, 0));
    }

    @Test
    void bugsReadFromTheirBodiesAndSearchesThatCannotBeBelieved() throws IOException {
        String rendered = render(bugsAndSearches(), NOW);
        Wording.matches("story-bugs.md", rendered);
        assertThat(rendered)
                .contains("| No critical, high or medium priority bugs open (`blocking-bugs`) | ❌ failed | [5 blocking issues](")
                .contains("- [central-ledger\\#1201](https://github.com/mojaloop/central-ledger/issues/1201) Settlement loses a cent · priority high")
                .doesNotContain("quoting-service\\#88")
                .contains("Transfers stall under load · priority critical")
                .contains("Callback retried forever · **priority unknown**: no Priority field in the body")
                .contains("Bulk quote 500 · **priority unknown**: the Priority field says “\\(Critical, Medium, Low\\)”")
                .contains("FX rounding · **priority unknown**: the Priority field is empty")
                .contains("Ledger drift · **severity unknown**: the Severity field says “tbd”")
                .contains("| No open security issues (`security`) | ⏳ unknown | [0 open issues](")
                .contains("GitHub's search gave incomplete results (it ran out of time): issues may be missing, so it cannot show "
                        + "that none is open; read again soon |")
                .contains("| Nothing untriaged (`triage`) | ❌ failed | [1 open issue](")
                .contains("| No regressions (`regressions`) | ⏳ unknown | [the search](")
                .contains("the search failed (GitHub answered 502): not read; read again soon |")
                .contains("GitHub refused the search as invalid (422): check the query in release-bot.yml: not read |")
                .contains("⚠️ Not complete: GitHub's search gave incomplete results (it ran out of time); this list may be missing some.")
                .contains("⚠️ Not read: the search timed out; read again soon.")
                .doesNotContain("None granted.").doesNotContain("None declared yet");
        assertThat(ReleaseReadiness.evaluate(bugsAndSearches(), NOW).verdict()).isEqualTo(StoryView.Verdict.BLOCKED);
    }

    @Test
    void noIssueFoundByASearchThatCannotBeBelievedIsNotNoneOpen() throws IOException {
        StoryFacts facts = new StoryFacts(StoryExamples.V17, Freeze.DEFAULTS, List.of(SLOW), List.of(), Map.of("security", List.of()),
                List.of(), List.of(), List.of(), List.of(), List.of(), BotConfig.DEFAULT_IMPLEMENTERS, null, null,
                Map.of("security", SearchProblem.incomplete()), null, null);
        String rendered = render(facts, NOW);
        assertThat(rendered).contains("## Release v17.2.0: PENDING").contains("| No open security issues (`security`) | ⏳ unknown |")
                .contains("None found, but not every search could be believed (see the gates above).")
                .doesNotContain("None open.")
                .contains("None granted.").contains("None declared yet");
    }

    @Test
    void skippedAssertionsPassOnlyAGateThatAllowsThem() throws IOException {
        Gate allows = new Gate("golden-path-qa", "TTK Golden Path on QA", "GP Tests", null, GateKind.TTK, "qa", null, null, true);
        Gate strictQa = new Gate("golden-path-qa-strict", "TTK Golden Path on QA, nothing skipped", "GP Tests", null, null, "qa", null);
        TtkEvidence old = new TtkEvidence(new TtkRecord("GP Tests", "dev", 10, 10, 0, null, "r-old", null),
                Instant.parse("2027-01-02T09:00:00Z"), "https://github.com/mojaloop/project/issues/4300#issuecomment-1");
        List<TtkEvidence> reports = List.of(old, report("qa", 10, 8, 0, 2, "2027-01-02T10:00:00Z"),
                report("staging", 4, 0, 0, 4, "2027-01-02T11:00:00Z"));
        String rendered = render(facts(StoryExamples.V17, List.of(TTK, allows, strictQa), List.of(), reports, null, null, List.of()), NOW);
        Wording.matches("story-ttk-skipped.md", rendered);
        assertThat(rendered)
                .contains("| TTK Golden Path (`golden-path`) | ❌ failed |")
                .contains("- ⏳ dev: 10 assertions: 10 passed, 0 failed, skipped not counted: recorded before skipped assertions were "
                        + "counted, so it cannot pass this gate; the next report decides")
                .contains("- ❌ qa: 10 assertions: 8 passed, 0 failed, 2 skipped: skipped assertions do not pass this gate "
                        + "(`allow-skipped: true` accepts them)")
                .contains("- ❌ staging: 4 assertions: 0 passed, 0 failed, 4 skipped: nothing was tested")
                .contains("| TTK Golden Path on QA (`golden-path-qa`) | ✅ passed |")
                .contains("- ✅ qa: 10 assertions: 8 passed, 0 failed, 2 skipped ([link]")
                .contains("| TTK Golden Path on QA, nothing skipped (`golden-path-qa-strict`) | ❌ failed |");
        String pending = render(facts(StoryExamples.V17, List.of(TTK), List.of(), List.of(old), null, null, List.of()), NOW);
        assertThat(pending).contains("| TTK Golden Path (`golden-path`) | ⏳ no evidence yet |");
    }

    @Test
    void afterTheRelease() throws IOException {
        String rendered = render(released(), Instant.parse("2027-01-26T00:00:00Z"));
        Wording.matches("story-released.md", rendered);
        assertThat(rendered).contains("| Feature freeze | - | off |").contains("| Bug-fix freeze | ").contains(" | closed |")
                .contains("| PI kick-off | ").contains(" | done |")
                .contains("| unknown: the app needs administration read |")
                .contains("- ✅ release notes: the draft GitHub release v17.2.0 ([link](");
    }

    @Test
    void releaseNotesInARelease() throws IOException {
        String rendered = render(facts(StoryExamples.V17, List.of(NOTES), List.of(), List.of(), null, notesInRelease(false), List.of()), NOW);
        Wording.matches("story-notes-release.md", rendered);
        assertThat(rendered).contains("- ✅ release notes: the GitHub release v17.2.0 ([link](");
    }

    @Test
    void releaseNotesNotFound() throws IOException {
        String rendered = render(facts(StoryExamples.V17, List.of(NOTES), List.of(), List.of(), null, notesMissing(), List.of()), NOW);
        Wording.matches("story-notes-missing.md", rendered);
        assertThat(rendered).contains("- ⏳ release notes: not found yet: notes/release\\_v17.2.0.md in mojaloop/helm or a GitHub release "
                + "v17.2.0 with notes");
    }

    public static StoryFacts withContents(StoryFacts facts, String notesText, ReleaseContents contents, List<Audit.MergedPullRequest> merged,
            List<String> unreadable) {
        ReleaseNotes notes = notesText == null ? facts.notes()
                : ReleaseNotes.file(facts.notes().path(), facts.notes().repository(), "https://github.com/mojaloop/helm/blob/main/x.md", notesText);
        return new StoryFacts(facts.release(), facts.freeze(), facts.gates(), facts.gateCommands(), facts.bugsByGate(),
                facts.candidates(), facts.exceptions(), facts.versions(), facts.helmReleases(), facts.ttkReports(),
                facts.implementers(), facts.standards(), notes, facts.searchProblems(), facts.candidatesProblem(),
                facts.exceptionsProblem(), new StoryFacts.Contents(contents, new Links("https://github.com", "mojaloop"),
                        "https://release-bot.example.org/api/v1/releases/v17.2.0/notes", true, merged, unreadable));
    }

    public static final List<Audit.MergedPullRequest> MERGED = List.of(
            new Audit.MergedPullRequest("mojaloop/central-ledger", 1180, "feat(mojaloop/#3130)!: settlement models move to the admin API (#1180)",
                    "https://github.com/mojaloop/central-ledger/pull/1180", "alice", "7b52009b64fd0a2a49e6d8a939753077792b0554", "failure",
                    false, null, false),
            new Audit.MergedPullRequest("mojaloop/ml-api-adapter", 517, "fix: handle callbacks (#517)",
                    "https://github.com/mojaloop/ml-api-adapter/pull/517", "carol", "6326675aed3fd4d5e5fc4b3d0cbb5d0b0b5d5b5d", "success",
                    true, "BUGFIX_FREEZE", false),
            new Audit.MergedPullRequest("mojaloop/central-ledger", 1172, "feat(mojaloop/#3122): timeout handler distributed lock (#1172)",
                    "https://github.com/mojaloop/central-ledger/pull/1172", "bob", "5b52009b64fd0a2a49e6d8a939753077792b0554", "success",
                    false, null, false));

    @Test
    void contentsAuditAndTheNotesGate() throws IOException {
        StoryFacts base = facts(StoryExamples.V17, List.of(NOTES), List.of(), List.of(), null, notesInFile(), List.of());
        String missing = render(withContents(base, "# Release v17.2.0\n\n1. ml-api-adapter: v14.0.0 -> v16.5.6\n2. central-ledger v19.7.3\n",
                ContentsExamples.contents(), MERGED, List.of("mojaloop/quoting-service#409")), NOW);
        Wording.matches("story-contents.md", missing);
        assertThat(missing).contains("- ❌ release notes: notes/release\\_v17.2.0.md in mojaloop/helm ([link](https://github.com/mojaloop/helm/blob/main/x.md)); they do not name ")
                .contains("central-ledger at v19.7.4 (named, at another version)")
                .contains("### Contents").contains("### Audit")
                .contains("Merged without meeting the review rule: 1; passed only by a review exception: **1** ⚠️; merged during a freeze without an exception: 1.")
                .contains("Merged during a freeze (bug-fix freeze) without a freeze exception")
                .contains("Not complete: 1 pull request of the changes could not be read from GitHub")
                .contains("[v17.2.0 notes](https://release-bot.example.org/api/v1/releases/v17.2.0/notes)")
                .doesNotContain("central-ledger#1172")
                .contains("**BLOCKED** by **Release notes**");
        ReleaseContents contents = ContentsExamples.contents();
        StringBuilder all = new StringBuilder();
        contents.changed().forEach(c -> all.append("- ").append(c.name()).append(' ').append(c.version() == null ? "" : c.version()).append('\n'));
        String named = render(withContents(base, all.toString(), contents, List.of(), List.of()), NOW);
        ReleaseContents unread = new ReleaseContents("v17.2.0", "helm", "mojaloop/Chart.yaml", null, null, false, false, List.of(), List.of());
        assertThat(render(withContents(base, "central-ledger v19.7.4", unread, List.of(), List.of()), NOW))
                .contains("- ❔ release notes: notes/release\\_v17.2.0.md in mojaloop/helm ([link](https://github.com/mojaloop/helm/blob/main/x.md)); "
                        + "not checked: the release's chart could not be read, so its changed components are unknown")
                .contains("| Release notes (`release-notes`) | ⏳");
        assertThat(render(withContents(base, null, contents, List.of(), List.of()), NOW))
                .contains("not checked: GitHub did not send the notes' text");
        assertThat(named).contains("- ✅ release notes: notes/release\\_v17.2.0.md in mojaloop/helm ([link](https://github.com/mojaloop/helm/blob/main/x.md)); they name all ")
                .contains("Every pull request in the release's changes met the review rule");
    }
}
