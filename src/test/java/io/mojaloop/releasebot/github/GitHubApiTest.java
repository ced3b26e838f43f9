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
                new GitHubApi.Settings(Duration.ofSeconds(2), 3, Duration.ofMillis(5), Duration.ofSeconds(2), 100),
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
