package io.mojaloop.releasebot.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mojaloop.releasebot.it.FakeGitHub;
import io.mojaloop.releasebot.it.PackagedApp;
import io.mojaloop.releasebot.it.Webhooks;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Exchange;

/**
 * The side-by-side numbers of docs/benchmarks.md: the packaged bot and a straightforward Probot app doing the same two
 * PR checks ({@code bench/peer}), each in turn against the same simulated GitHub with the same latency and GitHub's
 * secondary write limit (80 writes in any minute, real time), on the same machine. Not part of the build (no
 * assertion on time, and it needs Node.js and the peer's npm packages, which it installs with {@code npm ci} when
 * {@code bench/peer/node_modules} is missing); run with
 * {@code ./mvnw -B verify -Dit.test=PeerBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}. Writes
 * {@code target/peer-benchmark.md}. Knobs (system properties): peer.burst (60 new PRs), peer.latency-ms (20),
 * peer.write-limit (80) and peer.write-window-seconds (60), peer.node (node). The bot runs with the image's JVM
 * options ({@link PackagedApp#jvmOptions}).
 */
class PeerBenchmark {

    static final int BURST = Integer.getInteger("peer.burst", 60);
    static final int LATENCY_MS = Integer.getInteger("peer.latency-ms", 20);
    static final int WRITE_LIMIT = Integer.getInteger("peer.write-limit", 80);
    static final Duration WRITE_WINDOW = Duration.ofSeconds(Integer.getInteger("peer.write-window-seconds", 60));
    static final String NODE = System.getProperty("peer.node", "node");
    /** GitHub gives up on a delivery not answered in 10 s and marks it failed. */
    static final long GITHUB_GIVES_UP_NANOS = Duration.ofSeconds(10).toNanos();
    static final Path PEER = Path.of("bench/peer");

    static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One app under test, started as a process of its own. */
    interface Subject extends AutoCloseable {
        String webhookUrl();

        long startToReadyMillis();

        long pid();
    }

    record Delivery(String event, String id, byte[] body) {
    }

    /** One delivery's answer: status (0 when none came) and time to it. */
    record Ack(int status, long nanos) {
    }

    /** Row label, then the bot's and the peer's values. */
    final Map<String, String[]> rows = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();

    @Test
    void run() throws Exception {
        Path report = Path.of("target/peer-benchmark.md");
        FakeGitHub github = new FakeGitHub();
        github.init(Map.of("resync-initial-delay", "1h"));
        Map<String, String> settings = new HashMap<>(github.start());
        // the bot at its production settings, except the resync (the peer has none) and the redelivery (off anyway)
        settings.putAll(Map.of("release-bot.github.read-timeout", "30s", "release-bot.github.max-attempts", "4",
                "release-bot.github.initial-backoff", "250ms", "release-bot.github.writes-per-minute", "80",
                "release-bot.github.writes-per-hour", "500", "release-bot.github.write-window", "1m",
                "release-bot.retry.first-delay", "10s", "release-bot.retry.max-delay", "15m"));
        String load = loadAverage();
        try {
            measure(github, 0, "bot", () -> {
                PackagedApp app = PackagedApp.start(settings, 0, Path.of("target/peer-benchmark-bot.log"));
                return new Subject() {
                    public String webhookUrl() {
                        return app.base() + "/";
                    }

                    public long startToReadyMillis() {
                        return app.startToReadyMillis;
                    }

                    public long pid() {
                        return app.process.pid();
                    }

                    public void close() throws Exception {
                        app.close();
                    }
                };
            });
            measure(github, 1, "peer", () -> startPeer(settings));
        } finally {
            github.stop();
            Files.createDirectories(report.getParent());
            String text = table(load);
            Files.writeString(report, text, StandardCharsets.UTF_8);
            System.out.println("\n==== side by side ====\n" + text);
        }
    }

    void measure(FakeGitHub github, int column, String org, Starter starter) throws Exception {
        github.reset();
        github.latency(LATENCY_MS);
        github.limitWrites(WRITE_LIMIT, WRITE_WINDOW);
        String repo = org + "/central-ledger";
        github.installedOn(org);
        github.orgConfig(org, config());
        github.user("dave", "ModusBox");
        Subject app = starter.start();
        try {
            put("start to ready (process launch to ready answer)", column, "%d ms", app.startToReadyMillis());
            put("resident memory, idle after start (VmRSS)", column, "%d MiB", rssMiB(app.pid()));

            // (b) one new PR with the configuration warm, then its second approval
            pullRequest(github, repo, 1);
            deliver(app, List.of(delivery("pull_request", opened(repo, 1))));
            settle(github, Duration.ofSeconds(2));
            pullRequest(github, repo, 2);
            github.clearRequests();
            deliver(app, List.of(delivery("pull_request", opened(repo, 2))));
            settle(github, Duration.ofSeconds(2));
            put("GitHub calls for one new PR (`pull_request.opened`, config warm): reads + writes", column, calls(github));
            github.reviews(repo, 2, new FakeGitHub.Review("alice", "APPROVED", sha(2)),
                    new FakeGitHub.Review("dave", "APPROVED", sha(2)));
            github.clearRequests();
            deliver(app, List.of(delivery("pull_request_review", review(repo, 2, "dave"))));
            settle(github, Duration.ofSeconds(2));
            put("GitHub calls for its second approval (`pull_request_review.submitted`): reads + writes", column, calls(github));
            put("review-rules after two approvals of different companies (one from the profile)", column, "%s",
                    github.conclusion(repo, sha(2), "review-rules"));

            // (c), (d), (f): a burst of new PRs, all at once
            List<Delivery> burst = new ArrayList<>();
            for (int n = 101; n < 101 + BURST; n++) {
                pullRequest(github, repo, n);
                burst.add(delivery("pull_request", opened(repo, n)));
            }
            int refusedBefore = github.writesRefused();
            long cpuBefore = cpuMillis(app.pid());
            github.clearRequests();
            long start = System.nanoTime();
            List<Ack> acks = deliver(app, burst);
            long done = waitUntil(() -> burstShas().allMatch(s -> !github.conclusion(repo, s, "review-rules").isEmpty()
                    && !github.conclusion(repo, s, "release-freeze").isEmpty()), Duration.ofMinutes(10));
            settle(github, Duration.ofSeconds(3));
            put("ack latency of %d new PRs sent at once: p50 / p99 / max".formatted(BURST), column, "%s / %s / %s", ms(acks, 50), ms(acks, 99), ms(acks, 100));
            put("deliveries answered 200 / 202 / 5xx / none; of them after 10 s (GitHub's timeout)", column, "%s", outcomes(acks));
            put("every PR of the burst had both check runs after", column, "%.1f s", done < 0 ? Double.NaN : (done - start) / 1e9);
            put("GitHub calls for the burst: reads + writes (per PR)", column, "%s", callsPerPr(github, BURST));
            put("secondary-limit 403s (fake refusing more than %d writes in any %d s)".formatted(WRITE_LIMIT,
                    WRITE_WINDOW.toSeconds()), column, "%d", github.writesRefused() - refusedBefore);
            put("wrong conclusions after the burst (of %d)".formatted(2 * BURST), column, "%d", wrong(github, repo));
            put("CPU time of the app for the burst (user + system)", column, "%.1f s", (cpuMillis(app.pid()) - cpuBefore) / 1000.0);
            put("resident memory after the burst (VmRSS)", column, "%d MiB", rssMiB(app.pid()));

            // (e) GitHub redelivers the same deliveries (same ids)
            github.clearRequests();
            List<Ack> again = deliver(app, burst);
            settle(github, Duration.ofSeconds(3));
            put("redelivery of the same %d deliveries: 200 / 202 / 5xx / none; after 10 s".formatted(BURST), column, "%s",
                    outcomes(again));
            put("ack latency of the redelivery: p50 / p99 / max", column, "%s / %s / %s", ms(again, 50), ms(again, 99), ms(again, 100));
            put("GitHub calls for the redelivery: reads + writes", column, calls(github));
            put("duplicated check runs after the redelivery (runs beyond one per check and PR)", column, "%d",
                    runsOnBurst(github, repo) - 2L * BURST);

            // the floor: the same burst of deliveries neither app has work for (verified, parsed, answered)
            List<Delivery> idle = new ArrayList<>();
            for (int n = 101; n < 101 + BURST; n++) {
                idle.add(delivery("pull_request", consistent(Webhooks.pullRequest("assigned", repo, n, "eve", sha(n)), n)));
            }
            github.clearRequests();
            List<Ack> floor = deliver(app, idle);
            settle(github, Duration.ofSeconds(1));
            put("ack latency of %d `pull_request.assigned` sent at once (no work for either): p50 / p99 / max".formatted(BURST),
                    column, "%s / %s / %s", ms(floor, 50), ms(floor, 99), ms(floor, 100));
            put("resident memory at the end (VmRSS)", column, "%d MiB", rssMiB(app.pid()));
        } finally {
            app.close();
        }
    }

    interface Starter {
        Subject start() throws Exception;
    }

    /** {@code node bench/peer/server.js}, after {@code npm ci} when its packages are not installed. */
    Subject startPeer(Map<String, String> settings) throws Exception {
        if (!Files.isDirectory(PEER.resolve("node_modules/probot"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(PEER.toFile()).inheritIO().start();
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci in bench/peer failed");
            }
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(NODE, "server.js").directory(PEER.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/peer-benchmark-peer.log").toAbsolutePath().toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.equalsIgnoreCase("http_proxy") || k.equalsIgnoreCase("https_proxy"));
        env.put("APP_ID", settings.get("quarkus.github-app.app-id"));
        env.put("PRIVATE_KEY", settings.get("quarkus.github-app.private-key"));
        env.put("WEBHOOK_SECRET", FakeGitHub.WEBHOOK_SECRET);
        env.put("GITHUB_API_URL", settings.get("quarkus.github-app.instance-endpoint"));
        env.put("PORT", String.valueOf(port));
        env.put("HOST", "127.0.0.1");
        env.put("NODE_ENV", "production");
        env.put("LOG_LEVEL", "info");
        long launched = System.nanoTime();
        Process process = builder.start();
        String base = "http://127.0.0.1:" + port;
        long deadline = launched + Duration.ofSeconds(60).toNanos();
        while (PackagedApp.status(base + "/ping") != 200) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("The Probot peer did not start; see target/peer-benchmark-peer.log");
            }
            Thread.sleep(100); // as PackagedApp polls the bot
        }
        long ready = (System.nanoTime() - launched) / 1_000_000;
        return new Subject() {
            public String webhookUrl() {
                return base + "/api/github/webhooks";
            }

            public long startToReadyMillis() {
                return ready;
            }

            public long pid() {
                return process.pid();
            }

            public void close() throws Exception {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        };
    }

    // ---- GitHub's side ----------------------------------------------------------------------------------------

    static String config() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return """
                reviews:
                  required-approvals: 2
                  distinct-organisations: 2
                affiliations:
                  Infitx: [alice, bob]
                  Crosslake: [carol]
                affiliation-fallback: profile-company
                releases:
                  - version: v17.2.0
                    pi-kickoff: %s
                    release-date: %s
                    feature-freeze: %s
                    timezone: UTC
                    repos: [central-ledger, ml-api-adapter]
                """.formatted(today.plusDays(60), today.plusDays(90), today.minusDays(10));
    }

    /** Odd PRs are features (frozen: release-freeze fails), even ones fixes. */
    static String title(int n) {
        return (n % 2 == 1 ? "feat: change " : "fix: change ") + n;
    }

    static void pullRequest(FakeGitHub github, String repo, int n) {
        github.pullRequest(repo, n, "eve", sha(n), "main", title(n));
    }

    /**
     * The payload's PR as GitHub would send it for the PR seeded with {@link #pullRequest}: updated when it was opened,
     * a moment ago (the example payload's own {@code updated_at} is of 2019).
     */
    static ObjectNode opened(String repo, int n) {
        ObjectNode payload = consistent(Webhooks.pullRequest("opened", repo, n, "eve", sha(n)), n);
        ((ObjectNode) payload.get("pull_request")).put("updated_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return payload;
    }

    static ObjectNode review(String repo, int n, String reviewer) {
        return consistent(Webhooks.review(repo, n, reviewer, "approved", sha(n)), n);
    }

    static ObjectNode consistent(ObjectNode payload, int n) {
        ObjectNode pr = (ObjectNode) payload.get("pull_request");
        pr.put("title", title(n));
        ((ObjectNode) pr.get("base")).put("ref", "main");
        ((ObjectNode) pr.get("user")).put("login", "eve");
        pr.putArray("labels");
        return payload;
    }

    static Delivery delivery(String event, ObjectNode payload) {
        return new Delivery(event, UUID.randomUUID().toString(), payload.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sha(int n) {
        return String.format("%040x", 0xfee000L + n);
    }

    static java.util.stream.Stream<String> burstShas() {
        return java.util.stream.IntStream.range(101, 101 + BURST).mapToObj(PeerBenchmark::sha);
    }

    static long wrong(FakeGitHub github, String repo) {
        long wrong = 0;
        for (int n = 101; n < 101 + BURST; n++) {
            wrong += github.conclusion(repo, sha(n), "review-rules").equals("failure") ? 0 : 1;
            wrong += github.conclusion(repo, sha(n), "release-freeze").equals(n % 2 == 1 ? "failure" : "success") ? 0 : 1;
        }
        return wrong;
    }

    static long runsOnBurst(FakeGitHub github, String repo) {
        Set<String> shas = new HashSet<>(burstShas().toList());
        return github.state().checkRuns().stream().filter(r -> r.path("repository").asText().equals(repo)
                && shas.contains(r.path("head_sha").asText())).count();
    }

    // ---- deliveries -------------------------------------------------------------------------------------------

    /** Sends the deliveries all at once, signed as GitHub signs them; waits for every answer (at most 10 min). */
    static List<Ack> deliver(Subject app, List<Delivery> deliveries) {
        List<CompletableFuture<Ack>> pending = new ArrayList<>();
        for (Delivery d : deliveries) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(app.webhookUrl())).timeout(Duration.ofMinutes(10))
                    .header("Content-Type", "application/json").header("X-GitHub-Event", d.event())
                    .header("X-GitHub-Delivery", d.id()).header("User-Agent", "GitHub-Hookshot/benchmark")
                    .header("X-Hub-Signature-256", Webhooks.sign(d.body(), FakeGitHub.WEBHOOK_SECRET))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(d.body())).build();
            long sent = System.nanoTime();
            pending.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((r, e) -> new Ack(e == null ? r.statusCode() : 0, System.nanoTime() - sent)));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    /** 200 / 202 / 5xx / none; answered after 10 s (GitHub counts those as timed out). */
    static String outcomes(List<Ack> acks) {
        long ok = acks.stream().filter(a -> a.status() == 200).count();
        long accepted = acks.stream().filter(a -> a.status() == 202).count();
        long server = acks.stream().filter(a -> a.status() >= 500).count();
        long none = acks.stream().filter(a -> a.status() == 0).count();
        long late = acks.stream().filter(a -> a.nanos() > GITHUB_GIVES_UP_NANOS).count();
        long other = acks.size() - ok - accepted - server - none;
        return "%d / %d / %d / %d; %d".formatted(ok, accepted, server, none, late) + (other > 0 ? " (%d other)".formatted(other) : "");
    }

    static String ms(List<Ack> acks, int percentile) {
        List<Long> sorted = new ArrayList<>(acks.stream().map(Ack::nanos).toList());
        Collections.sort(sorted);
        int i = Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        double ms = sorted.get(i) / 1e6;
        return ms >= 1000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    // ---- counting ---------------------------------------------------------------------------------------------

    /** Reads + writes to the installation's API; app-token requests and 304s said apart. */
    static String calls(FakeGitHub github) {
        List<Exchange> all = github.requestsSince();
        long token = all.stream().filter(Exchange::appEndpoint).count();
        List<Exchange> api = all.stream().filter(e -> !e.appEndpoint()).toList();
        long writes = api.stream().filter(Exchange::write).count();
        long notModified = api.stream().filter(e -> e.status() == 304).count();
        StringBuilder text = new StringBuilder("%d + %d".formatted(api.size() - writes, writes));
        if (notModified > 0) {
            text.append(" (%d reads answered 304)".formatted(notModified));
        }
        if (token > 0) {
            text.append(", %d app-token".formatted(token));
        }
        return text.toString();
    }

    static String callsPerPr(FakeGitHub github, int prs) {
        List<Exchange> api = github.requestsSince().stream().filter(e -> !e.appEndpoint()).toList();
        long writes = api.stream().filter(Exchange::write).count();
        return String.format(Locale.ROOT, "%d + %d (%.1f + %.1f)", api.size() - writes, writes,
                (api.size() - writes) / (double) prs, writes / (double) prs);
    }

    /** Waits until GitHub has heard nothing from the app for {@code quiet}. */
    static void settle(FakeGitHub github, Duration quiet) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        int last = -1;
        long since = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int now = github.requestCount();
            if (now != last) {
                last = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since >= quiet.toNanos()) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /** The time the condition held, or -1 when it did not within {@code max}. */
    static long waitUntil(BooleanSupplier condition, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return -1;
            }
            Thread.sleep(50);
        }
        return System.nanoTime();
    }

    // ---- the process ------------------------------------------------------------------------------------------

    static long rssMiB(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** User + system CPU time of the process so far (clock ticks of 10 ms, Linux's USER_HZ). */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    // ---- the report -------------------------------------------------------------------------------------------

    void put(String label, int column, String format, Object... args) {
        rows.computeIfAbsent(label, k -> new String[] { "—", "—" })[column] = String.format(Locale.ROOT, format, args);
    }

    void put(String label, int column, String value) {
        put(label, column, "%s", value);
    }

    String table(String loadAtStart) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Side by side (`PeerBenchmark`): the packaged bot (%s) and the Probot peer "
                + "(bench/peer), one after the other against the same simulated GitHub answering in %d ms and refusing more "
                + "than %d writes in any %d s; %d cores, Java %s, %s; load average %s at the start, %s at the end.%n%n",
                String.join(" ", PackagedApp.jvmOptions()), LATENCY_MS, WRITE_LIMIT, WRITE_WINDOW.toSeconds(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), nodeVersion(), loadAtStart, loadAverage()));
        text.append("| | release bot | Probot peer |\n|---|---|---|\n");
        rows.forEach((label, values) -> text.append("| ").append(label).append(" | ").append(values[0]).append(" | ")
                .append(values[1]).append(" |\n"));
        notes.forEach(n -> text.append('\n').append(n).append('\n'));
        return text.toString();
    }

    static String nodeVersion() {
        try {
            Process p = new ProcessBuilder(NODE, "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return "Node.js " + v;
        } catch (IOException | InterruptedException e) {
            return "Node.js unknown";
        }
    }
}
