package io.mojaloop.releasebot.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The heap the image gives the JVM ({@code -Xmx} in {@code quarkus.jib.jvm-entrypoint}) holds a signed delivery at
 * GitHub's 25 MB cap while it is verified, parsed and dispatched: a push of many commits, the largest kind the app
 * subscribes to. The packaged app runs as the image runs it (PackagedApp); with a 128 MiB heap it ran out of memory and,
 * with {@code -XX:+ExitOnOutOfMemoryError}, stopped.
 */
class LargeDeliveryIT {

    static final int GITHUB_CAP = 25 * 1000 * 1000;

    @Test
    void aDeliveryAtGitHubsSizeCapIsTakenAndTheAppStaysUp() throws Exception {
        FakeGitHub github = new FakeGitHub();
        Map<String, String> settings = github.start();
        try (PackagedApp app = PackagedApp.start(settings, 0, Path.of("target/large-delivery-it-app.log"))) {
            byte[] body = pushOfAbout(GITHUB_CAP - 100_000);
            assertThat(body.length).isBetween(GITHUB_CAP - 200_000, GITHUB_CAP);
            HttpRequest request = HttpRequest.newBuilder(URI.create(app.base() + "/")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("X-GitHub-Event", "push")
                    .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                    .header("X-Hub-Signature-256", Webhooks.sign(body, FakeGitHub.WEBHOOK_SECRET))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            assertThat(PackagedApp.HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            // dispatched after the answer: give the parse and the handlers time to run, then the app must still be up
            Thread.sleep(5000);
            assertThat(app.process.isAlive()).as("the app is still running (see target/large-delivery-it-app.log)").isTrue();
            assertThat(PackagedApp.status(app.base() + "/q/health/ready")).isEqualTo(200);
        } finally {
            github.stop();
        }
    }

    /** A push to a repository's default branch with as many commits (each listing 40 changed files) as fit in the size. */
    static byte[] pushOfAbout(int size) {
        ObjectNode payload = Webhooks.at(Webhooks.example("push/with-installation.payload.json"), "big/central-ledger", "eve");
        payload.put("ref", "refs/heads/main");
        ObjectNode commit = Webhooks.MAPPER.createObjectNode();
        commit.put("id", "6dcb09b5b57875f334f61aebed695e2e4193db5e").put("message", "fix: a change").put("distinct", true);
        commit.putObject("author").put("name", "Eve").put("email", "eve@example.org").put("username", "eve");
        ArrayNode modified = commit.putArray("modified");
        for (int i = 0; i < 40; i++) {
            modified.add("src/handlers/transfers/part-" + i + ".js");
        }
        commit.putArray("added");
        commit.putArray("removed");
        int each = commit.toString().getBytes(StandardCharsets.UTF_8).length + 1;
        int base = payload.toString().getBytes(StandardCharsets.UTF_8).length;
        ArrayNode commits = payload.putArray("commits");
        for (int i = 0; i < (size - base) / each; i++) {
            commits.add(commit);
        }
        return payload.toString().getBytes(StandardCharsets.UTF_8);
    }
}
