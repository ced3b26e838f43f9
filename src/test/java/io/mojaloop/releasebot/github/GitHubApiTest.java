package io.mojaloop.releasebot.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

class GitHubApiTest {

    WireMockServer server;
    GitHubApi api;
    List<String> calls = new ArrayList<>();
    List<String> gated = new ArrayList<>();
    boolean allowWrites = true;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        api = new GitHubApi("http://127.0.0.1:" + server.port(), () -> "tok", HttpClient.newHttpClient(), new ObjectMapper(),
                new GitHubApi.Settings(Duration.ofSeconds(2), 3, Duration.ofMillis(5), Duration.ofSeconds(2), 1 << 20),
                (m, p, s, w) -> calls.add(m + " " + s), (m, p, b) -> {
                    gated.add(m + " " + p);
                    return allowWrites;
                });
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void sendsTheTokenAndApiVersion() throws Exception {
        server.stubFor(get("/x").willReturn(okJson("{\"a\":1}")));
        assertThat(api.get("/x").path("a").asInt()).isEqualTo(1);
        server.verify(getRequestedFor(urlPathEqualTo("/x")).withHeader("Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer tok"))
                .withHeader("X-GitHub-Api-Version", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2022-11-28")));
    }

    @Test
    void retriesServerErrorsOnReads() throws Exception {
        server.stubFor(get("/flaky").inScenario("f").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("ok"));
        server.stubFor(get("/flaky").inScenario("f").whenScenarioStateIs("ok").willReturn(okJson("{\"ok\":true}")));
        assertThat(api.get("/flaky").path("ok").asBoolean()).isTrue();
        assertThat(calls).containsExactly("GET 502", "GET 200");
    }

    @Test
    void doesNotRepeatAPostOnServerErrors() {
        server.stubFor(post("/w").willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> api.post("/w", Map.of("a", 1))).isInstanceOf(GitHubApiException.class);
        server.verify(1, postRequestedFor(urlPathEqualTo("/w")));
    }

    @Test
    void retriesThePostsGitHubAppliesAtMostOnce() throws Exception {
        for (String path : List.of("/repos/o/r/issues/7/labels", "/repos/o/r/issues/comments/9/reactions", "/repos/o/r/labels")) {
            calls.clear();
            server.stubFor(post(path).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(502)).willSetStateTo("ok"));
            server.stubFor(post(path).inScenario(path).whenScenarioStateIs("ok").willReturn(okJson("[]")));
            api.post(path, Map.of("labels", List.of("x")));
            assertThat(calls).as(path).containsExactly("POST 502", "POST 200");
        }
        // a comment is not such a POST: a 502 may have created it
        server.stubFor(post("/repos/o/r/issues/7/comments").willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> api.post("/repos/o/r/issues/7/comments", Map.of("body", "x"))).isInstanceOf(GitHubApiException.class);
        server.verify(1, postRequestedFor(urlPathEqualTo("/repos/o/r/issues/7/comments")));
    }

    @Test
    void aCommentIsPostedAgainAfterA5xxOnlyIfTheFailedAttemptDidNotCreateIt() throws Exception {
        String comments = "/repos/o/r/issues/3/comments";
        // the failed POST did create it: found, not posted again
        server.stubFor(post(comments).willReturn(aResponse().withStatus(502)));
        server.stubFor(get(urlPathEqualTo(comments)).willReturn(okJson(
                "[{\"id\":1,\"body\":\"hello\",\"user\":{\"login\":\"someone\",\"type\":\"User\"}},"
                        + "{\"id\":2,\"body\":\"hello\",\"user\":{\"login\":\"bot[bot]\",\"type\":\"Bot\"}}]")));
        assertThat(api.comment("o/r", 3, "hello").path("id").asInt()).isEqualTo(2);
        server.verify(1, postRequestedFor(urlPathEqualTo(comments)));
        // it did not (a person's identical comment does not count): posted again
        server.resetAll();
        server.stubFor(post(comments).inScenario("c").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("ok"));
        server.stubFor(post(comments).inScenario("c").whenScenarioStateIs("ok").willReturn(okJson("{\"id\":3}").withStatus(201)));
        server.stubFor(get(urlPathEqualTo(comments)).willReturn(okJson(
                "[{\"id\":1,\"body\":\"hello\",\"user\":{\"login\":\"someone\",\"type\":\"User\"}}]")));
        assertThat(api.comment("o/r", 3, "hello").path("id").asInt()).isEqualTo(3);
        server.verify(2, postRequestedFor(urlPathEqualTo(comments)));
    }

    @Test
    void reportsTheRemainingRateLimit() throws Exception {
        List<String> seen = new ArrayList<>();
        GitHubApi counting = new GitHubApi(7, "http://127.0.0.1:" + server.port(), () -> "tok", HttpClient.newHttpClient(),
                new ObjectMapper(), GitHubApi.Settings.DEFAULTS, new GitHubApi.Listener() {
                    @Override
                    public void exchanged(String method, String path, int status, boolean write) {
                    }

                    @Override
                    public void rateLimitRemaining(long installationId, String resource, long remaining) {
                        seen.add(installationId + " " + resource + " " + remaining);
                    }
                }, null);
        server.stubFor(get("/limited").willReturn(okJson("{}").withHeader("X-RateLimit-Remaining", "4321")));
        counting.get("/limited");
        server.stubFor(get("/search/issues").willReturn(okJson("{}").withHeader("X-RateLimit-Remaining", "28")
                .withHeader("X-RateLimit-Resource", "search")));
        counting.get("/search/issues");
        assertThat(seen).containsExactly("7 core 4321", "7 search 28");
    }

    @Test
    void waitsForRetryAfterOnRateLimits() throws Exception {
        server.stubFor(post("/w").inScenario("r").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        server.stubFor(post("/w").inScenario("r").whenScenarioStateIs("ok").willReturn(okJson("{}").withStatus(201)));
        long start = System.nanoTime();
        api.post("/w", Map.of());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(calls).containsExactly("POST 429", "POST 201");
    }

    @Test
    void aPlainForbiddenIsNotRetried() {
        server.stubFor(get("/secret").willReturn(aResponse().withStatus(403).withBody("{\"message\":\"Resource not accessible by integration\"}")));
        assertThatThrownBy(() -> api.get("/secret")).isInstanceOf(GitHubApiException.class)
                .hasMessageContaining("403").hasMessageContaining("not accessible");
        assertThat(calls).containsExactly("GET 403");
    }

    @Test
    void conditionalRequestsReuseTheCachedBody() throws Exception {
        server.stubFor(get("/etag").withHeader("If-None-Match", com.github.tomakehurst.wiremock.client.WireMock.equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(304)));
        server.stubFor(get("/etag").atPriority(10).willReturn(okJson("{\"v\":1}").withHeader("ETag", "\"v1\"")));
        assertThat(api.get("/etag").path("v").asInt()).isEqualTo(1);
        assertThat(api.get("/etag").path("v").asInt()).isEqualTo(1);
        assertThat(calls).containsExactly("GET 200", "GET 304");
    }

    @Test
    void followsPagination() throws Exception {
        String next = "http://127.0.0.1:" + server.port() + "/list?per_page=100&page=2";
        server.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/list?per_page=100"))
                .willReturn(okJson("[{\"n\":1},{\"n\":2}]").withHeader("Link", "<" + next + ">; rel=\"next\"")));
        server.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/list?per_page=100&page=2"))
                .willReturn(okJson("[{\"n\":3}]")));
        assertThat(api.getAll("/list")).extracting(n -> n.path("n").asInt()).containsExactly(1, 2, 3);
    }

    @Test
    void findAnswersEmptyFor404() throws Exception {
        assertThat(api.find("/missing")).isEmpty();
    }

    @Test
    void theWriteGateCanSuppressWrites() throws Exception {
        allowWrites = false;
        api.post("/w", Map.of("a", 1));
        assertThat(gated).containsExactly("POST /w");
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}
