package io.mojaloop.releasebot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of a burst, then a restart: the work that was acknowledged but not done is lost with the
 * process (the queue is in memory, by design), and the resync that runs shortly after start finds every open PR of
 * the configured repositories and heals them. Runs the packaged jar as its own process, so it can really be killed.
 */
class RestartIT {

    static final int PRS = 120;

    static String sha(int n) {
        return String.format("%040x", 0x4e5000L + n);
    }

    @Test
    void aKillDuringABurstHealsAfterTheRestart() throws Exception {
        FakeGitHub github = new FakeGitHub();
        github.init(Map.of("resync-initial-delay", "2s"));
        Map<String, String> settings = github.start();
        try {
            String org = "restart";
            String repo = org + "/central-ledger";
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            github.installedOn(org);
            github.installationRepositories(repo);
            github.orgConfig(org, """
                    reviews:
                      required-approvals: 1
                    releases:
                      - version: v17.2.0
                        pi-kickoff: %s
                        release-date: %s
                        feature-freeze: %s
                        repos: [central-ledger]
                    """.formatted(today.plusDays(60), today.plusDays(90), today.minusDays(10)));
            for (int n = 1; n <= PRS; n++) {
                github.pullRequest(repo, n, "eve", sha(n), "main", (n % 2 == 0 ? "feat: change " : "fix: change ") + n);
            }
            github.openPullRequests(repo, IntStream.rangeClosed(1, PRS).toArray());
            github.latency(40); // slow enough that the burst is still being worked on when the kill comes
            Path log = Path.of("target/restart-it-app.log");

            PackagedApp first = PackagedApp.start(settings, 0, log);
            AtomicInteger acknowledged = new AtomicInteger();
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int n = 1; n <= PRS; n++) {
                byte[] body = Webhooks.pullRequest("opened", repo, n, "eve", sha(n)).toString().getBytes(StandardCharsets.UTF_8);
                HttpRequest request = HttpRequest.newBuilder(URI.create(first.base() + "/")).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").header("X-GitHub-Event", "pull_request")
                        .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                        .header("X-Hub-Signature-256", Webhooks.sign(body, FakeGitHub.WEBHOOK_SECRET))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                sent.add(PackagedApp.HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .thenAccept(r -> {
                            if (r.statusCode() == 200) {
                                acknowledged.incrementAndGet();
                            }
                        }));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
            await().atMost(Duration.ofSeconds(60)).until(() -> github.checkRunCount("release-freeze") >= 10);
            first.kill();
            long doneAtKill = Math.min(github.checkRunCount("release-freeze"), github.checkRunCount("review-rules"));
            assertThat(acknowledged.get()).isEqualTo(PRS);
            assertThat(doneAtKill).as("the kill came in the middle of the burst").isLessThan(PRS);

            long restarted = System.nanoTime();
            try (PackagedApp second = PackagedApp.start(settings, 0, log)) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> IntStream
                        .rangeClosed(1, PRS).allMatch(n -> github.conclusion(repo, sha(n), "release-freeze")
                                .equals(n % 2 == 0 ? "failure" : "success")
                                && github.conclusion(repo, sha(n), "review-rules").equals("failure")));
                double healed = (System.nanoTime() - restarted) / 1e9;
                // one check run per check and PR: the restart's resync updated what the first process had written
                assertThat(github.checkRunCount("release-freeze")).isEqualTo(PRS);
                assertThat(github.checkRunCount("review-rules")).isEqualTo(PRS);
                System.out.printf("RestartIT: %d of %d PRs done when killed; all %d healed %.1f s after the restart "
                        + "(start to ready %d ms)%n", doneAtKill, PRS, PRS, healed, second.startToReadyMillis);
                java.nio.file.Files.writeString(Path.of("target/restart-run.md"), String.format(java.util.Locale.ROOT,
                        "Restart run (RestartIT): %d PRs acknowledged, %d done when the process was killed (kill -9); "
                                + "all %d healed %.1f s after the restart (start to ready %d ms, resync 2 s after start, "
                                + "GitHub latency 40 ms).%n", PRS, doneAtKill, PRS, healed, second.startToReadyMillis));
            }
        } finally {
            github.stop();
        }
    }
}
