package io.mojaloop.releasebot.it;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mojaloop.releasebot.sandbox.SimulatedGitHub;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Answer;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Decision;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Exchange;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.ExchangeListener;
import io.mojaloop.releasebot.it.contract.ContractCheck;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;

/**
 * GitHub for the packaged app's HTTP-level tests: the project's simulated GitHub ({@link SimulatedGitHubServer},
 * the one the sandbox runs), started on a Vert.x of its own in the test JVM. The app's
 * {@code quarkus.github-app.instance-endpoint} points here, so every call the app makes lands on it; the tests seed
 * GitHub's state with the typed methods below and assert on that state and on the requests recorded.
 * <p>
 * Test-only behaviour is plugged into the server, off until asked for: recording of every request with its answer
 * (an {@link ExchangeListener}), then, in order, interceptors for latency, answers that never come in time
 * ({@link #slowAnswers}), GitHub's secondary write limit scaled ({@link WriteLimiter}) and faults
 * ({@link FaultInjector}). Requests from {@link #requests} are {@link Exchange}s: method, path and query, body,
 * status.
 */
public class FakeGitHub implements QuarkusTestResourceLifecycleManager {

    public static final long APP_ID = 424242;
    public static final long INSTALLATION_ID = 1;
    public static final String WEBHOOK_SECRET = "it-webhook-secret";
    public static final String REPORT_TOKEN = "it-report-token";


    private Vertx vertx;
    SimulatedGitHubServer server;
    final SimulatedGitHub state = new SimulatedGitHub(APP_ID, INSTALLATION_ID, "mojaloop", "https://github.com");
    /** The check runs GitHub holds. */
    final CheckRuns checkRuns = new CheckRuns();
    final WriteLimiter writeLimiter = new WriteLimiter();
    final FaultInjector faults = new FaultInjector();
    private final ConcurrentLinkedQueue<Exchange> recorded = new ConcurrentLinkedQueue<>();
    private volatile int latencyMillis;
    private record Slow(String method, String path, long millis) {
    }
    private final List<Slow> slow = new CopyOnWriteArrayList<>();
    private volatile Answer searchAnswer;
    Map<String, String> initArgs = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        this.initArgs = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        // the slug GitHub registered the app under (GET /app): by default the name the app is configured with
        state.appSlug(initArgs.getOrDefault("app-slug", SimulatedGitHub.APP_SLUG));
        server = new SimulatedGitHubServer(state);
        server.addExchangeListener(new ExchangeListener() {
            @Override
            public void received(Exchange exchange) {
                recorded.add(exchange);
            }
        });
        server.addInterceptor(r -> latencyMillis > 0 ? Decision.delay(latencyMillis) : Decision.proceed());
        server.addInterceptor(r -> {
            for (Slow s : slow) {
                if (s.method().equals(r.method()) && s.path().equals(r.path())) {
                    return Decision.delay(s.millis());
                }
            }
            return Decision.proceed();
        });
        // every request checked against GitHub's published description; a test whose requests it does not allow
        // fails (GitHubContractExtension)
        server.addRequestListener(ContractCheck.forGitHub()::request);
        server.addInterceptor(r -> {
            Answer answer = searchAnswer;
            return answer != null && r.method().equals("GET") && r.path().equals("/search/issues") ? Decision.answer(answer)
                    : Decision.proceed();
        });
        server.addInterceptor(writeLimiter);
        server.addInterceptor(faults);
        int port;
        try {
            port = server.start(vertx, "127.0.0.1", 0, 2);
        } catch (Exception e) {
            throw new IllegalStateException("The simulated GitHub did not start", e);
        }
        reset();
        return Map.ofEntries(
                Map.entry("quarkus.github-app.instance-endpoint", "http://127.0.0.1:" + port),
                Map.entry("quarkus.github-app.app-id", String.valueOf(APP_ID)),
                Map.entry("quarkus.github-app.private-key", privateKeyPem()),
                Map.entry("quarkus.github-app.webhook-secret", WEBHOOK_SECRET),
                Map.entry("release-bot.github.read-timeout", "2s"),
                Map.entry("release-bot.github.max-attempts", "3"),
                Map.entry("release-bot.github.initial-backoff", "50ms"),
                Map.entry("release-bot.github.writes-per-minute", initArgs.getOrDefault("writes-per-minute", "60000")),
                Map.entry("release-bot.resync.initial-delay", initArgs.getOrDefault("resync-initial-delay", "15s")),
                Map.entry("release-bot.resync.every", initArgs.getOrDefault("resync-every", "1h")),
                Map.entry("release-bot.github.writes-per-hour", initArgs.getOrDefault("writes-per-hour",
                        String.valueOf(60 * Long.parseLong(initArgs.getOrDefault("writes-per-minute", "60000"))))),
                Map.entry("release-bot.github.write-window", initArgs.getOrDefault("write-window", "1m")),
                Map.entry("release-bot.story.debounce", "200ms"),
                Map.entry("release-bot.retry.first-delay", initArgs.getOrDefault("retry-first-delay", "500ms")),
                Map.entry("release-bot.retry.max-delay", initArgs.getOrDefault("retry-max-delay", "5s")),
                Map.entry("release-bot.redelivery.enabled", initArgs.getOrDefault("redelivery", "false")),
                Map.entry("release-bot.redelivery.initial-delay", initArgs.getOrDefault("redelivery-initial-delay", "30s")),
                Map.entry("release-bot.redelivery.every", initArgs.getOrDefault("redelivery-every", "5m")),
                Map.entry("release-bot.report-token", REPORT_TOKEN),
                Map.entry("release-bot.reports.max-bytes", "300000"),
                Map.entry("release-bot.dry-run", initArgs.getOrDefault("dry-run", "false")));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // closing a test's own Vert.x: nothing to do about it
            }
            vertx = null;
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(this, new TestInjector.MatchesType(FakeGitHub.class));
    }

    /**
     * Forgets GitHub's state and every recorded request, and turns latency, slow answers, the write limit and
     * faults off. The app is installed nowhere until {@link #installedOn}.
     */
    public void reset() {
        state.clear();
        recorded.clear();
        writeLimiter.reset();
        faults.fail(0, 0);
        latencyMillis = 0;
        slow.clear();
        searchAnswer = null;
        // the tests' installation is not the bottleneck: GitHub's primary limit is not what they measure
        server.primaryRateLimit(10_000_000);
    }

    public int port() {
        return Integer.parseInt(server.base().substring(server.base().lastIndexOf(':') + 1));
    }

    /** The server, to plug in more listeners or interceptors (e.g. a validator of every request). */
    public SimulatedGitHubServer server() {
        return server;
    }

    /** The simulated GitHub's state, for what the typed methods here do not cover. */
    public SimulatedGitHub state() {
        return state;
    }

    // ---- seeding --------------------------------------------------------------------------------------------

    /** The org-wide release-bot.yml on the default branch of {org}/.github. */
    public void orgConfig(String org, String yaml) {
        file(org + "/.github", "release-bot.yml", yaml);
    }

    /** A file on the repository's default branch. */
    public void file(String repository, String path, String text) {
        state.file(repository, path, text);
    }

    /** A file on another branch, e.g. a PR's head branch ({@code feature/<number>}). */
    public void fileOnBranch(String repository, String branch, String path, String text) {
        state.fileOnBranch(repository, branch, path, text);
    }

    /** An open PR from branch {@code feature/<number>} (or the existing one with this head, base, title, labels). */
    public void pullRequest(String repository, int number, String author, String headSha, String base, String title,
            String... labels) {
        state.pullRequest(repository, number, author, headSha, base, title, labels);
    }

    /** Exactly these PRs of the repository are open (what {@code GET /repos/{repo}/pulls?state=open} lists). */
    public void openPullRequests(String repository, int... numbers) {
        state.openPullRequests(repository, numbers);
    }

    /** A review as GitHub's REST API lists it. */
    public record Review(String login, String state, String commitId) {
    }

    /** The PR's reviews are exactly these. */
    public void reviews(String repository, int number, Review... reviews) {
        List<SimulatedGitHub.Review> list = new ArrayList<>();
        int n = 1;
        for (Review r : reviews) {
            list.add(new SimulatedGitHub.Review(r.login(), r.state(), r.commitId(),
                    Instant.parse("2026-11-2" + Math.min(9, n++) + "T10:00:00Z")));
        }
        state.reviews(repository, number, list);
    }

    /** A comment as GitHub's REST API lists it. */
    public record Comment(long id, String login, String body) {
    }

    /** The issue's or PR's comments are exactly these (the bot's earlier ones gone). */
    public void comments(String repository, int number, Comment... comments) {
        List<SimulatedGitHub.Comment> list = new ArrayList<>();
        for (Comment c : comments) {
            list.add(new SimulatedGitHub.Comment(c.id(), c.login(), c.body(), Instant.parse("2026-11-24T10:00:00Z")));
        }
        state.comments(repository, number, list);
    }

    /** A comment a person makes on an issue or PR now (listed by GET .../comments from then on). */
    public void comment(String repository, int number, long id, String author, String body) {
        state.comment(repository, number, id, author, body);
    }

    /** Someone reacts to a comment ({@code +1}, ...), as GitHub lists it under the comment's reactions. */
    public void react(long commentId, String login, String content) {
        state.react(commentId, login, content);
    }

    /** The app's Bot account, {@code <slug>[bot]}. */
    public String botLogin() {
        return state.botLogin();
    }

    /** An issue whose body the bot may rewrite (a release story), opened by {@code release-lead}. */
    public void issue(String repository, int number, String title, String body) {
        state.openIssue(repository, number, "release-lead", title, body);
    }

    /** A person edits the issue's body. */
    public void editIssue(String repository, int number, String body) {
        state.editIssueBody(repository, number, body);
    }

    /** The issue's or PR's labels are exactly these (a person labelled it). */
    public void labels(String repository, int number, String... names) {
        state.labels(repository, number, names);
    }

    /** The releases of a repository, newest first: each {tag, prerelease ("true"/"false"), publishedAt}. */
    public void releases(String repository, String[]... releases) {
        List<SimulatedGitHub.Release> list = new ArrayList<>();
        for (String[] r : releases) {
            list.add(new SimulatedGitHub.Release(r[0], Boolean.parseBoolean(r[1]), false, Instant.parse(r[2]), ""));
        }
        state.releases(repository, list);
    }

    /** A person's permission on a repository (admin, write, read, none). */
    public void permission(String repository, String login, String permission) {
        state.permission(repository, login, permission);
    }

    public void team(String org, String slug, String... members) {
        state.team(org, slug, members);
    }

    /** The company on a person's profile (null: none). */
    public void user(String login, String company) {
        state.person(login, company);
    }

    /** The app is installed on this organisation (what GET /app/installations lists). */
    public void installedOn(String org) {
        state.installedOn(org);
    }

    /** The repositories the installation can see (what the resync walks). */
    public void installationRepositories(String... fullNames) {
        state.installationRepositories(fullNames);
    }

    /** A repository with its metadata (every repository exists; this one is seeded explicitly). */
    public void repository(String fullName) {
        state.ensureRepository(fullName);
    }

    /** The repository's licence, by SPDX id. */
    public void licence(String repository, String spdxId) {
        state.licence(repository, spdxId);
    }

    /** Branch protection of {@code branch} requires these status checks. */
    public void requiredStatusChecks(String repository, String branch, String... contexts) {
        state.requiredStatusChecks(repository, branch, contexts);
    }

    /** The app may not read the repository's branch protection (no {@code administration: read}): 403. */
    public void protectionUnreadable(String repository) {
        state.protectionUnreadable(repository);
    }

    // ---- test-only behaviour ----------------------------------------------------------------------------------

    /** Injected latency on every GitHub answer (benchmarks). */
    public void latency(int millis) {
        latencyMillis = millis;
    }

    /** Requests with this method and path (query ignored) are answered only after {@code delay}. */
    public void slowAnswers(String method, String path, Duration delay) {
        slow.add(new Slow(method, path, delay.toMillis()));
    }

    /** GitHub failing {@code rate} of the bot's calls from now on (0 stops); see {@link FaultInjector}. */
    public FaultInjector faults(double rate, long seed) {
        faults.fail(rate, seed);
        return faults;
    }

    /**
     * Every issue search ({@code GET /search/issues}) answered with this status and JSON body instead of the
     * simulation (null: searched again); e.g. 200 with {@code incomplete_results: true}, a 502, a 422.
     */
    public void searchesAnswered(Integer status, String json) {
        searchAnswer = status == null ? null : new Answer(status, Map.of(), json);
    }

    /** GitHub's secondary limit on writes, scaled: more than {@code limit} writes in any second get a 403. */
    public void limitWritesPerSecond(int limit) {
        writeLimiter.limit = limit;
    }

    /** GitHub's secondary limit on writes, scaled: more than {@code limit} writes in any {@code window} get a 403. */
    public void limitWrites(int limit, Duration window) {
        writeLimiter.windowMillis = window.toMillis();
        writeLimiter.limit = limit;
    }

    /** Writes the limiter let through since it was set. */
    public int writesAllowed() {
        return writeLimiter.allowed.get();
    }

    public int writesRefused() {
        return writeLimiter.refused.get();
    }

    // ---- what GitHub holds and what it received -------------------------------------------------------------

    public String issueBody(String repository, int number) {
        ObjectNode issue = state.issue(repository, number);
        return issue == null ? null : issue.path("body").asText(null);
    }

    public List<JsonNode> storedComments(String repository, int number) {
        return new ArrayList<>(state.comments(repository, number));
    }

    public long checkRunCount(String name) {
        return checkRuns.all().stream().filter(r -> r.path("name").asText().equals(name)).count();
    }

    public String conclusion(String repository, String sha, String name) {
        ObjectNode run = checkRuns.latest(repository, sha, name);
        return run == null ? "" : run.path("conclusion").asText();
    }

    /** The check runs GitHub holds, each with its {@code repository}. */
    final class CheckRuns {
        /** Every check run, oldest first. */
        List<ObjectNode> all() {
            return state.checkRuns();
        }

        /** The latest run of that name by the app on that commit, or null. */
        ObjectNode latest(String repository, String sha, String name) {
            return state.latestCheckRun(repository, sha, name);
        }
    }

    public void clearRequests() {
        recorded.clear();
    }

    public int requestCount() {
        return recorded.size();
    }

    /**
     * Waits until the app has sent no request for {@code quiet} (looking every 100 ms), for at most {@code max};
     * whether it went quiet in time.
     */
    public boolean awaitQuiet(Duration quiet, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        long polls = quiet.toMillis() / 100;
        int last = -1;
        int still = 0;
        while (System.nanoTime() < deadline) {
            int now = requestCount();
            still = now == last ? still + 1 : 0;
            last = now;
            if (still >= polls) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Every request since the last clear, oldest first (answered or still under way). */
    public List<Exchange> requestsSince() {
        return new ArrayList<>(recorded);
    }

    /** Requests answered 304 Not Modified since the last clear. */
    public long notModifiedSince() {
        return recorded.stream().filter(e -> e.status() == 304).count();
    }

    /** Requests the app sent, by method and path prefix (query ignored), oldest first. */
    public List<Exchange> requests(String method, String pathPrefix) {
        return recorded.stream().filter(e -> e.method().equals(method) && e.path().startsWith(pathPrefix))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    /** Every write (POST, PATCH, PUT, DELETE) the app sent outside the app-token endpoints. */
    public List<Exchange> writes() {
        return recorded.stream().filter(e -> e.write() && !e.appEndpoint())
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    /** The app's key pair: the app signs its JWT with the private key, tests verify it with the public one. */
    static final KeyPair APP_KEYS = appKeys();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static KeyPair appKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The app's webhook deliveries as {@code GET /app/hook/deliveries} lists them; new attempts are answered 202. */
    public void webhookDeliveries(String... deliveriesJson) {
        List<JsonNode> deliveries = new ArrayList<>();
        for (String json : deliveriesJson) {
            try {
                deliveries.add(MAPPER.readTree(json));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(json, e);
            }
        }
        state.hookDeliveries(deliveries);
    }

    static String privateKeyPem() {
        try {
            byte[] der = APP_KEYS.getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(der) + "\n-----END PRIVATE KEY-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
