package io.mojaloop.releasebot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mojaloop.releasebot.it.FakeGitHub;
import io.mojaloop.releasebot.it.Webhooks;

/**
 * The load generator behind docs/benchmarks.md. Not part of the normal test run: {@code bench/run.sh} packages
 * the app and runs this class, which starts the packaged app as a separate process against the simulated GitHub
 * (it/FakeGitHub, with injected latency), drives signed webhooks at it and prints the numbers (also written to
 * {@code target/benchmark.md}).
 */
class LoadBenchmark {

    static final int RATE = Integer.getInteger("bench.rate", 100);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    static final int LATENCY_MS = Integer.getInteger("bench.latency-ms", 20);
    static final int FLIP_PRS = Integer.getInteger("bench.flip-prs", 500);
    static final int FLIP_WRITES_PER_MINUTE = Integer.getInteger("bench.flip-writes-per-minute", 1200);
    static final String SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

    final StringBuilder report = new StringBuilder();
    final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(5)).build();

    /** The app's port: a free one, so two benchmarks on one machine do not meet ({@code bench.port} to fix it). */
    static final int PORT = Integer.getInteger("bench.port", freePort());
    /** {@code -Dbench.only=calls}: only the calls per event (a minute instead of several). */
    static final boolean CALLS_ONLY = "calls".equals(System.getProperty("bench.only"));
    /** {@code -Dbench.only=burst}: only the bursts of new PRs under the write limits. */
    static final boolean BURST_ONLY = "burst".equals(System.getProperty("bench.only"));
    /** {@code -Dbench.only=load}: the calls per event and the 100/s load with its resident memory, nothing after. */
    static final boolean LOAD_ONLY = "load".equals(System.getProperty("bench.only"));
    /** GitHub's minute, scaled for the bursts ({@code bench.burst-window-seconds}, 10). */
    static final int BURST_WINDOW_SECONDS = Integer.getInteger("bench.burst-window-seconds", 10);
    static final int BURST_PRS = Integer.getInteger("bench.burst-prs", 60);
    static final String BASE = "http://127.0.0.1:" + PORT;

    @Test
    void run() throws Exception {
        try {
            measure();
        } finally {
            System.out.println("\n==== benchmark ====\n" + report); // line() keeps target/benchmark.md up to date
        }
    }

    /** What {@code bench.only} asks for (everything by default), into the report. */
    void measure() throws Exception {
        line("Machine: %d cores, Java %s, %s; the app's JVM: %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"),
                String.join(" ", io.mojaloop.releasebot.it.PackagedApp.jvmOptions()));
        line("");
        if (BURST_ONLY) {
            bursts();
            return;
        }
        // 1 and 2: calls per event and acknowledgement under load, writes unthrottled (the fake does not limit them)
        FakeGitHub github = new FakeGitHub();
        github.init(Map.of("writes-per-minute", "600000", "resync-initial-delay", "1h"));
        Map<String, String> props = github.start();
        var app = launch(props);
        try {
            callsPerEvent(github);
            if (CALLS_ONLY) {
                return;
            }
            ackPathAlone(github);
            ackLatency(github);
            line("- resident memory after the load: %d MiB (VmRSS of the app process)", app.rssMiB());
        } finally {
            app.close();
            github.stop();
        }
        if (LOAD_ONLY) {
            return;
        }
        bursts();
        // 3: a freeze flip at a scaled write budget
        FakeGitHub flipping = new FakeGitHub();
        // GitHub's minute scaled to a second: FLIP_WRITES_PER_MINUTE / 60 writes in any second
        flipping.init(Map.of("writes-per-minute", String.valueOf(FLIP_WRITES_PER_MINUTE / 60), "write-window", "1s",
                "resync-initial-delay", "1h"));
        var flipApp = launch(flipping.start());
        try {
            freezeFlip(flipping);
            line("- resident memory at the end of the flip: %d MiB", flipApp.rssMiB());
        } finally {
            flipApp.close();
            flipping.stop();
        }
    }

    io.mojaloop.releasebot.it.PackagedApp launch(Map<String, String> props) throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(props);
        settings.put("release-bot.github.read-timeout", "30s"); // production default, not the tests' 2 s
        io.mojaloop.releasebot.it.PackagedApp app = io.mojaloop.releasebot.it.PackagedApp.start(settings, PORT,
                Path.of("target/benchmark-app.log"));
        line("- start to ready: %d ms (process launch to `/q/health/ready` = 200), resident memory %d MiB",
                app.startToReadyMillis, app.rssMiB());
        io.restassured.RestAssured.baseURI = "http://127.0.0.1";
        io.restassured.RestAssured.port = PORT;
        return app;
    }

    void callsPerEvent(FakeGitHub github) throws Exception {
        line("");
        line("GitHub calls per event (warm caches: config, team members, ETags), measured on the fake GitHub:");
        line("");
        line("| event | calls | of which writes | 304 (free) | minimum needed |");
        line("|---|---|---|---|---|");
        String org = "calls";
        github.reset();
        github.orgConfig(org, config());
        github.team(org, "design-authority", "grace");
        String repo = org + "/central-ledger";
        github.pullRequest(repo, 1, "eve", SHA, "main", "feat: x");
        // warm up: the first event reads the configuration
        sendAndSettle(github, "pull_request", Webhooks.pullRequest("opened", repo, 1, "eve", SHA));
        github.clearRequests();
        github.pullRequest(repo, 2, "eve", sha(2), "main", "feat: y");
        sendAndSettle(github, "pull_request", Webhooks.opened(github, repo, 2));
        row(github, "pull_request.opened (a new PR, no exception label)", 4);
        github.clearRequests();
        sendAndSettle(github, "pull_request", Webhooks.pullRequest("synchronize", repo, 1, "eve", SHA));
        row(github, "pull_request.synchronize (verdicts unchanged)", 3);
        github.clearRequests();
        github.reviews(repo, 1, new FakeGitHub.Review("alice", "APPROVED", SHA));
        sendAndSettle(github, "pull_request_review", Webhooks.review(repo, 1, "alice", "approved", SHA));
        row(github, "pull_request_review.submitted (review-rules changes)", 4);
        github.clearRequests();
        github.comments(repo, 1, new FakeGitHub.Comment(77, "grace", "/review-exception urgent"));
        sendAndSettle(github, "issue_comment", Webhooks.comment(repo, 1, true, 77, "grace", "/review-exception urgent"));
        // the minimum: the grant's comment, its reactions, the team, the PR's head for the reply, check runs, reviews
        // and four writes (label, reply, 👍, check run); the bot also reads the PR and the comments again for the
        // evaluation, and asks GET /app once per process
        row(github, "issue_comment /review-exception (granted)", 10);
    }

    void row(FakeGitHub github, String event, int minimum) {
        int calls = github.requestsSince().size();
        long writes = github.requestsSince().stream().filter(r -> !r.method().equals("GET")).count();
        long notModified = github.notModifiedSince();
        line("| %s | %d | %d | %d | %d |", event, calls, writes, notModified, minimum);
        System.out.println("LoadBenchmark: " + event + ": " + github.requestsSince().stream()
                .map(r -> r.method() + " " + r.path()).collect(java.util.stream.Collectors.joining(", ")));
    }

    /** The acknowledgement path alone: signed deliveries the bot verifies, parses and dispatches but has no work for. */
    void ackPathAlone(FakeGitHub github) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ok = new AtomicInteger();
        ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
        int total = RATE * SECONDS;
        long start = System.nanoTime();
        long interval = 1_000_000_000L / RATE;
        for (int n = 1; n <= total; n++) {
            long wait = start + (n - 1) * interval - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            HttpRequest request = signedPullRequestEvent("assigned", "ignored/central-ledger", n);
            long sent = System.nanoTime();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
                latencies.add(System.nanoTime() - sent);
                if (e == null && r.statusCode() == 200) {
                    ok.incrementAndGet();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        line("");
        line("Acknowledgement path alone at %d events/s for %d s (%d pull_request.assigned: verified, parsed, dispatched, no work):",
                RATE, SECONDS, total);
        line("");
        line("- acknowledged %d of %d; p50 %.1f ms, p99 %.1f ms, max %.1f ms; sent at %.0f events/s", ok.get(), total,
                pct(sorted, 50), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6, total / sendSeconds);
    }

    void ackLatency(FakeGitHub github) throws Exception {
        github.reset();
        github.latency(LATENCY_MS);
        String org = "load";
        github.orgConfig(org, config());
        int total = RATE * SECONDS;
        for (int n = 1; n <= total; n++) {
            github.pullRequest(org + "/central-ledger", n, "eve", sha(n), "main", "fix: change " + n);
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        java.util.Set<Integer> accepted = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / RATE;
        for (int n = 1; n <= total; n++) {
            long due = start + (n - 1) * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            HttpRequest request = signedPullRequestEvent("opened", org + "/central-ledger", n);
            long sent = System.nanoTime();
            int number = n;
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
                latencies.add(System.nanoTime() - sent);
                if (e == null && r.statusCode() == 200) {
                    accepted.add(number);
                } else if (e == null && r.statusCode() == 503) {
                    busy.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        long done = waitUntil(() -> github.checkRunCount("release-freeze") >= accepted.size()
                && github.checkRunCount("review-rules") >= accepted.size(), Duration.ofMinutes(5));
        double processSeconds = (done - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        line("");
        line("Webhook acknowledgement at %d events/s for %d s (%d pull_request.opened, each a different PR; GitHub latency %d ms):",
                RATE, SECONDS, total, LATENCY_MS);
        line("");
        line("- acknowledged: %d, answered 503 (work queue full; GitHub can redeliver): %d, failed: %d", accepted.size(),
                busy.get(), failed.get());
        line("- ack latency p50 %.1f ms, p99 %.1f ms, max %.1f ms", pct(sorted, 50), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
        line("- sent in %.1f s (%.0f events/s); all %d acknowledged PRs had both check runs after %.1f s (%.0f events/s processed)",
                sendSeconds, total / sendSeconds, accepted.size(), processSeconds, accepted.size() / processSeconds);
        line("- lost: %d (acknowledged PRs without both check runs at the end)", accepted.size() - Math.min(
                github.checkRunCount("review-rules"), github.checkRunCount("release-freeze")));
    }

    /**
     * {@link #BURST_PRS} new PRs at once (two check runs each) with the bot's budget at GitHub's 80 writes a minute
     * (the minute scaled to {@link #BURST_WINDOW_SECONDS}): first with the fake refusing what GitHub refuses (more
     * than 80 in any window), then with a tighter real budget (40: another tool sharing the installation's writes).
     */
    void bursts() throws Exception {
        line("");
        line("Bursts of %d new PRs (%d check runs), the bot's budget 80 writes in any %d s (GitHub's minute scaled), GitHub latency %d ms:",
                BURST_PRS, 2 * BURST_PRS, BURST_WINDOW_SECONDS, LATENCY_MS);
        line("");
        List<String> rows = new ArrayList<>();
        for (int real : new int[] { 80, 40 }) {
            FakeGitHub github = new FakeGitHub();
            github.init(Map.of("writes-per-minute", "80", "write-window", BURST_WINDOW_SECONDS + "s",
                    "resync-initial-delay", "1h"));
            var app = launch(github.start());
            try {
                rows.add(burst(github, real));
            } finally {
                app.close();
                github.stop();
            }
        }
        line("");
        line("| GitHub refuses above | 403s taken | writes let through | all check runs written after | best the real budget allows | ratio | lost |");
        line("|---|---|---|---|---|---|---|");
        rows.forEach(r -> line("%s", r));
    }

    String burst(FakeGitHub github, int realLimit) throws Exception {
        github.reset();
        github.latency(LATENCY_MS);
        String org = "burst";
        String repo = org + "/central-ledger";
        github.orgConfig(org, config());
        // warm the configuration with one PR outside the burst, then let its writes age out of the window
        github.pullRequest(repo, 10_000, "eve", sha(10_000), "main", "fix: warm up");
        sendAndSettle(github, "pull_request", Webhooks.opened(github, repo, 10_000));
        Thread.sleep(BURST_WINDOW_SECONDS * 1000L + 500);
        github.limitWrites(realLimit, Duration.ofSeconds(BURST_WINDOW_SECONDS));
        for (int n = 1; n <= BURST_PRS; n++) {
            github.pullRequest(repo, n, "eve", sha(n), "main", "fix: change " + n);
        }
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
        for (int n = 1; n <= BURST_PRS; n++) {
            sent.add(http.sendAsync(signedPullRequestEvent(Webhooks.opened(github, repo, n)), HttpResponse.BodyHandlers.discarding()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        long done = waitUntil(() -> IntStream.rangeClosed(1, BURST_PRS).allMatch(n -> !github.conclusion(repo, sha(n), "review-rules").isEmpty()
                && !github.conclusion(repo, sha(n), "release-freeze").isEmpty()), Duration.ofMinutes(10));
        double seconds = (done - start) / 1e9;
        int writes = 2 * BURST_PRS;
        // the best a window of realLimit writes allows: the first realLimit at once, then realLimit per window
        double best = Math.max(0, Math.ceil((double) writes / realLimit) - 1) * BURST_WINDOW_SECONDS;
        long lost = IntStream.rangeClosed(1, BURST_PRS).filter(n -> github.conclusion(repo, sha(n), "review-rules").isEmpty()
                || github.conclusion(repo, sha(n), "release-freeze").isEmpty()).count();
        return String.format(Locale.ROOT, "| %d writes in any %d s | **%d** | %d | %.1f s | %.1f s | %s | %d |", realLimit, BURST_WINDOW_SECONDS,
                github.writesRefused(), github.writesAllowed(), seconds, best, best == 0 ? "—" : String.format(Locale.ROOT, "%.2f×", seconds / best), lost);
    }

    void freezeFlip(FakeGitHub github) throws Exception {
        github.reset();
        github.latency(LATENCY_MS);
        String org = "flip";
        String repo = org + "/ml-api-adapter";
        Instant at = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        github.orgConfig(org, config().replace("feature-freeze: none", "feature-freeze: " + at));
        for (int n = 1; n <= FLIP_PRS; n++) {
            github.pullRequest(repo, n, "eve", sha(n), "main", "feat: change " + n);
        }
        github.openPullRequests(repo, IntStream.rangeClosed(1, FLIP_PRS).toArray());
        // GitHub's secondary limit, scaled like the pace: 25 % above the configured budget
        github.limitWritesPerSecond((int) Math.ceil(FLIP_WRITES_PER_MINUTE / 60.0 * 1.25));
        sendAndSettle(github, "pull_request", Webhooks.pullRequest("opened", repo, 1, "eve", sha(1)));
        long flipStart = waitUntil(() -> Instant.now().isAfter(at), Duration.ofSeconds(60));
        long done = waitUntil(() -> IntStream.rangeClosed(1, FLIP_PRS).allMatch(n -> github.conclusion(repo, sha(n), "release-freeze")
                .equals("failure")), Duration.ofMinutes(10));
        double seconds = (done - flipStart) / 1e9;
        double budget = FLIP_PRS / (FLIP_WRITES_PER_MINUTE / 60.0);
        line("");
        line("Freeze flip over %d open PRs (no webhook; at most %d writes in any second, the fake refuses above %d writes/s):",
                FLIP_PRS, FLIP_WRITES_PER_MINUTE / 60, (int) Math.ceil(FLIP_WRITES_PER_MINUTE / 60.0 * 1.25));
        line("");
        line("- every check flipped in %.1f s; the write budget allows %.1f s at best: %.2f× the budget", seconds, budget, seconds / budget);
        line("- secondary-limit errors (403 from the fake): %d", github.writesRefused());
        line("- at GitHub's real 80 writes/min the same flip takes %.1f min", FLIP_PRS / 80.0 * seconds / budget);
    }

    static String config() {
        return """
                reviews:
                  exception-approvers: [design-authority]
                affiliations:
                  Infitx: [alice, bob]
                  Crosslake: [carol]
                freeze:
                  exception-approvers: [release-managers]
                releases:
                  - version: v17.2.0
                    pi-kickoff: 2099-01-18
                    release-date: 2099-01-25
                    feature-freeze: none
                    repos: [central-ledger, ml-api-adapter]
                """;
    }

    void sendAndSettle(FakeGitHub github, String event, ObjectNode payload) throws Exception {
        Webhooks.send(event, payload).then().statusCode(200);
        // 2 s without a call: on a busy machine a second write may come 1 s later
        assertThat(github.awaitQuiet(Duration.ofSeconds(2), Duration.ofSeconds(30))).as("waited too long").isTrue();
    }

    static long waitUntil(Supplier<Boolean> condition, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
            Thread.sleep(100);
        }
        return System.nanoTime();
    }

    /** A signed pull_request delivery with a fresh delivery id, as GitHub would send it. */
    static HttpRequest signedPullRequestEvent(String action, String repo, int n) {
        return signedPullRequestEvent(Webhooks.pullRequest(action, repo, n, "eve", sha(n)));
    }

    /** A payload sent as a signed pull_request delivery with a fresh delivery id. */
    static HttpRequest signedPullRequestEvent(ObjectNode payload) {
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(BASE + "/")).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header("X-GitHub-Event", "pull_request")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", Webhooks.sign(body, FakeGitHub.WEBHOOK_SECRET))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1e6;
    }

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String sha(int n) {
        return String.format("%040x", 0xbe000L + n);
    }

    void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
        try {
            Files.writeString(Path.of("target/benchmark.md"), report.toString(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
