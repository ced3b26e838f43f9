package io.mojaloop.releasebot.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GitHubBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A GitHub that accepts connections and never answers must not hang the bot, through hub4j or our client. */
class GitHubTimeoutsTest {

    private ServerSocket silent;
    private final List<Socket> accepted = new ArrayList<>();
    private Thread acceptor;

    @BeforeEach
    void startSilentServer() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    accepted.add(silent.accept()); // accept, read nothing, answer nothing
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException {
        silent.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    @Test
    void hub4jCallsTimeOut() {
        var connector = new TimeoutGitHubConnector(Duration.ofSeconds(1), Duration.ofMillis(700));
        long start = System.nanoTime();
        assertThatThrownBy(() -> new GitHubBuilder().withEndpoint("http://127.0.0.1:" + silent.getLocalPort())
                .withConnector(connector).withAppInstallationToken("t").build().getRepository("mojaloop/central-ledger"))
                .isInstanceOf(IOException.class);
        // hub4j may retry a couple of times; each attempt ends at the timeout instead of never
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void ourClientTimesOutAndRetriesABoundedNumberOfTimes() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        List<String> calls = new ArrayList<>();
        GitHubApi api = new GitHubApi("http://127.0.0.1:" + silent.getLocalPort(), () -> "t", client, new ObjectMapper(),
                new GitHubApi.Settings(Duration.ofMillis(500), 3, Duration.ofMillis(10), Duration.ofSeconds(1), 1 << 20),
                (method, path, status, write) -> calls.add(method + " " + path + " " + status), null);
        long start = System.nanoTime();
        assertThatThrownBy(() -> api.get("/repos/mojaloop/central-ledger/pulls/1"))
                .isInstanceOf(IOException.class).hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(calls).containsExactly("GET /repos/mojaloop/central-ledger/pulls/1 0",
                "GET /repos/mojaloop/central-ledger/pulls/1 0", "GET /repos/mojaloop/central-ledger/pulls/1 0");
    }

    @Test
    void aWriteThatTimesOutIsNotRepeated() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        List<String> calls = new ArrayList<>();
        GitHubApi api = new GitHubApi("http://127.0.0.1:" + silent.getLocalPort(), () -> "t", client, new ObjectMapper(),
                new GitHubApi.Settings(Duration.ofMillis(300), 3, Duration.ofMillis(10), Duration.ofSeconds(1), 1 << 20),
                (method, path, status, write) -> calls.add(method), null);
        assertThatThrownBy(() -> api.post("/repos/a/b/issues/1/comments", java.util.Map.of("body", "x")))
                .isInstanceOf(IOException.class);
        assertThat(calls).containsExactly("POST");
    }

    @Test
    void loopbackIsNeverProxied() {
        var selector = TimeoutGitHubConnector.proxySelector("http://proxy.example:3128", "internal.example");
        assertThat(selector.select(java.net.URI.create("http://127.0.0.1:8089/x")).get(0))
                .isEqualTo(java.net.Proxy.NO_PROXY);
        assertThat(selector.select(java.net.URI.create("http://localhost:8089/x")).get(0))
                .isEqualTo(java.net.Proxy.NO_PROXY);
        assertThat(selector.select(java.net.URI.create("https://git.internal.example/api")).get(0))
                .isEqualTo(java.net.Proxy.NO_PROXY);
        assertThat(selector.select(java.net.URI.create("https://api.github.com/")).get(0).type())
                .isEqualTo(java.net.Proxy.Type.HTTP);
    }
}
