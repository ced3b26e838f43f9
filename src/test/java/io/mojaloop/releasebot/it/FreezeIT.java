package io.mojaloop.releasebot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mojaloop.releasebot.it.FakeGitHub.Comment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The {@code release-freeze} check of the packaged app against the fake GitHub: flipping on the clock with no
 * webhook, a flip over many PRs under a (scaled) secondary rate limit, and freeze exceptions.
 * Writes are paced at 3000 a minute (50 a second) here and the fake refuses more than 60 writes in any second:
 * the same ratio as GitHub's real budget of about 80 content-creating requests a minute, sped up.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = FakeGitHub.class, restrictToAnnotatedClass = true, initArgs = {
        // GitHub's write limit in scaled time: the bot's "minute" is a second, 50 writes in it; the fake refuses above 60
        @ResourceArg(name = "writes-per-minute", value = "50"), @ResourceArg(name = "write-window", value = "1s") })
class FreezeIT {

    static final String SHA = "7fd1a60b01f91b314f59955a4e4d4e80d8edf11d";

    FakeGitHub github;

    @BeforeEach
    void reset() {
        github.reset();
    }

    private static String org() {
        return "fz-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String config(Instant featureFreeze) {
        return """
                freeze:
                  exception-approvers: [release-managers]
                releases:
                  - version: v17.2.0
                    pi-kickoff: 2099-01-18
                    release-date: 2099-01-25
                    feature-freeze: %s
                    timezone: UTC
                    story: mojaloop/project#4300
                    repos: [central-ledger, ml-api-adapter]
                """.formatted(featureFreeze.truncatedTo(ChronoUnit.SECONDS));
    }

    private ObjectNode awaitFreeze(String repository, String sha, String conclusion, Duration atMost) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(
                () -> github.checkRuns.latest(repository, sha, "release-freeze"),
                run -> run != null && conclusion.equals(run.path("conclusion").asText()));
    }

    @Test
    void aWindowOpeningFlipsAnOpenFeaturePrWithNoWebhook() {
        String org = org();
        String repo = org + "/central-ledger";
        Instant freezeAt = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        github.orgConfig(org, config(freezeAt));
        github.pullRequest(repo, 21, "eve", SHA, "main", "feat(mojaloop/#3122): bulk quote expiry");
        github.openPullRequests(repo, 21);

        Webhooks.send("pull_request", Webhooks.pullRequest("opened", repo, 21, "eve", SHA)).then().statusCode(200);
        ObjectNode before = awaitFreeze(repo, SHA, "success", Duration.ofSeconds(20));
        assertThat(before.path("output").path("title").asText())
                .isEqualTo("Not frozen yet: the feature freeze of v17.2.0 starts within a day");
        assertThat(Instant.now()).isBefore(freezeAt);

        // no webhook from here on: the clock alone must flip the check
        ObjectNode after = awaitFreeze(repo, SHA, "failure", Duration.ofSeconds(30));
        assertThat(Instant.now()).isAfter(freezeAt);
        assertThat(after.path("output").path("title").asText())
                .isEqualTo("Blocked by the feature freeze of v17.2.0 until Sun 25 Jan 2099");
        assertThat(after.path("output").path("summary").asText()).contains("counts as a feature")
                .contains("the title's type \"feat\" is a feature type");
        assertThat(after.path("output").path("text").asText()).contains("/freeze-exception <reason>")
                .contains("`release-managers`");
        // the same check run was updated, not a second one added
        assertThat(github.checkRuns.all()).filteredOn(r -> r.path("name").asText().equals("release-freeze")).hasSize(1);
    }

    @Test
    void aFlipOverThreeHundredPrsStaysUnderTheSecondaryLimit() {
        String org = org();
        String repo = org + "/ml-api-adapter";
        int prs = 300;
        Instant freezeAt = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        github.orgConfig(org, config(freezeAt));
        for (int n = 1; n <= prs; n++) {
            github.pullRequest(repo, n, "eve", sha(n), "main", "feat: change " + n);
        }
        github.openPullRequests(repo, IntStream.rangeClosed(1, prs).toArray());
        github.limitWritesPerSecond(60);

        // one event makes the bot read the calendar; the rest happens on the clock
        Webhooks.send("pull_request", Webhooks.pullRequest("opened", repo, 1, "eve", sha(1))).then().statusCode(200);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> IntStream
                .rangeClosed(1, prs).allMatch(n -> {
                    ObjectNode run = github.checkRuns.latest(repo, sha(n), "release-freeze");
                    return run != null && "failure".equals(run.path("conclusion").asText());
                }));
        assertThat(github.writesRefused()).isZero();
        long freezeWrites = github.writes().stream().filter(r -> r.body().contains("\"name\":\"release-freeze\"")).count();
        // PR 1 was written before the flip and updated at it; every other PR once
        assertThat(freezeWrites).isEqualTo(prs + 1);
    }

    @Test
    void aReleaseManagerGrantsAFreezeException() {
        String org = org();
        String repo = org + "/central-ledger";
        github.orgConfig(org, config(Instant.now().minusSeconds(3600)));
        github.team(org, "release-managers", "rm-lead");
        github.pullRequest(repo, 31, "eve", SHA, "main", "feat: needed for the PI demo");
        Webhooks.send("pull_request", Webhooks.pullRequest("opened", repo, 31, "eve", SHA)).then().statusCode(200);
        awaitFreeze(repo, SHA, "failure", Duration.ofSeconds(20));

        // someone outside the team: refused, nothing else changes
        github.comments(repo, 31, new Comment(501, "mallory", "/freeze-exception trust me"));
        Webhooks.send("issue_comment", Webhooks.comment(repo, 31, true, 501, "mallory", "/freeze-exception trust me"))
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !github.requests("POST", "/repos/" + repo + "/issues/31/comments").isEmpty());
        assertThat(github.requests("POST", "/repos/" + repo + "/issues/31/comments").get(0).body())
                .contains("release-managers");
        assertThat(github.requests("POST", "/repos/" + repo + "/issues/31/labels")).isEmpty();

        github.comments(repo, 31, new Comment(501, "mallory", "/freeze-exception trust me"),
                new Comment(502, "rm-lead", "/freeze-exception agreed at PI planning, demo depends on it"));
        Webhooks.send("issue_comment", Webhooks.comment(repo, 31, true, 502, "rm-lead",
                "/freeze-exception agreed at PI planning, demo depends on it")).then().statusCode(200);
        ObjectNode passing = awaitFreeze(repo, SHA, "success", Duration.ofSeconds(20));
        assertThat(passing.path("output").path("title").asText())
                .startsWith("Freeze exception granted by rm-lead: feature freeze of v17.2.0");
        assertThat(passing.path("output").path("summary").asText()).contains("agreed at PI planning, demo depends on it");
        await().atMost(Duration.ofSeconds(10)).until(() -> !github.requests("POST", "/repos/" + repo + "/issues/31/labels").isEmpty());
        assertThat(github.requests("POST", "/repos/" + repo + "/issues/31/labels").get(0).body())
                .contains("freeze-exception");
        assertThat(github.requests("POST", "/repos/" + repo + "/issues/comments/502/reactions")).hasSize(1);
    }

    static String sha(int n) {
        return String.format("%040x", 0xabc000L + n);
    }
}
