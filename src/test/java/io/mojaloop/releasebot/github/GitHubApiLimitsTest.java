package io.mojaloop.releasebot.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mojaloop.releasebot.github.LocalGitHub.Answer;

/** What the transport keeps in memory and reports about GitHub's limits, against a GitHub on loopback. */
class GitHubApiLimitsTest {

    LocalGitHub github;

    @BeforeEach
    void start() throws Exception {
        github = new LocalGitHub();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    GitHubApi api(long etagBytes, GitHubApi.Listener listener) {
        return new GitHubApi(7, github.base(), () -> "tok", HttpClient.newHttpClient(), new ObjectMapper(),
                new GitHubApi.Settings(Duration.ofSeconds(5), 3, Duration.ofMillis(5), Duration.ofSeconds(5), etagBytes),
                listener, null, new EtagCache(etagBytes, Runnable::run));
    }

    static String json(int chars) {
        return "{\"text\":\"" + "x".repeat(chars) + "\"}";
    }

    /** Answers the body with an ETag, or 304 when asked with that ETag. */
    static java.util.function.Function<LocalGitHub.Request, Answer> etagged(String body) {
        String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
        return r -> etag.equals(r.header("If-None-Match")) ? new Answer(304, java.util.Map.of("ETag", etag), null)
                : Answer.json(200, body).with("ETag", etag);
    }

    @Test
    void theRateLimitGaugeKeepsEachOfGitHubsLimitsApart() throws Exception {
        github.on("GET", "/repos/", r -> Answer.json(200, "{}").with("X-RateLimit-Remaining", "4990")
                .with("X-RateLimit-Resource", "core"));
        github.on("GET", "/search/issues", r -> Answer.json(200, "{\"items\":[]}").with("X-RateLimit-Remaining", "28")
                .with("X-RateLimit-Resource", "search"));
        github.on("GET", "/users/", r -> Answer.json(200, "{}").with("X-RateLimit-Remaining", "4989"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GitHubApi api = api(1 << 20, GitHubApiFactory.metrics(registry));
        api.get("/repos/mojaloop/central-ledger");
        api.get("/search/issues?q=x");
        api.get("/users/alice"); // no X-RateLimit-Resource: the core limit
        assertThat(registry.get("release_bot_github_rate_limit_remaining").tags("installation", "7", "resource", "core")
                .gauge().value()).isEqualTo(4989);
        assertThat(registry.get("release_bot_github_rate_limit_remaining").tags("installation", "7", "resource", "search")
                .gauge().value()).isEqualTo(28);
        assertThat(registry.get("release_bot_github_rate_limit_remaining").gauges()).hasSize(2);
    }

    @Test
    void theEtagCacheIsBoundedByBytesNotEntries() throws Exception {
        long budget = 16 * 1024;
        github.on("GET", "/small/", r -> etagged(json(100)).apply(r));
        github.on("GET", "/large", r -> etagged(json(10_000)).apply(r));
        EtagCache cache = new EtagCache(budget, Runnable::run);
        GitHubApi api = new GitHubApi(7, github.base(), () -> "tok", HttpClient.newHttpClient(), new ObjectMapper(),
                new GitHubApi.Settings(Duration.ofSeconds(5), 3, Duration.ofMillis(5), Duration.ofSeconds(5), budget),
                (m, p, s, w) -> {
                }, null, cache);
        // a body over the whole budget (20 KB as a Java string) is not kept: asked again in full
        api.get("/large");
        api.get("/large");
        assertThat(github.requests("GET", "/large")).extracting(r -> r.header("If-None-Match")).containsOnlyNulls();
        // small bodies are kept and answered 304
        api.get("/small/1");
        api.get("/small/1");
        assertThat(github.requests("GET", "/small/1").get(1).header("If-None-Match")).isNotNull();
        // many of them: the cache stays within its bytes, however many entries that is
        for (int i = 0; i < 200; i++) {
            api.get("/small/" + i);
        }
        cache.cleanUp();
        assertThat(cache.bytes()).isLessThanOrEqualTo(budget).isGreaterThan(budget / 2);
        assertThat(cache.entries()).isLessThan(200).isGreaterThan(20);
    }

    @Test
    void rateLimitWaitsAreSpreadSoThatRefusedWritesDoNotReturnTogether() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            Duration wait = GitHubApi.jittered(Duration.ofSeconds(60));
            assertThat(wait).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(75));
            seen.add(wait.toMillis());
        }
        assertThat(seen).hasSizeGreaterThan(40);
        for (int i = 0; i < 20; i++) {
            assertThat(GitHubApi.jittered(Duration.ofSeconds(1))).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1500));
        }
    }

    /** Runs the call on a thread of that name, as the server or the story timer would. */
    static <T> T on(String thread, java.util.concurrent.Callable<T> call) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(call);
        Thread t = new Thread(task, thread);
        t.start();
        return task.get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void aRateLimitedSearchIsNotWaitedForOnARequestThreadButIsOnTheStoryTimer() throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        // the first search of each pair is refused for GitHub's search limit, with a wait of 5 s
        github.on("GET", "/search/issues", r -> asked.incrementAndGet() % 2 == 1
                ? Answer.json(403, "{\"message\":\"API rate limit exceeded\"}").with("Retry-After", "5")
                        .with("X-RateLimit-Remaining", "0").with("X-RateLimit-Resource", "search")
                : Answer.json(200, "{\"total_count\":0,\"items\":[]}"));
        GitHubApi api = api(1 << 20, (m, p, st, w) -> {
        });
        for (String requestThread : List.of("executor-thread-3", "vert.x-worker-thread-1", "vert.x-eventloop-thread-0")) {
            long start = System.nanoTime();
            Object failed = on(requestThread, () -> {
                try {
                    return api.get("/search/issues?q=x");
                } catch (GitHubApiException e) {
                    return e;
                }
            });
            assertThat(failed).as(requestThread).isInstanceOf(GitHubApiException.class);
            assertThat(((GitHubApiException) failed).status()).isEqualTo(403);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(requestThread).isLessThan(Duration.ofMillis(4_000));
            asked.incrementAndGet(); // the next one is refused again
        }
        // the story timer waits for the limit and gets its answer
        long start = System.nanoTime();
        Object answered = on("story-refresh", () -> api.get("/search/issues?q=x"));
        assertThat(answered.toString()).contains("total_count");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(5_000));
        // other reads on a request thread still wait as before: only searches have a limit that long
        java.util.concurrent.atomic.AtomicInteger repos = new java.util.concurrent.atomic.AtomicInteger();
        github.on("GET", "/repos/", r -> repos.incrementAndGet() == 1
                ? Answer.json(403, "{\"message\":\"API rate limit exceeded\"}").with("Retry-After", "1")
                        .with("X-RateLimit-Remaining", "0")
                : Answer.json(200, "{}"));
        assertThat(on("executor-thread-4", () -> api.get("/repos/mojaloop/central-ledger")).toString()).isEqualTo("{}");
        assertThat(repos.get()).isEqualTo(2);
    }
}
