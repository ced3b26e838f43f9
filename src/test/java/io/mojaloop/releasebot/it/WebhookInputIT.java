package io.mojaloop.releasebot.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;

/**
 * What an unsigned sender can make the webhook endpoint do: nothing it keeps. Its requests are not parsed, not
 * counted by the names they bring, not written to disk, not read past the limit, and not read in unbounded numbers
 * at once; idle connections are closed.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = FakeGitHub.class, restrictToAnnotatedClass = true)
class WebhookInputIT {

    FakeGitHub github;

    @BeforeEach
    void reset() {
        github.reset();
    }

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void unsignedRequestsAreNeitherParsedNorCounted() {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 8);
        String before = metrics();
        for (int i = 0; i < 300; i++) {
            given().contentType("application/json").header("X-GitHub-Event", "ev-" + marker + i)
                    .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                    .header("X-Hub-Signature-256", "sha256=" + "00".repeat(32))
                    .body("{\"action\":\"act-" + marker + i + "\"}").post("/").then().statusCode(400);
        }
        // a huge action (12 of 19 MB used to exhaust the heap through the counter's label)
        String huge = "{\"action\":\"" + marker + "x".repeat(4_000_000) + "\"}";
        for (int i = 0; i < 3; i++) {
            given().contentType("application/json").header("X-GitHub-Event", "push")
                    .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                    .header("X-Hub-Signature-256", "sha256=" + "00".repeat(32)).body(huge).post("/").then().statusCode(400);
        }
        // no signature at all
        given().contentType("application/json").header("X-GitHub-Event", "ev-" + marker)
                .header("X-GitHub-Delivery", UUID.randomUUID().toString()).body("{\"action\":\"" + marker + "\"}")
                .post("/").then().statusCode(400);
        String after = metrics();
        assertThat(after).doesNotContain(marker);
        assertThat(after.length()).as("/q/metrics grows by a few counters, not by what the requests said")
                .isLessThan(before.length() + 4_000);
        assertThat(github.writes()).isEmpty();
    }

    @Test
    void signedDeliveriesAreCountedByKnownNamesOnly() {
        String marker = "zr" + UUID.randomUUID().toString().substring(0, 8);
        Webhooks.send("made-up-" + marker, "{\"action\":\"made-up-" + marker + "\",\"zen\":\"x\"}",
                UUID.randomUUID().toString()).then().statusCode(200);
        Webhooks.send("ping", "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}", UUID.randomUUID().toString())
                .then().statusCode(200);
        String after = metrics();
        assertThat(after).doesNotContain(marker);
        assertThat(after.lines().filter(l -> l.startsWith("release_bot_events_total{")))
                .anyMatch(l -> l.contains("event=\"other\"") && l.contains("action=\"other\""))
                .anyMatch(l -> l.contains("event=\"ping\"") && l.contains("action=\"\""));
    }

    @Test
    void multipartUploadsAreNotWrittenToDisk() throws IOException {
        Path uploads = Path.of("file-uploads");
        deleteRecursively(uploads);
        byte[] file = new byte[512 * 1024];
        for (int i = 0; i < 3; i++) {
            int status = given().multiPart("file", "upload-" + i + ".bin", file, "application/octet-stream")
                    .header("X-GitHub-Event", "push").header("X-GitHub-Delivery", UUID.randomUUID().toString())
                    .header("X-Hub-Signature-256", "sha256=" + "00".repeat(32)).post("/").statusCode();
            assertThat(status).isEqualTo(400);
        }
        assertThat(uploads).as("the webhook route saves no uploads").doesNotExist();
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedUnread() throws IOException {
        try (RawHttp c = RawHttp.open()) {
            c.head("POST", "/", "Content-Type: application/json", "Content-Length: " + (25 * 1024 * 1024 + 1),
                    "X-GitHub-Event: push", "X-GitHub-Delivery: " + UUID.randomUUID(), "X-Hub-Signature-256: sha256=00");
            assertThat(c.status(Duration.ofSeconds(10))).isEqualTo(413);
        }
    }

    @Test
    void onlyABoundedAmountOfBodiesIsReadAtOnce() throws IOException {
        List<RawHttp> reading = new ArrayList<>();
        try {
            // two 25 MiB deliveries being sent slowly hold most of the 64 MiB the endpoint reads at once
            for (int i = 0; i < 2; i++) {
                reading.add(RawHttp.open().head("POST", "/", "Content-Type: application/json",
                        "Content-Length: " + (25 * 1024 * 1024), "X-GitHub-Event: push",
                        "X-GitHub-Delivery: " + UUID.randomUUID(), "X-Hub-Signature-256: sha256=00").write(new byte[1024]));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> bodiesReading() == 2);
            try (RawHttp third = RawHttp.open()) {
                third.head("POST", "/", "Content-Type: application/json", "Content-Length: " + (25 * 1024 * 1024),
                        "X-GitHub-Event: push", "X-GitHub-Delivery: " + UUID.randomUUID(), "X-Hub-Signature-256: sha256=00");
                assertThat(third.status(Duration.ofSeconds(10))).as("a third large body is refused at once").isEqualTo(503);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> bodiesReading() == 2);
            // and many small bodies in flight at once: beyond 256 (the two large ones count), refused
            for (int i = 0; i < 254; i++) {
                reading.add(RawHttp.open().head("POST", "/", "Content-Type: application/json", "Content-Length: 100",
                        "X-GitHub-Event: push", "X-GitHub-Delivery: " + UUID.randomUUID(), "X-Hub-Signature-256: sha256=00")
                        .write(new byte[] { '{' }));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> bodiesReading() == 256);
            try (RawHttp more = RawHttp.open()) {
                more.head("POST", "/", "Content-Type: application/json", "Content-Length: 100", "X-GitHub-Event: push",
                        "X-GitHub-Delivery: " + UUID.randomUUID(), "X-Hub-Signature-256: sha256=00");
                assertThat(more.status(Duration.ofSeconds(10))).isEqualTo(503);
            }
        } finally {
            for (RawHttp c : reading) {
                c.close();
            }
        }
        // the senders gone, what they held is given back
        await().atMost(Duration.ofSeconds(10)).until(() -> Webhooks.send("ping", "{\"zen\":\"z\",\"hook_id\":1}",
                UUID.randomUUID().toString()).statusCode() == 200);
    }

    @Test
    void overHttp2ARefusedRequestLeavesTheOthersOnItsConnectionAlone() throws Exception {
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).proxy(HttpClient.Builder.NO_PROXY).build();
        String base = "http://localhost:" + RestAssured.port;
        HttpResponse<Void> upgraded = h2.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(upgraded.version()).isEqualTo(HttpClient.Version.HTTP_2);
        List<CompletableFuture<Integer>> pings = new ArrayList<>();
        CompletableFuture<Integer> oversized = h2.sendAsync(HttpRequest.newBuilder(URI.create(base + "/"))
                .header("Content-Type", "application/json").header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString()).header("X-Hub-Signature-256", "sha256=00")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[25 * 1024 * 1024 + 1])).build(),
                HttpResponse.BodyHandlers.discarding()).handle((r, e) -> e == null ? r.statusCode() : -1);
        for (int i = 0; i < 40; i++) {
            byte[] body = ("{\"zen\":\"z\",\"hook_id\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            pings.add(h2.sendAsync(HttpRequest.newBuilder(URI.create(base + "/")).header("Content-Type", "application/json")
                    .header("X-GitHub-Event", "ping").header("X-GitHub-Delivery", UUID.randomUUID().toString())
                    .header("X-Hub-Signature-256", Webhooks.sign(body, FakeGitHub.WEBHOOK_SECRET))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode));
        }
        assertThat(oversized.get()).as("the oversized request: refused (or its stream reset)").isIn(413, -1);
        for (CompletableFuture<Integer> ping : pings) {
            assertThat(ping.get()).isEqualTo(200);
        }
    }

    /** What the bot says it is reading right now. */
    static double bodiesReading() {
        return metrics().lines().filter(l -> l.startsWith("release_bot_webhook_bodies_reading "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElse(-1);
    }

    @Test
    void idleConnectionsAreClosed() throws Exception {
        try (RawHttp silent = RawHttp.open(); RawHttp halfway = RawHttp.open()) {
            halfway.write("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n".getBytes());
            long start = System.nanoTime();
            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> closed(silent));
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> closed(halfway));
            assertThat(first.get()).as("a connection that sends nothing is closed").isTrue();
            assertThat(second.get()).as("a connection that stops halfway through its headers is closed").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(30));
        }
    }

    private static boolean closed(RawHttp c) {
        try {
            return c.closedByServerWithin(Duration.ofSeconds(80));
        } catch (IOException e) {
            return true;
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
