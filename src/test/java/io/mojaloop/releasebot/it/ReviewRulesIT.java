package io.mojaloop.releasebot.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mojaloop.releasebot.it.FakeGitHub.Comment;
import io.mojaloop.releasebot.it.FakeGitHub.Review;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged app in prod mode, talking to a fake GitHub over HTTP: signed webhooks in, REST calls out.
 * Each test uses its own organisation, because the app caches configuration and teams per organisation.
 */
@QuarkusIntegrationTest
// a failed evaluation is retried a minute later here, not within the 500 ms the fake sets by default: the timeout test
// below counts one evaluation's reads (the retries themselves: FailedWorkIsRetriedTest)
@QuarkusTestResource(value = FakeGitHub.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "retry-first-delay", value = "1m"), @ResourceArg(name = "retry-max-delay", value = "1m") })
class ReviewRulesIT {

    static final String CONFIG = """
            reviews:
              required-approvals: 2
              distinct-organisations: 2
              dismiss-stale: true
              exception-approvers: [design-authority]
            affiliations:
              Infitx: [alice, bob]
              Crosslake: [carol]
              ModusBox: [da-lead]
            affiliation-fallback: none
            """;
    static final String SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

    FakeGitHub github;

    @BeforeEach
    void reset() {
        github.reset();
    }

    private String org() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private ObjectNode awaitCheck(String repository, String sha, String conclusion) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> github.checkRuns.latest(repository, sha, "review-rules"),
                run -> run != null && conclusion.equals(run.path("conclusion").asText()));
    }

    @Test
    void twoApprovalsFromOneOrganisationFailAndAThirdFromAnotherPasses() {
        String org = org();
        String repo = org + "/central-ledger";
        github.orgConfig(org, CONFIG);
        github.pullRequest(repo, 101, "eve", SHA, "main", "feat: settlement window report");
        github.reviews(repo, 101, new Review("alice", "APPROVED", SHA), new Review("bob", "APPROVED", SHA));

        Webhooks.send("pull_request_review", Webhooks.review(repo, 101, "bob", "approved", SHA)).then().statusCode(200);

        ObjectNode failing = awaitCheck(repo, SHA, "failure");
        assertThat(failing.path("head_sha").asText()).isEqualTo(SHA);
        assertThat(failing.path("output").path("title").asText()).isEqualTo("1 of 2 organisations, 2 of 2 approvals");
        assertThat(failing.path("output").path("summary").asText())
                .contains("1 more organisation").contains("Infitx");
        assertThat(failing.path("output").path("text").asText())
                .contains("| alice | Infitx (affiliations) | approved |");

        github.reviews(repo, 101, new Review("alice", "APPROVED", SHA), new Review("bob", "APPROVED", SHA),
                new Review("carol", "APPROVED", SHA));
        Webhooks.send("pull_request_review", Webhooks.review(repo, 101, "carol", "approved", SHA)).then().statusCode(200);

        ObjectNode passing = awaitCheck(repo, SHA, "success");
        assertThat(passing.path("output").path("title").asText()).isEqualTo("2 of 2 organisations, 3 approvals, 2 needed");
        // the second verdict updated the same check run rather than adding one
        assertThat(github.checkRuns.all()).filteredOn(r -> r.path("name").asText().equals("review-rules")).hasSize(1);
    }

    @Test
    void aClosedPullRequestLeavesTheDashboardsBlockedList() {
        String org = org();
        String repo = org + "/central-ledger";
        github.installedOn(org);
        // public repositories: the dashboard shows an anonymous viewer only those (release-bot.dashboard.private)
        github.installationRepositories(org + "/.github", repo);
        github.orgConfig(org, CONFIG);
        github.pullRequest(repo, 31, "eve", SHA, "main", "fix: abandoned idea");
        Webhooks.send("pull_request", Webhooks.pullRequest("opened", repo, 31, "eve", SHA)).then().statusCode(200);
        awaitCheck(repo, SHA, "failure");
        await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/releases").then().extract().asString()
                .contains(repo + "#31"));

        Webhooks.send("pull_request", Webhooks.pullRequest("closed", repo, 31, "eve", SHA)).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !given().get("/releases").then().extract().asString()
                .contains(repo + "#31"));
    }

    @Test
    void aRedeliveredEventWritesNothingNew() {
        String org = org();
        String repo = org + "/ml-api-adapter";
        github.orgConfig(org, CONFIG);
        github.pullRequest(repo, 7, "eve", SHA, "main", "fix: quote expiry");
        String body = Webhooks.pullRequest("opened", repo, 7, "eve", SHA).toString();

        Webhooks.send("pull_request", body, "delivery-1").then().statusCode(200);
        awaitCheck(repo, SHA, "failure");
        await().atMost(Duration.ofSeconds(20)).until(() -> github.writes().size() == 2);
        int reads = github.requestCount();
        // GitHub's redelivery keeps the delivery id: recognised, nothing read or written
        Webhooks.send("pull_request", body, "delivery-1").then().statusCode(200)
                .body(containsString("Duplicate delivery delivery-1"));
        // the same event under a new id (a second webhook): evaluated again, verdicts unchanged, nothing written
        Webhooks.send("pull_request", body, "delivery-2").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> github.requests("GET", "/repos/" + repo + "/commits/" + SHA + "/check-runs").size() >= 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> github.writes().size() == 2);
        assertThat(github.requests("GET", "/repos/" + repo + "/commits/" + SHA + "/check-runs")).hasSize(2);
        assertThat(github.requestCount()).isGreaterThan(reads);
        // one check run per check (review-rules and release-freeze), written once each
        assertThat(github.writes()).extracting(r -> r.body())
                .anySatisfy(b -> assertThat(b).contains("\"name\":\"review-rules\""))
                .anySatisfy(b -> assertThat(b).contains("\"name\":\"release-freeze\""));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("release_bot_webhooks_duplicate_total{event=\"pull_request\"}")
                .contains("release_bot_events_total{action=\"opened\",event=\"pull_request\"}")
                // acknowledged first, then dispatched off the request
                .contains("release_bot_webhook_dispatch_seconds_count{event=\"pull_request\",outcome=\"dispatched\"}");
    }

    @Test
    void aDesignAuthorityMemberGrantsAnExceptionAndOthersAreRefused() {
        String org = org();
        String repo = org + "/account-lookup-service";
        github.orgConfig(org, CONFIG);
        github.team(org, "design-authority", "da-lead");
        github.pullRequest(repo, 12, "eve", SHA, "main", "fix: lookup cache");
        github.reviews(repo, 12, new Review("alice", "APPROVED", SHA), new Review("bob", "APPROVED", SHA));
        github.comments(repo, 12, new Comment(501, "alice", "/review-exception it's urgent"));

        Webhooks.send("issue_comment", Webhooks.comment(repo, 12, true, 501, "alice", "/review-exception it's urgent"))
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> !github.requests("POST", "/repos/" + repo + "/issues/12/comments").isEmpty());
        String refusal = github.requests("POST", "/repos/" + repo + "/issues/12/comments").get(0).body();
        assertThat(refusal).contains("can only be used by members of `design-authority`").contains("Nothing was changed");
        assertThat(github.requests("POST", "/repos/" + repo + "/issues/12/labels")).isEmpty();
        assertThat(github.checkRuns.latest(repo, SHA, "review-rules")).isNull();

        String grant = "/review-exception urgent security fix, agreed in the DA call of 2026-11-24";
        github.comments(repo, 12, new Comment(501, "alice", "/review-exception it's urgent"), new Comment(502, "da-lead", grant));
        Webhooks.send("issue_comment", Webhooks.comment(repo, 12, true, 502, "da-lead", grant)).then().statusCode(200);

        ObjectNode passing = awaitCheck(repo, SHA, "success");
        assertThat(passing.path("output").path("title").asText())
                .isEqualTo("Review exception granted by da-lead: 1 of 2 organisations, 2 of 2 approvals");
        assertThat(passing.path("output").path("summary").asText()).contains("urgent security fix");
        assertThat(github.requests("POST", "/repos/" + repo + "/issues/12/labels").get(0).body())
                .contains("review-exception");
        assertThat(github.requests("POST", "/repos/" + repo + "/issues/comments/502/reactions").get(0).body())
                .contains("+1");

        // the exception holds only while its label is on the PR: taking the label off withdraws it
        github.labels(repo, 12);
        Webhooks.send("pull_request", Webhooks.pullRequest("unlabeled", repo, 12, "eve", SHA)).then().statusCode(200);
        ObjectNode withdrawn = awaitCheck(repo, SHA, "failure");
        assertThat(withdrawn.path("output").path("title").asText()).isEqualTo("1 of 2 organisations, 2 of 2 approvals");
    }

    @Test
    void aNewPullRequestCostsFourCallsAndItsCommentsAreReadOnlyUnderAnExceptionLabel() {
        String org = org();
        String repo = org + "/quoting-service";
        github.orgConfig(org, CONFIG);
        github.pullRequest(repo, 40, "eve", SHA, "main", "feat: warm the configuration");
        Webhooks.send("pull_request", Webhooks.opened(github, repo, 40)).then().statusCode(200);
        awaitCheck(repo, SHA, "failure");
        await().atMost(Duration.ofSeconds(20)).until(() -> github.writes().size() == 2);

        // a new PR with the configuration known: the payload's PR is fresh, it carries no exception label
        String head = "1111111111111111111111111111111111111111";
        github.clearRequests();
        github.pullRequest(repo, 41, "eve", head, "main", "feat: quote expiry");
        Webhooks.send("pull_request", Webhooks.opened(github, repo, 41)).then().statusCode(200);
        awaitCheck(repo, head, "failure");
        await().atMost(Duration.ofSeconds(20)).until(() -> github.requestsSince().stream().filter(r -> r.write()).count() == 2);
        // the calls for PR 41 (anything else the app does meanwhile, for other work, is not this PR's cost)
        java.util.function.Supplier<java.util.List<String>> forThePr = () -> github.requestsSince().stream()
                .filter(r -> r.path().contains("/pulls/41") || r.path().contains("/issues/41") || r.path().contains(head)
                        || r.write() && r.body() != null && r.body().contains(head))
                .map(r -> r.method() + " " + r.path()).toList();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> forThePr.get().size() == 4);
        assertThat(forThePr.get()).containsExactlyInAnyOrder(
                "GET /repos/" + repo + "/commits/" + head + "/check-runs",
                "GET /repos/" + repo + "/pulls/41/reviews",
                "POST /repos/" + repo + "/check-runs",
                "POST /repos/" + repo + "/check-runs");

        // with an exception label on it, the comments are read (to find the grant the label stands for)
        String labelled = "2222222222222222222222222222222222222222";
        github.clearRequests();
        github.pullRequest(repo, 42, "eve", labelled, "main", "feat: bulk quotes", "freeze-exception");
        Webhooks.send("pull_request", Webhooks.opened(github, repo, 42)).then().statusCode(200);
        awaitCheck(repo, labelled, "failure");
        await().atMost(Duration.ofSeconds(20)).until(() -> github.requestsSince().stream().filter(r -> r.write()).count() == 2);
        assertThat(github.requestsSince()).extracting(r -> r.method() + " " + r.path())
                .contains("GET /repos/" + repo + "/issues/42/comments")
                .doesNotContain("GET /repos/" + repo + "/pulls/42");
    }

    @Test
    void anExceptionWithoutReasonGetsTheUsage() {
        String org = org();
        String repo = org + "/quoting-service";
        github.orgConfig(org, CONFIG);
        github.team(org, "design-authority", "da-lead");
        github.pullRequest(repo, 3, "eve", SHA, "main", "fix: rounding");
        github.comment(repo, 3, 601, "da-lead", "/review-exception");

        Webhooks.send("issue_comment", Webhooks.comment(repo, 3, true, 601, "da-lead", "/review-exception"))
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> !github.requests("POST", "/repos/" + repo + "/issues/3/comments").isEmpty());
        assertThat(github.requests("POST", "/repos/" + repo + "/issues/3/comments").get(0).body())
                .contains("needs a reason").contains("Usage: `/review-exception <reason>`");
        assertThat(github.requests("POST", "/repos/" + repo + "/issues/3/labels")).isEmpty();
    }

    @Test
    void badOrMissingSignaturesAreRefusedAndChangeNothing() {
        String org = org();
        String repo = org + "/central-ledger";
        github.orgConfig(org, CONFIG);
        github.pullRequest(repo, 1, "eve", SHA, "main", "feat: x");
        String body = Webhooks.pullRequest("opened", repo, 1, "eve", SHA).toString();

        given().contentType("application/json").header("X-GitHub-Event", "pull_request")
                .header("X-GitHub-Delivery", "bad-1").header("X-Hub-Signature-256", Webhooks.sign(body.getBytes(), "wrong"))
                .body(body).post("/").then().statusCode(400);
        given().contentType("application/json").header("X-GitHub-Event", "pull_request")
                .header("X-GitHub-Delivery", "bad-2").body(body).post("/").then().statusCode(400);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> github.writes().isEmpty());
        assertThat(github.requests("GET", "/repos/" + repo)).isEmpty();

        // a correctly signed delivery afterwards is handled, so the refusals above were not a broken app
        Webhooks.send("pull_request", Webhooks.pullRequest("opened", repo, 1, "eve", SHA)).then().statusCode(200);
        awaitCheck(repo, SHA, "failure");
        await().atMost(Duration.ofSeconds(10)).until(() -> github.writes().size() == 2);
    }

    @Test
    void malformedJsonIsRefusedAndChangesNothing() {
        Webhooks.send("pull_request", "{\"action\": \"opened\", ", "malformed-1").then().statusCode(400)
                .body(containsString("JSON"));
        assertThat(github.writes()).isEmpty();
    }

    @Test
    void aBrokenConfigGivesAFailingCheckNamingFileAndLine() {
        String org = org();
        String repo = org + "/central-ledger";
        github.orgConfig(org, """
                reviews:
                  required-approvals: two
                """);
        github.pullRequest(repo, 9, "eve", SHA, "main", "feat: x");

        Webhooks.send("pull_request", Webhooks.pullRequest("opened", repo, 9, "eve", SHA)).then().statusCode(200);

        ObjectNode run = awaitCheck(repo, SHA, "failure");
        assertThat(run.path("output").path("title").asText()).contains("configuration has 1 error");
        assertThat(run.path("output").path("summary").asText())
                .contains("`" + org + "/.github:release-bot.yml` line 2, column 23");
    }

    @Test
    void aPullRequestThatEditsTheConfigGetsTheSameVerdict() {
        String org = org();
        String repo = org + "/central-ledger";
        github.orgConfig(org, CONFIG);
        // the PR's head branch relaxes the rules in the repository config: the bot must not read it from there
        // (GitHub serves it for ?ref=feature/4, ?ref=<the head sha> or ?ref=refs/pull/4/head)
        github.fileOnBranch(repo, "feature/4", ".github/release-bot.yml",
                "reviews:\n  required-approvals: 0\n  distinct-organisations: 0\n");
        github.pullRequest(repo, 4, "eve", SHA, "main", "chore: relax review rules");

        Webhooks.send("pull_request", Webhooks.pullRequest("opened", repo, 4, "eve", SHA)).then().statusCode(200);

        ObjectNode run = awaitCheck(repo, SHA, "failure");
        assertThat(run.path("output").path("title").asText()).isEqualTo("0 of 2 organisations, 0 of 2 approvals");
        assertThat(github.requests("GET", "/repos/" + repo + "/contents/"))
                .allSatisfy(r -> assertThat(r.pathAndQuery()).doesNotContain("ref="));
    }

    @Test
    void aGitHubThatNeverAnswersCannotHangTheBot() {
        String org = org();
        String slow = org + "/slow-service";
        github.orgConfig(org, CONFIG);
        github.slowAnswers("GET", "/repos/" + slow + "/pulls/5", Duration.ofSeconds(60));

        long start = System.nanoTime();
        Webhooks.send("pull_request", Webhooks.pullRequest("opened", slow, 5, "eve", SHA)).then().statusCode(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        // read timeout 2s, 3 attempts (both checks share one read of the PR): the bot gives up on its own (and tries the
        // whole evaluation again only after release-bot.retry.first-delay)
        await().atMost(Duration.ofSeconds(20)).until(() -> github.requests("GET", "/repos/" + slow + "/pulls/5").size() >= 3);
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> github.requests("GET", "/repos/" + slow + "/pulls/5").size() == 3);

        // and it keeps working for everyone else
        String repo = org + "/central-ledger";
        github.pullRequest(repo, 6, "eve", SHA, "main", "feat: y");
        Webhooks.send("pull_request", Webhooks.pullRequest("opened", repo, 6, "eve", SHA)).then().statusCode(200);
        awaitCheck(repo, SHA, "failure");
    }

    @Test
    void healthAndMetricsAreServed() {
        given().get("/q/health").then().statusCode(200).body(containsString("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
