package io.mojaloop.releasebot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The release story over HTTP: commands on the story and on PRs, the block rebuilt from GitHub, human text kept,
 * typed text escaped, releases reflected.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = FakeGitHub.class, restrictToAnnotatedClass = true)
class StoryIT {

    static final String START = "<!-- release-bot:start -->";
    static final String END = "<!-- release-bot:end -->";

    FakeGitHub github;
    String org;
    String project;
    long commentIds = 7000;

    @BeforeEach
    void setUp() {
        github.reset();
        org = "st-" + UUID.randomUUID().toString().substring(0, 8);
        project = org + "/project";
        github.orgConfig(org, """
                release-candidates:
                  approvers: [release-managers]
                reviews:
                  exception-approvers: [design-authority]
                releases:
                  - version: v17.2.0
                    pi-kickoff: 2099-01-18
                    release-date: 2099-01-25
                    story: %s/project#4300
                    repos: [central-ledger, helm]
                gates:
                  - id: golden-path-dev
                    name: TTK Golden Path on dev
                    ttk-suite: GP Tests
                  - id: downstream
                    name: Validated by a downstream implementer
                  - id: blocking-bugs
                    name: No high or medium priority bugs open
                    issue-query: 'org:%s is:issue is:open label:bug'
                """.formatted(org, org));
        github.team(org, "release-managers", "henry");
        github.team(org, "design-authority", "grace");
        github.issue(project, 4300, "Release v17.2.0", "# Release v17.2.0\n\nThe checklist people keep.\n");
    }

    /** A comment on the story: recorded where the bot reads comments, then delivered as a webhook. */
    private long onStory(String author, String body) {
        long id = ++commentIds;
        github.comment(project, 4300, id, author, body);
        Webhooks.send("issue_comment", Webhooks.comment(project, 4300, false, id, author, body)).then().statusCode(200);
        return id;
    }

    /** A comment on a PR: recorded where GitHub keeps it, then delivered as a webhook. */
    private void onPullRequest(String repository, int number, long id, String author, String body) {
        github.comment(repository, number, id, author, body);
        Webhooks.send("issue_comment", Webhooks.comment(repository, number, true, id, author, body)).then().statusCode(200);
    }

    private void awaitReaction(String repository, long commentId) {
        await().atMost(Duration.ofSeconds(20)).until(
                () -> !github.requests("POST", "/repos/" + repository + "/issues/comments/" + commentId + "/reactions").isEmpty());
    }

    private String awaitBlockContaining(String text) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> block(github.issueBody(project, 4300)),
                b -> b != null && b.contains(text));
    }

    static String block(String body) {
        if (body == null || !body.contains(START)) {
            return null;
        }
        return body.substring(body.indexOf(START), body.indexOf(END) + END.length());
    }

    private List<String> replies(String repository, int number) {
        return github.requests("POST", "/repos/" + repository + "/issues/" + number + "/comments").stream()
                .map(r -> r.body()).toList();
    }

    @Test
    void gatesMoveTheStoryFromPendingToBlockedToReadyAndTheBlockIsRebuiltFromGitHub() {
        long status = onStory("mallory", "/release-status");
        awaitReaction(project, status);
        String pending = awaitBlockContaining("## Release v17.2.0: PENDING");
        assertThat(pending).contains("no evidence yet for **TTK Golden Path on dev**, **Validated by a downstream implementer**")
                .contains("| No high or medium priority bugs open (`blocking-bugs`) | ✅ passed |");
        assertThat(github.issueBody(project, 4300)).startsWith("# Release v17.2.0\n\nThe checklist people keep.\n\n" + START);

        // someone who is not a release manager: refused, nothing changes
        onStory("mallory", "/gate downstream pass");
        await().atMost(Duration.ofSeconds(20)).until(() -> replies(project, 4300).size() == 1);
        assertThat(replies(project, 4300).get(0)).contains("can only be used by members of `release-managers`");

        // an unknown gate: the valid ids are listed
        onStory("henry", "/gate golden-path pass");
        await().atMost(Duration.ofSeconds(20)).until(() -> replies(project, 4300).size() == 2);
        assertThat(replies(project, 4300).get(1)).contains("There is no gate `golden-path`").contains("`golden-path-dev`")
                .contains("`downstream`");

        long fail = onStory("henry", "/gate golden-path-dev fail https://ci.example/gp/41 3 failures in transfers");
        awaitReaction(project, fail);
        String blocked = awaitBlockContaining("## Release v17.2.0: BLOCKED");
        assertThat(blocked).contains("**BLOCKED** by **TTK Golden Path on dev**").contains("[evidence](https://ci.example/gp/41)")
                .contains("3 failures in transfers");

        onStory("henry", "/gate golden-path-dev pass https://ci.example/gp/42 rerun green");
        long downstream = onStory("henry", "/gate downstream pass https://github.com/mojaloop/mini-loop/actions/runs/7 mini-loop");
        awaitReaction(project, downstream);
        String ready = awaitBlockContaining("## Release v17.2.0: READY");
        assertThat(ready).contains("**READY**: every gate has passed").contains("rerun green").doesNotContain("3 failures");

        // people edit around the block and inside it; the block is restored, their text kept
        String body = github.issueBody(project, 4300);
        github.editIssue(project, 4300, "Intro added later.\n\n" + body.replace("rerun green", "tampered") + "\n\nNotes below.");
        long again = onStory("mallory", "/release-status");
        awaitReaction(project, again);
        await().atMost(Duration.ofSeconds(20)).until(() -> block(github.issueBody(project, 4300)).equals(ready));
        assertThat(github.issueBody(project, 4300)).startsWith("Intro added later.").endsWith("Notes below.");

        // the block deleted altogether: rebuilt, identical
        github.editIssue(project, 4300, "# Release v17.2.0\n\nThe checklist people keep.\n");
        long rebuild = onStory("mallory", "/release-status");
        awaitReaction(project, rebuild);
        await().atMost(Duration.ofSeconds(20)).until(() -> ready.equals(block(github.issueBody(project, 4300))));

        // and asking again when nothing changed writes nothing
        int patches = github.requests("PATCH", "/repos/" + project + "/issues/4300").size();
        long idle = onStory("mallory", "/release-status");
        awaitReaction(project, idle);
        assertThat(github.requests("PATCH", "/repos/" + project + "/issues/4300")).hasSize(patches);
    }

    /** The org's config with the blocking-bugs gate reading priorities from the bug template's field. */
    private void bodyPriorities() {
        github.orgConfig(org, """
                release-candidates:
                  approvers: [release-managers]
                releases:
                  - version: v17.2.0
                    pi-kickoff: 2099-01-18
                    release-date: 2099-01-25
                    story: %s/project#4300
                    repos: [central-ledger, helm]
                gates:
                  - id: blocking-bugs
                    name: No critical, high or medium priority bugs open
                    issue-query: 'org:%s is:issue is:open label:bug'
                    priority-from: body
                    priorities: [critical, high, medium]
                """.formatted(org, org));
    }

    /** {@code /release-status}, then the block once it shows {@code expected} (the rebuild runs after the 👍). */
    private String status(String expected) {
        long id = onStory("mallory", "/release-status");
        awaitReaction(project, id);
        return awaitBlockContaining(expected);
    }

    @Test
    void realMojaloopBugsBlockByThePriorityInTheirBodyAndUnknownPrioritiesBlockToo() {
        bodyPriorities();
        // the bug template as Mojaloop people fill it: a Low priority bug does not block
        github.state().openIssue(project, 4101, "ines", "Quote expiry off by a second",
                "## Summary:\nQuotes expire early.\n\n**Severity**: Low\n\n**Priority**: Low\n", "bug");
        String low = status("## Release v17.2.0: READY");
        assertThat(low).contains("## Release v17.2.0: READY")
                .contains("| No critical, high or medium priority bugs open (`blocking-bugs`) | ✅ passed | [0 blocking issues](");

        // a High under Priority, value on the next line, in bold: blocks
        github.state().openIssue(org + "/central-ledger", 1201, "ines", "Settlement loses a cent",
                "**Severity**:\nHigh\n\n- **Priority**:\n  **High**\n", "bug");
        // the template left unfilled: the priority is unknown, and that blocks too
        github.state().openIssue(project, 4102, "ines", "Callbacks retried forever",
                "## Summary:\n...\n\n**Severity**: (Low, Medium, High)\n\n**Priority**: (Critical, Medium, Low)\n", "bug");
        github.state().openIssue(project, 4103, "ines", "Bulk transfer stuck", "Seen on dev.", "bug");
        String blocked = status("## Release v17.2.0: BLOCKED");
        assertThat(blocked).contains("| No critical, high or medium priority bugs open (`blocking-bugs`) | ❌ failed | [3 blocking issues](")
                .contains("Settlement loses a cent · priority high")
                .contains("Callbacks retried forever · **priority unknown**: the Priority field says “\\(Critical, Medium, Low\\)”")
                .contains("Bulk transfer stuck · **priority unknown**: no Priority field in the body")
                .doesNotContain("Quote expiry");
        // only the search was asked: the bodies came with its answer
        assertThat(github.requests("GET", "/repos/" + project + "/issues/4102")).isEmpty();

        // triaged: the fields filled in, the other one closed
        github.editIssue(project, 4102, "**Severity**: Low\n\n**Priority**: low\n");
        github.editIssue(project, 4103, "**Priority**: Low");
        github.state().closeIssue(org + "/central-ledger", 1201);
        assertThat(status("## Release v17.2.0: READY")).contains("| ✅ passed | [0 blocking issues](");
    }

    @Test
    void aSearchGitHubAnswersIncompletelyOrFailsNeverPassesTheGate() {
        bodyPriorities();
        status("## Release v17.2.0: READY");

        // GitHub's search ran out of time: incomplete_results with no items proves nothing
        github.searchesAnswered(200, "{\"total_count\":0,\"incomplete_results\":true,\"items\":[]}");
        String incomplete = status("## Release v17.2.0: PENDING");
        assertThat(incomplete).contains("| No critical, high or medium priority bugs open (`blocking-bugs`) | ⏳ unknown | [0 blocking issues](")
                .contains("GitHub's search gave incomplete results (it ran out of time): issues may be missing, so it cannot show "
                        + "that none is open; read again soon |")
                .contains("None found, but not every search could be believed (see the gates above).")
                .contains("⚠️ Not complete: GitHub's search gave incomplete results (it ran out of time); this list may be missing some.")
                .doesNotContain("None open.");

        // a failing search (GitHub's 502 after the bot's retries): pending, not "none open"
        github.searchesAnswered(502, "{\"message\":\"Server Error\"}");
        String failed = status("the search failed (GitHub answered 502)");
        assertThat(failed).contains("## Release v17.2.0: PENDING").contains("| ⏳ unknown | [the search](")
                .contains("the search failed (GitHub answered 502): not read; read again soon |")
                .contains("⚠️ Not read: the search failed (GitHub answered 502); read again soon.")
                .doesNotContain("None declared yet").doesNotContain("None granted.");

        // a query GitHub refuses (422): pending, and says to check the query
        github.searchesAnswered(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"code\":\"invalid\"}]}");
        assertThat(status("invalid (422)")).contains("GitHub refused the search as invalid (422): check the query in "
                + "release-bot.yml: not read |").contains("## Release v17.2.0: PENDING");

        // GitHub answers again: the story is rebuilt by itself (no event needed) and the gate passes
        github.searchesAnswered(502, "{\"message\":\"Server Error\"}");
        status("GitHub answered 502");
        int commentsBefore = github.storedComments(project, 4300).size();
        github.searchesAnswered(null, null);
        String healed = await().atMost(Duration.ofSeconds(20)).until(() -> block(github.issueBody(project, 4300)),
                b -> b != null && b.contains("## Release v17.2.0: READY"));
        assertThat(healed).contains("| ✅ passed | [0 blocking issues](").contains("None open.");
        assertThat(github.storedComments(project, 4300)).as("healed without a new command").hasSize(commentsBefore);
    }

    @Test
    void releaseCandidatesAreDeclaredAndCancelledByReleaseManagersOnly() {
        String helm = org + "/helm";
        github.pullRequest(helm, 612, "henry", "612612612612612612612612612612612612612a", "main", "chore(release): v17.2.0-rc.1");
        github.comments(helm, 612);
        onPullRequest(helm, 612, 801, "mallory", "/release-candidate v17.2.0-rc.1");
        await().atMost(Duration.ofSeconds(20)).until(() -> replies(helm, 612).size() == 1);
        assertThat(replies(helm, 612).get(0)).contains("can only be used by members of `release-managers`");
        assertThat(github.requests("POST", "/repos/" + helm + "/issues/612/labels")).isEmpty();

        onPullRequest(helm, 612, 802, "henry", "/release-candidate 17.2");
        await().atMost(Duration.ofSeconds(20)).until(() -> replies(helm, 612).size() == 2);
        assertThat(replies(helm, 612).get(1)).contains("is not a release version").contains("Usage:");

        onPullRequest(helm, 612, 803, "henry", "/release-candidate v17.2.0-rc.1");
        awaitReaction(helm, 803);
        assertThat(github.requests("POST", "/repos/" + helm + "/labels")).extracting(r -> r.body())
                .anySatisfy(b -> assertThat(b).contains("\"name\":\"release-candidate\"").contains("\"color\":\"0e8a16\""))
                .anySatisfy(b -> assertThat(b).contains("\"name\":\"rc: v17.2.0-rc.1\""));
        assertThat(github.requests("POST", "/repos/" + helm + "/issues/612/labels").get(0).body())
                .contains("release-candidate").contains("rc: v17.2.0-rc.1");

        // the story lists the labelled PR (GitHub's search finds it by the label the bot put on it)
        long status = onStory("henry", "/release-status");
        awaitReaction(project, status);
        awaitBlockContaining("[helm\\#612](https://github.com/" + helm + "/pull/612)");

        // someone also labelled it helm: that label stays
        github.labels(helm, 612, "release-candidate", "rc: v17.2.0-rc.1", "helm");
        onPullRequest(helm, 612, 804, "henry", "/release-candidate cancel");
        awaitReaction(helm, 804);
        assertThat(github.requests("DELETE", "/repos/" + helm + "/issues/612/labels/")).extracting(r -> r.pathAndQuery())
                .containsExactlyInAnyOrder("/repos/" + helm + "/issues/612/labels/release-candidate",
                        "/repos/" + helm + "/issues/612/labels/rc%3A%20v17.2.0-rc.1");
    }

    @Test
    void typedTextIsEscapedAndAReleaseEventIsReflected() {
        long gate = onStory("henry", "/gate downstream fail javascript:alert(1) <img src=x onerror=alert(1)> @everyone [x](javascript:y) | cell");
        awaitReaction(project, gate);
        String block = awaitBlockContaining("BLOCKED");
        assertThat(block).doesNotContain("<img").doesNotContain("](javascript:").doesNotContain("@everyone")
                .contains("&lt;img src=x onerror=alert\\(1\\)&gt;").contains("\\| cell");

        github.releases(org + "/helm", new String[] { "v17.2.0", "false", "2099-01-25T10:00:00Z" },
                new String[] { "v17.2.0-rc.1", "true", "2099-01-10T10:00:00Z" });
        ObjectNode release = Webhooks.at(Webhooks.example("release/published.payload.json"), org + "/helm", "henry");
        ((ObjectNode) release.get("release")).put("tag_name", "v17.2.0");
        Webhooks.send("release", release).then().statusCode(200);
        String released = awaitBlockContaining("## Release v17.2.0: RELEASED");
        assertThat(released).contains("published [v17.2.0](https://github.com/" + org + "/helm/releases/tag/v17.2.0) as a full release")
                .contains("| helm | [v17.2.0](");
    }

    /** Every write of the story's body so far: each within GitHub's limit, and each accepted. */
    private List<Integer> storyPatches() {
        return github.requests("PATCH", "/repos/" + project + "/issues/4300").stream().map(r -> {
            assertThat(r.status()).as("PATCH of the story answered").isEqualTo(200);
            try {
                return Webhooks.MAPPER.readTree(r.body()).path("body").asText().length();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    @Test
    void aHundredThousandCharacterReasonKeepsTheBodyWithinGitHubsLimitAndLaterUpdatesStillGoThrough() {
        String ledger = org + "/central-ledger";
        github.pullRequest(ledger, 91, "eve", ReviewRulesIT.SHA, "main", "fix: rounding");
        github.comments(ledger, 91);
        String reason = "urgent & <agreed> @everyone | ".repeat(3_400);
        assertThat(reason.length()).isGreaterThan(100_000);
        onPullRequest(ledger, 91, 901, "grace", "/review-exception " + reason);
        awaitReaction(ledger, 901);
        String block = awaitBlockContaining("[central-ledger\\#91]");
        assertThat(github.issueBody(project, 4300).length()).isLessThanOrEqualTo(65_536);
        assertThat(block).contains("| grace | urgent &amp; &lt;agreed&gt; @\u200Beveryone \\| urgent").contains("…")
                .doesNotContain("@everyone");
        assertThat(storyPatches()).isNotEmpty().allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(65_536));

        // a later update of the story (a gate with a 100k note) still goes through
        long gate = onStory("henry", "/gate golden-path-dev fail https://ci.example/gp/41 " + "three failures ".repeat(7_000));
        awaitReaction(project, gate);
        String blocked = awaitBlockContaining("## Release v17.2.0: BLOCKED");
        assertThat(blocked).contains("[central-ledger\\#91]").contains("three failures three failures").contains("…");
        assertThat(github.issueBody(project, 4300)).startsWith("# Release v17.2.0\n\nThe checklist people keep.\n\n" + START);
        assertThat(github.issueBody(project, 4300).length()).isLessThanOrEqualTo(65_536);
        assertThat(storyPatches()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(65_536));
    }
}
