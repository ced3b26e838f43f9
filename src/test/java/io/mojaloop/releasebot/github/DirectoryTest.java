package io.mojaloop.releasebot.github;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

/** The people cache: profile companies read once per TTL, and a bounded number of entries. */
class DirectoryTest {

    WireMockServer server;
    GitHubApi api;
    Directory directory = new Directory();

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(WireMock.get(urlPathMatching("/users/.*")).willReturn(okJson("{\"company\":\"@ModusBox\"}")));
        api = new GitHubApi("http://127.0.0.1:" + server.port(), () -> "tok", HttpClient.newHttpClient(), new ObjectMapper(),
                new GitHubApi.Settings(Duration.ofSeconds(2), 1, Duration.ofMillis(5), Duration.ofSeconds(2), 100),
                (m, p, s, w) -> {
                }, (m, p, b) -> true);
        directory.ttl = Duration.ofMinutes(10);
        directory.maxEntries = 3;
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aCompanyIsReadOncePerTtl() throws Exception {
        assertThat(directory.company(api, "Alice")).contains("@ModusBox");
        assertThat(directory.company(api, "alice")).contains("@ModusBox");
        server.verify(1, getRequestedFor(urlPathEqualTo("/users/Alice")));
        server.verify(0, getRequestedFor(urlPathEqualTo("/users/alice")));
    }

    @Test
    void pastItsBoundTheCacheStartsAgainInsteadOfGrowing() throws Exception {
        for (String login : new String[] { "a", "b", "c" }) {
            directory.company(api, login);
        }
        directory.company(api, "a");
        server.verify(1, getRequestedFor(urlPathEqualTo("/users/a")));
        // a fourth person: nothing has expired, so the full cache is emptied and "a" is read again later
        directory.company(api, "d");
        directory.company(api, "a");
        server.verify(2, getRequestedFor(urlPathEqualTo("/users/a")));
    }

    @Test
    void expiredEntriesAreDroppedFirst() throws Exception {
        directory.company(api, "a");
        directory.ttl = Duration.ZERO;
        directory.company(api, "b");
        directory.company(api, "c");
        directory.ttl = Duration.ofMinutes(10);
        // full: "b" and "c" have expired and make room; "a" stays cached
        directory.company(api, "d");
        directory.company(api, "a");
        server.verify(1, getRequestedFor(urlPathEqualTo("/users/a")));
    }
}
