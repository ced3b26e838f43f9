package io.mojaloop.releasebot.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mojaloop.releasebot.core.command.CommandReply;
import io.mojaloop.releasebot.it.FakeGitHub.Review;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Answer;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Decision;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Authority bound to what was granted, over HTTP: the packaged app against the simulated GitHub, signed webhooks in.
 * The app is registered on GitHub as {@code ml-release-bot} (what {@code GET /app} answers) while its configured
 * name is the default {@code mojaloop-release-bot}: the configured name must not make anyone the bot.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = FakeGitHub.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "app-slug", value = "ml-release-bot") })
class CommandTrustIT {

    static final String SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    static final String PUSHED = "aaaabbbbccccddddeeeeffff0000111122223333";
    static final String FORGED_PASS = "<!-- release-bot:ttk {\"suite\":\"GP Tests\",\"environment\":\"dev\",\"total\":7,"
            + "\"passed\":7,\"failed\":0,\"skipped\":0,\"reportId\":null,\"reportUrl\":null} -->";

    FakeGitHub github;
    String org;

    @BeforeEach
    void setUp() {
        github.reset();
        org = "ct-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void reviewConfig() {
        github.orgConfig(org, ReviewRulesIT.CONFIG);
        github.team(org, "design-authority", "da-lead");
    }

    private ObjectNode awaitCheck(String repository, String sha, String conclusion) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> github.checkRuns.latest(repository, sha, "review-rules"),
                run -> run != null && conclusion.equals(run.path("conclusion").asText()));
    }

    /** Waits until the app asked GitHub for this (a command's comments or reactions), then for writes to settle. */
    private void awaitRead(String pathPrefix, int atLeast) {
        await().atMost(Duration.ofSeconds(20)).until(() -> github.requests("GET", pathPrefix).size() >= atLeast);
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
    }

    @Test
    void aReviewExceptionHoldsForTheHeadCommitItWasGrantedOnAndAReplayedGrantRunsNothing() {
        reviewConfig();
        String repo = org + "/account-lookup-service";
        github.pullRequest(repo, 12, "eve", SHA, "main", "fix: lookup cache");
        github.reviews(repo, 12, new Review("alice", "APPROVED", SHA), new Review("bob", "APPROVED", SHA));
        String grant = "/review-exception urgent security fix, agreed in the DA call";
        github.comment(repo, 12, 502, "da-lead", grant);
        String delivery = Webhooks.comment(repo, 12, true, 502, "da-lead", grant).toString();
        Webhooks.send("issue_comment", delivery, UUID.randomUUID().toString()).then().statusCode(200);

        ObjectNode passing = awaitCheck(repo, SHA, "success");
        assertThat(passing.path("output").path("summary").asText())
                .contains("The exception was granted on `6dcb09b`; a new push needs a new grant.");
        // the acknowledgement names the comment and the commit, for the check and for any later replay
        await().atMost(Duration.ofSeconds(10)).until(() -> !github.requests("POST", "/repos/" + repo + "/issues/comments/502/reactions").isEmpty());
        List<JsonNode> replies = github.storedComments(repo, 12).stream()
                .filter(c -> c.path("user").path("login").asText().equals("ml-release-bot[bot]")).toList();
        assertThat(replies).singleElement().satisfies(r -> {
            assertThat(r.path("body").asText()).contains("The exception was granted on `6dcb09b`; a new push needs a new grant.");
            assertThat(CommandReply.read(r.path("body").asText())).contains(new CommandReply(502, SHA));
        });

        // a push after the grant: the same approvals on the new head, and the exception no longer holds
        // (a push keeps the PR's labels, the bot's review-exception among them)
        github.pullRequest(repo, 12, "eve", PUSHED, "main", "fix: lookup cache", "review-exception");
        github.reviews(repo, 12, new Review("alice", "APPROVED", PUSHED), new Review("bob", "APPROVED", PUSHED));
        Webhooks.send("pull_request", Webhooks.pullRequest("synchronize", repo, 12, "eve", PUSHED)).then().statusCode(200);
        ObjectNode failing = awaitCheck(repo, PUSHED, "failure");
        assertThat(failing.path("output").path("summary").asText())
                .contains("The review exception da-lead granted no longer applies:** the exception was granted on `6dcb09b`; "
                        + "a new push needs a new grant.");

        // the old signed grant replayed under a new delivery id: nothing runs, nothing is written, the check stays red
        int writes = github.writes().size();
        int commentReads = github.requests("GET", "/repos/" + repo + "/issues/12/comments").size();
        Webhooks.send("issue_comment", delivery, UUID.randomUUID().toString()).then().statusCode(200);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> github.writes().size() == writes);
        assertThat(github.requests("GET", "/repos/" + repo + "/issues/12/comments")).hasSize(commentReads);
        assertThat(github.conclusion(repo, PUSHED, "review-rules")).isEqualTo("failure");
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("release_bot_commands_skipped_total{reason=\"handled\"}");

        // a new grant on the new head holds
        github.comment(repo, 12, 503, "da-lead", "/review-exception still urgent after the fix-up push");
        Webhooks.send("issue_comment", Webhooks.comment(repo, 12, true, 503, "da-lead", "/review-exception still urgent after the fix-up push"))
                .then().statusCode(200);
        assertThat(awaitCheck(repo, PUSHED, "success").path("output").path("summary").asText())
                .contains("The exception was granted on `aaaabbb`");
    }

    @Test
    void aCommandIsNotRunWhenGitHubShowsItAnsweredGoneOrEdited() {
        // what a process that never saw these comments finds (after a restart): the answers on GitHub decide
        reviewConfig();
        String repo = org + "/central-ledger";
        github.pullRequest(repo, 21, "eve", SHA, "main", "fix: rounding");
        String pr = "/repos/" + repo + "/issues/21/comments";

        // answered by a reply whose record names the comment
        github.comment(repo, 21, 701, "da-lead", "/review-exception answered before");
        github.comment(repo, 21, 711, github.botLogin(), "Review exception granted.\n\n" + new CommandReply(701, SHA).line() + "\n");
        Webhooks.send("issue_comment", Webhooks.comment(repo, 21, true, 701, "da-lead", "/review-exception answered before"))
                .then().statusCode(200);
        awaitRead(pr, 1);
        assertThat(github.writes()).isEmpty();

        // answered with the bot's 👍 (a person's 👍 answers nothing)
        github.comment(repo, 21, 702, "da-lead", "/review-exception acknowledged before");
        github.react(702, github.botLogin(), "+1");
        github.comment(repo, 21, 703, "da-lead", "/review-exception liked by a person");
        github.react(703, "alice", "+1");
        Webhooks.send("issue_comment", Webhooks.comment(repo, 21, true, 702, "da-lead", "/review-exception acknowledged before"))
                .then().statusCode(200);
        awaitRead("/repos/" + repo + "/issues/comments/702/reactions", 1);
        assertThat(github.writes()).isEmpty();

        // deleted, or edited since it was posted (the delivery still carries the first text)
        Webhooks.send("issue_comment", Webhooks.comment(repo, 21, true, 704, "da-lead", "/review-exception deleted since"))
                .then().statusCode(200);
        awaitRead(pr, 3);
        github.comment(repo, 21, 705, "da-lead", "/review-exception edited since");
        github.state().editComment(705, "/review-exception edited since, by someone else");
        Webhooks.send("issue_comment", Webhooks.comment(repo, 21, true, 705, "da-lead", "/review-exception edited since"))
                .then().statusCode(200);
        awaitRead(pr, 4);
        assertThat(github.writes()).isEmpty();

        // the comment a person liked is still a new command: it runs
        Webhooks.send("issue_comment", Webhooks.comment(repo, 21, true, 703, "da-lead", "/review-exception liked by a person"))
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !github.requests("POST", "/repos/" + repo + "/issues/comments/703/reactions").isEmpty());
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("release_bot_commands_skipped_total{reason=\"answered\"}")
                .contains("release_bot_commands_skipped_total{reason=\"gone\"}")
                .contains("release_bot_commands_skipped_total{reason=\"edited\"}");
    }

    @Test
    void aGrantThatFailedHalfwayIsFinishedByItsRetryWithOneReply() {
        reviewConfig();
        String repo = org + "/quoting-service";
        github.pullRequest(repo, 31, "eve", SHA, "main", "fix: fees");
        // GitHub fails the PR read of the acknowledgement more often than the bot retries a read: the command fails
        // after labelling, and is done again as a whole a moment later
        AtomicInteger failures = new AtomicInteger(4);
        github.server().addInterceptor(r -> r.method().equals("GET") && r.path().equals("/repos/" + repo + "/pulls/31")
                && failures.getAndDecrement() > 0 ? Decision.answer(Answer.error(502, "Server Error", null)) : Decision.proceed());
        github.comment(repo, 31, 801, "da-lead", "/review-exception fee rounding hotfix");
        Webhooks.send("issue_comment", Webhooks.comment(repo, 31, true, 801, "da-lead", "/review-exception fee rounding hotfix"))
                .then().statusCode(200);

        assertThat(awaitCheck(repo, SHA, "success").path("output").path("summary").asText())
                .contains("The exception was granted on `6dcb09b`");
        await().atMost(Duration.ofSeconds(10)).until(() -> !github.requests("POST", "/repos/" + repo + "/issues/comments/801/reactions").isEmpty());
        assertThat(failures.get()).isNegative();
        assertThat(github.storedComments(repo, 31)).filteredOn(c -> c.path("user").path("login").asText().equals("ml-release-bot[bot]"))
                .hasSize(1);
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("release_bot_retries_total{work=\"command\"}");
    }

    private void storyConfig() {
        github.installedOn(org);
        github.orgConfig(org, """
                releases:
                  - version: v17.2.0
                    pi-kickoff: 2099-01-18
                    release-date: 2099-01-25
                    story: %s/project#4300
                    repos: [central-ledger]
                gates:
                  - id: golden-path-dev
                    name: TTK Golden Path on dev
                    ttk-suite: GP Tests
                    environment: dev
                """.formatted(org));
        github.issue(org + "/project", 4300, "Release v17.2.0", "Story.\n");
    }

    private String story() {
        String body = github.issueBody(org + "/project", 4300);
        return body == null ? "" : body;
    }

    @Test
    void onlyTheAppGitHubNamesIsTheBotNotAnAccountWithTheConfiguredName() {
        storyConfig();
        String project = org + "/project";
        // a person, and a Bot account of another app, whose logins are the configured name: a "passed" record each
        github.comment(project, 4300, 901, "mojaloop-release-bot", FORGED_PASS);
        github.comment(project, 4300, 902, "mojaloop-release-bot[bot]", FORGED_PASS);
        github.comment(project, 4300, 903, "mallory", "/release-status");
        Webhooks.send("issue_comment", Webhooks.comment(project, 4300, false, 903, "mallory", "/release-status")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> story().contains("<!-- release-bot:start -->"));
        assertThat(story()).contains("| TTK Golden Path on dev (`golden-path-dev`) | ⏳ no evidence yet |")
                .doesNotContain("✅ passed");
    }

    @Test
    void aReportIdCannotForgeTheRecordOfItsSummary() throws Exception {
        storyConfig();
        String project = org + "/project";
        ObjectNode report = (ObjectNode) Webhooks.MAPPER.readTree(ReportsIT.fixture("one-failed.json"));
        ((ObjectNode) report.get("runtimeInformation")).put("testReportId", "1732512345678\n" + FORGED_PASS + "\n`</code>");
        ReportsIT.post("v17.2.0", "dev", FakeGitHub.REPORT_TOKEN, report.toString()).then().statusCode(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> story().contains("| TTK Golden Path on dev (`golden-path-dev`) | ❌ failed |"));
        String summary = github.storedComments(project, 4300).get(0).path("body").asText();
        // the id is shown escaped on the report's line; the only record line is the bot's own, last
        assertThat(summary.split("<!-- release-bot:ttk ", -1)).hasSize(2);
        assertThat(summary).contains("Report <code>1732512345678 &lt;\\!-- release-bot:ttk {")
                .doesNotContain("`</code>");
        String[] lines = summary.strip().split("\n");
        assertThat(lines[lines.length - 1]).startsWith("<!-- release-bot:ttk {").contains("\"failed\":1");

        // read back again (a rebuild from GitHub alone): still failed
        github.comment(project, 4300, 950, "mallory", "/release-status");
        Webhooks.send("issue_comment", Webhooks.comment(project, 4300, false, 950, "mallory", "/release-status")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !github.requests("POST", "/repos/" + project + "/issues/comments/950/reactions").isEmpty());
        assertThat(story()).contains("| TTK Golden Path on dev (`golden-path-dev`) | ❌ failed |");
    }
}
