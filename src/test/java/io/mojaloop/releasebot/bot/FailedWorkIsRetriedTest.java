package io.mojaloop.releasebot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mojaloop.releasebot.bot.checks.EvaluatePullRequest;
import io.mojaloop.releasebot.bot.story.UpdateReleaseStory;
import io.mojaloop.releasebot.github.GitHub;
import io.mojaloop.releasebot.github.GitHubApiException;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import io.mojaloop.releasebot.github.InMemoryGitHub;
import io.mojaloop.releasebot.github.model.CheckRunOutput;
import io.mojaloop.releasebot.github.model.FileContent;
import io.mojaloop.releasebot.github.model.Issue;
import io.mojaloop.releasebot.github.model.PullRequest;
import io.mojaloop.releasebot.github.model.User;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * "No lost work": an evaluation or a story rebuild whose write GitHub failed is done again as a whole, with fresh
 * reads, a few seconds later (here: release-bot.retry.first-delay 100ms, 3 attempts, in the test profile), not an
 * hour later by the resync (which never runs in these tests). The real beans over an in-memory GitHub that fails
 * on cue.
 */
@QuarkusTest
class FailedWorkIsRetriedTest {

    @Inject
    EvaluatePullRequest evaluations;
    @Inject
    UpdateReleaseStory stories;
    @Inject
    MeterRegistry registry;

    /** An in-memory GitHub whose check-run creates and issue writes fail while a counter says so. */
    static class FlakyGitHub extends InMemoryGitHub {
        final AtomicInteger failCreates = new AtomicInteger();
        /** The create fails after GitHub has applied it (a timeout on the way back). */
        volatile boolean failAfterApplying;
        final AtomicInteger failIssueWrites = new AtomicInteger();

        @Override
        public synchronized void createCheckRun(String repository, String headSha, CheckRunOutput output) {
            if (failCreates.getAndDecrement() > 0) {
                if (failAfterApplying) {
                    super.createCheckRun(repository, headSha, output);
                    sneakyThrow(new java.io.IOException("POST /repos/" + repository + "/check-runs timed out after 30s"));
                }
                sneakyThrow(new GitHubApiException("POST", "/repos/" + repository + "/check-runs", 502, "Server Error"));
            }
            super.createCheckRun(repository, headSha, output);
        }

        @Override
        public void updateIssueBody(String repository, int number, String body) {
            if (failIssueWrites.getAndDecrement() > 0) {
                sneakyThrow(new GitHubApiException("PATCH", "/repos/" + repository + "/issues/" + number, 502, "Server Error"));
            }
            super.updateIssueBody(repository, number, body);
        }

        /** Check runs of the name on the commit, looked at without counting as a question. */
        synchronized long runs(String repository, String sha, String name) {
            return checkRuns.getOrDefault((repository + "#" + sha).toLowerCase(Locale.ROOT), List.of()).stream()
                    .filter(r -> r.name().equals(name)).count();
        }
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }

    FlakyGitHub github = new FlakyGitHub();
    String org = "org-" + UUID.randomUUID().toString().substring(0, 8);
    String repo = org + "/central-ledger";
    static final String SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

    @BeforeEach
    void install() {
        GitHubApiFactory factory = new GitHubApiFactory() {
            @Override
            public GitHub github(long installationId) {
                return github;
            }
        };
        QuarkusMock.installMockForType(factory, GitHubApiFactory.class);
    }

    void config(String yaml) {
        String repository = org + "/.github";
        github.files.put((repository + "#release-bot.yml").toLowerCase(Locale.ROOT),
                new FileContent(repository, "release-bot.yml", yaml.length(), yaml, null));
    }

    void pullRequest(int number) {
        github.pullRequest(new PullRequest(repo, number, "open", false, "feat: bulk transfers", new User("eve", false), SHA,
                "main", List.of(), "https://github.test/" + repo + "/pull/" + number, null, null, null));
    }

    double counter(String name, String work) {
        Counter c = registry.find(name).tag("work", work).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aCheckRunWhoseCreateGot502IsWrittenByTheRetry() throws Exception {
        config("reviews:\n  required-approvals: 2\n");
        pullRequest(7);
        github.failCreates.set(1);
        double retriesBefore = counter("release_bot_retries", "checks");
        PullRequestRef ref = new PullRequestRef(1, repo, 7);
        evaluations.requestAll(ref).get(10, TimeUnit.SECONDS);
        // the first evaluation wrote one of the two check runs; the other create failed
        assertThat(github.writes).filteredOn(w -> w.startsWith("createCheckRun")).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> github.runs(repo, SHA, "review-rules") == 1
                && github.runs(repo, SHA, "release-freeze") == 1);
        // the retry read everything afresh (the PR and the commit's check runs again) and wrote only what was missing
        assertThat(github.count("pullRequest", repo, 7)).isEqualTo(2);
        assertThat(github.count("ownCheckRuns", repo, SHA)).isEqualTo(2);
        assertThat(github.writes).filteredOn(w -> w.startsWith("createCheckRun")).hasSize(2);
        assertThat(counter("release_bot_retries", "checks")).isEqualTo(retriesBefore + 1);
    }

    @Test
    void aCreateThatTimedOutAfterGitHubAppliedItIsNotDuplicatedByTheRetry() throws Exception {
        config("reviews:\n  required-approvals: 2\n");
        pullRequest(8);
        github.failCreates.set(1);
        github.failAfterApplying = true;
        evaluations.requestAll(new PullRequestRef(1, repo, 8)).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> github.count("pullRequest", repo, 8) == 2);
        Thread.sleep(500);
        assertThat(github.runs(repo, SHA, "review-rules")).isEqualTo(1);
        assertThat(github.runs(repo, SHA, "release-freeze")).isEqualTo(1);
    }

    @Test
    void retriesAreBoundedThenTheResyncIsLeftToHeal() throws Exception {
        config("reviews:\n  required-approvals: 2\n");
        pullRequest(9);
        github.failCreates.set(1_000);
        double exhaustedBefore = counter("release_bot_retries_exhausted", "checks");
        evaluations.requestAll(new PullRequestRef(1, repo, 9)).get(10, TimeUnit.SECONDS);
        // 3 attempts in the test profile (100 ms, 400 ms, 1 s): the first evaluation and three retries
        await().atMost(Duration.ofSeconds(15))
                .until(() -> counter("release_bot_retries_exhausted", "checks") == exhaustedBefore + 1);
        assertThat(github.count("pullRequest", repo, 9)).isEqualTo(4);
        Thread.sleep(1500);
        assertThat(github.count("pullRequest", repo, 9)).isEqualTo(4);
    }

    @Test
    void aStoryWhoseWriteGot502IsRebuiltByTheRetry() throws Exception {
        config("""
                releases:
                  - version: v17.2.0
                    release-date: 2099-01-25
                    story: %s/project#50
                    repos: [central-ledger]
                gates:
                  - id: downstream
                    name: Validated by a downstream implementer
                """.formatted(org));
        github.issues.put((org + "/project#50").toLowerCase(Locale.ROOT), new Issue(org + "/project", 50, "Release v17.2.0",
                "# Release v17.2.0\n", "open", false, List.of(), "https://github.test/" + org + "/project/issues/50",
                new User("henry", false)));
        github.failIssueWrites.set(1);
        double retriesBefore = counter("release_bot_retries", "story");
        stories.refreshAll(1, org);
        assertThat(github.issues.get((org + "/project#50").toLowerCase(Locale.ROOT)).body()).isEqualTo("# Release v17.2.0\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> github.issues.get((org + "/project#50").toLowerCase(Locale.ROOT))
                .body().contains("Validated by a downstream implementer"));
        assertThat(github.writes).filteredOn(w -> w.startsWith("updateIssueBody")).hasSize(1);
        assertThat(counter("release_bot_retries", "story")).isEqualTo(retriesBefore + 1);
    }
}
