package io.mojaloop.releasebot.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mojaloop.releasebot.github.LocalGitHub.Answer;

/** Writes through the transport and the pacer, against a GitHub on loopback, in real time. */
class WritePacingTest {

    static final String SECONDARY = "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}";
    static final String CHECK_RUNS = "/repos/mojaloop/central-ledger/check-runs";

    LocalGitHub github;
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    WritePacer pacer = WritePacer.of(80, 500, Duration.ofMinutes(15), registry);

    @BeforeEach
    void start() throws Exception {
        github = new LocalGitHub();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    GitHubApi api(Duration maxWriteWait) {
        GitHubApi.Settings settings = new GitHubApi.Settings(Duration.ofSeconds(5), 3, Duration.ofMillis(5),
                Duration.ofSeconds(5), 1 << 20, maxWriteWait);
        return new GitHubApi(1, github.base(), () -> "tok", HttpClient.newHttpClient(), new ObjectMapper(), settings,
                (m, p, s, w) -> {
                }, new GitHubApi.WriteGate() {
                    @Override
                    public boolean beforeWrite(String method, String path, Object body) throws java.io.InterruptedIOException {
                        return pacer.beforeWrite(1, method, path, body);
                    }

                    @Override
                    public void refused(String method, String path, Duration wait) {
                        pacer.refused(1, method, path, wait);
                    }
                });
    }

    @Test
    void anIdleBotWritesAPullRequestsTwoCheckRunsWithin100Milliseconds() throws Exception {
        github.on("POST", CHECK_RUNS, r -> Answer.json(201, "{\"id\":1}"));
        GitHubApi api = api(Duration.ofMinutes(1));
        api.post(CHECK_RUNS, Map.of("name", "review-rules"));
        api.post(CHECK_RUNS, Map.of("name", "release-freeze"));
        List<LocalGitHub.Request> posts = github.requests("POST", CHECK_RUNS);
        assertThat(posts).hasSize(2);
        long gapMillis = (posts.get(1).arrivedNanos() - posts.get(0).arrivedNanos()) / 1_000_000;
        System.out.printf("second check run arrived %d ms after the first%n", gapMillis);
        assertThat(gapMillis).isLessThan(100);
    }

    @Test
    void aWriteRefusedMoreOftenThanMaxAttemptsIsRetriedUntilItGoesThrough() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        github.on("POST", CHECK_RUNS, r -> posts.incrementAndGet() <= 4
                ? Answer.json(403, SECONDARY).with("Retry-After", "0")
                : Answer.json(201, "{\"id\":1}"));
        GitHubApi api = api(Duration.ofMinutes(1));
        assertThat(api.post(CHECK_RUNS, Map.of("name", "review-rules")).path("id").asInt()).isEqualTo(1);
        // four refusals, more than the 3 attempts a failing read gets: the write was kept, not dropped
        assertThat(posts.get()).isEqualTo(5);
        assertThat(registry.counter("release_bot_github_writes_refused").count()).isEqualTo(4);
    }

    @Test
    void aRefusedWriteFailsOnlyAfterTheTotalWriteWait() {
        github.on("POST", CHECK_RUNS, r -> Answer.json(403, SECONDARY).with("Retry-After", "1"));
        GitHubApi api = api(Duration.ofSeconds(2));
        long start = System.nanoTime();
        assertThatThrownBy(() -> api.post(CHECK_RUNS, Map.of("name", "review-rules")))
                .isInstanceOf(GitHubApiException.class).hasMessageContaining("403");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(5));
        assertThat(github.requests("POST", CHECK_RUNS).size()).isBetween(2, 3);
    }

    @Test
    void afterARefusalTheInstallationsOtherWritesWaitForRetryAfter() throws Exception {
        AtomicInteger reviewRules = new AtomicInteger();
        github.on("POST", CHECK_RUNS, r -> r.body().contains("review-rules") && reviewRules.incrementAndGet() == 1
                ? Answer.json(403, SECONDARY).with("Retry-After", "2")
                : Answer.json(201, "{\"id\":1}"));
        GitHubApi api = api(Duration.ofMinutes(1));
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try {
                api.post(CHECK_RUNS, Map.of("name", "review-rules"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (github.requests("POST", CHECK_RUNS).isEmpty()) {
            Thread.sleep(5);
        }
        Thread.sleep(200);
        api.post(CHECK_RUNS, Map.of("name", "release-freeze"));
        first.get();
        List<LocalGitHub.Request> posts = github.requests("POST", CHECK_RUNS);
        long refusedAt = posts.get(0).arrivedNanos();
        LocalGitHub.Request other = posts.stream().filter(p -> p.body().contains("release-freeze")).findFirst().orElseThrow();
        // the other write was not sent into the refusal: it waited for Retry-After like the refused one
        assertThat(Duration.ofNanos(other.arrivedNanos() - refusedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(posts).hasSize(3);
    }
}
