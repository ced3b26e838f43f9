package io.mojaloop.releasebot.sandbox;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mojaloop.releasebot.bot.WorkQueue;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * The sandbox: with {@code release-bot.sandbox.enabled} (the {@code sandbox} profile), starts a
 * {@link SimulatedGitHub} seeded with a small Mojaloop organisation, then plays a short script of events through
 * the bot's real, signed webhook endpoint and logs what the bot did after each step. The page {@code /sandbox}
 * shows the same ({@link SandboxPage}).
 */
@ApplicationScoped
public class Sandbox {

    private static final Logger LOG = Logger.getLogger("sandbox");

    public static final String ORG = "mojaloop";

    @ConfigProperty(name = "release-bot.sandbox.enabled", defaultValue = "false")
    boolean enabled;
    @ConfigProperty(name = "release-bot.sandbox.github-port", defaultValue = "8089")
    int githubPort;
    @ConfigProperty(name = "quarkus.github-app.webhook-secret")
    Optional<String> webhookSecret;
    @ConfigProperty(name = "quarkus.github-app.app-id", defaultValue = "4242")
    long appId;

    @Inject
    Vertx vertx;
    @Inject
    WorkQueue work;

    // made only when the sandbox runs: an HTTP client loads the TLS trust store, which cost every production start
    // 0.3 s and 10 MiB for nothing
    private ObjectMapper mapper;
    private HttpClient http;
    private SimulatedGitHub github;
    private SimulatedGitHubServer server;
    private final List<Step> steps = new ArrayList<>();
    private volatile boolean finished;

    /** One step of the script, and what the bot had done once it settled. */
    public record Step(int number, String what, List<String> outcome) {
    }

    void start(@Observes StartupEvent startup) throws Exception {
        if (!enabled) {
            return;
        }
        mapper = new ObjectMapper();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).proxy(HttpClient.Builder.NO_PROXY).build();
        github = new SimulatedGitHub(appId, 1, ORG);
        seed(github, LocalDate.now(ZoneOffset.UTC));
        server = new SimulatedGitHubServer(github);
        int port = server.start(vertx, "127.0.0.1", githubPort);
        LOG.infof("Simulated GitHub for the organisation '%s' on http://127.0.0.1:%d", ORG, port);
        Thread script = new Thread(this::play, "sandbox-script");
        script.setDaemon(true);
        script.start();
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public SimulatedGitHub github() {
        return github;
    }

    public synchronized List<Step> steps() {
        return List.copyOf(steps);
    }

    public boolean finished() {
        return finished;
    }

    /** A sample Mojaloop organisation: service repos, people from three organisations, DA and release teams. */
    static void seed(SimulatedGitHub github, LocalDate today) {
        for (String repo : List.of(".github", "central-ledger", "ml-api-adapter", "account-lookup-service",
                "quoting-service", "helm", "project")) {
            github.repository(repo);
        }
        github.installedOn(ORG);
        github.team(ORG, "design-authority", "grace", "ian");
        github.team(ORG, "release-managers", "henry");
        github.person("eve", "Infitx Ltd");
        github.person("frank", "@crosslake");
        github.person("mallory", null);
        github.file(ORG + "/.github", "release-bot.yml", config(today));
        github.openIssue(ORG + "/project", 4300, "release-lead", "Release v17.2.0 (PI 17)", """
                # Release v17.2.0

                The release story for PI 17. Release managers: @henry. This text is written by people and the bot
                leaves it alone; the block below is the bot's.

                - [ ] Release notes drafted
                - [ ] Community call announcement
                """);
        github.openIssue(ORG + "/central-ledger", 1201, "carol", "Settlement window rounding loses a cent",
                "## Summary:\nFound on QA.\n\n**Severity**: Medium\n\n**Priority**: High\n", "bug");
        github.openPullRequest(ORG + "/helm", 612, "henry", "chore(release): v17.2.0-rc.1", "main");
        seedUmbrella(github, today);
    }

    /** The umbrella chart's shape (helm, mojaloop/Chart.yaml) with this {@code appVersion}. */
    static String chart(String chartVersion, String appVersion) {
        return """
                apiVersion: v2
                description: Mojaloop Helm chart for Kubernetes
                name: mojaloop
                version: %s
                appVersion: "%s"
                dependencies:
                  - {name: account-lookup-service, version: ">= 15.0.0", repository: "file://../account-lookup-service", condition: account-lookup-service.enabled}
                  - {name: quoting-service, version: ">= 16.0.0", repository: "file://../quoting-service", condition: quoting-service.enabled}
                  - {name: ml-api-adapter, version: ">= 14.0.0", repository: "file://../ml-api-adapter", condition: ml-api-adapter.enabled}
                  - {name: centralledger, version: ">= 14.41.2", repository: "file://../centralledger", condition: centralledger.enabled}
                  - {name: mojaloop-bulk, version: ">= 16.18.0", repository: "file://../mojaloop-bulk", condition: mojaloop-bulk.enabled}
                  - {name: common, version: 3.1.3, repository: "https://mojaloop.github.io/charts/repo"}
                """.formatted(chartVersion, appVersion);
    }

    /**
     * Two umbrella versions: v17.1.0, a full release with its chart, and the tag v17.2.0-rc.1 (published as a
     * pre-release by the script) with the candidate's chart; the components' tagged histories between them, and
     * their merged PRs: one merged although {@code review-rules} failed, one passed by a review exception, one merged
     * during the feature freeze.
     */
    static void seedUmbrella(SimulatedGitHub github, LocalDate today) {
        String helm = ORG + "/helm";
        github.tag(helm, "v17.1.0");
        github.fileAtTag(helm, "v17.1.0", "mojaloop/Chart.yaml", chart("17.1.0", "ml-api-adapter: v16.4.1; central-ledger: v19.3.0; "
                + "account-lookup-service: v17.7.1; quoting-service: v16.9.0; bulk-api-adapter: v17.1.9; central-event-processor: v12.1.1;"));
        github.tagCommits(helm, "v17.2.0-rc.1", "chore(release): v17.2.0-rc.1 (#612)");
        github.fileAtTag(helm, "v17.2.0-rc.1", "mojaloop/Chart.yaml", chart("17.2.0-rc.1", "ml-api-adapter: v16.5.6; "
                + "central-ledger: v19.7.4; account-lookup-service: v17.12.0; quoting-service: v17.12.0; bulk-api-adapter: v17.1.9; "
                + "ml-testing-toolkit-ui: v16.2.0;"));
        java.time.Instant released = today.minusWeeks(10).atStartOfDay(ZoneOffset.UTC).toInstant();
        github.releases(helm, List.of(new SimulatedGitHub.Release("v17.1.0", false, false, released, "The v17.1.0 release.")));
        java.time.Instant beforeFreeze = today.minusWeeks(5).atStartOfDay(ZoneOffset.UTC).toInstant();
        java.time.Instant inFeatureFreeze = today.minusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();

        String cl = ORG + "/central-ledger";
        github.tagCommits(cl, "v19.3.0", "chore(release): 19.3.0 [skip ci]");
        List<String> c = github.tagCommits(cl, "v19.7.4", "feat(mojaloop/#3122): timeout handler distributed lock (#1172)",
                "fix(mojaloop/3058): broker reports OK when kafka is disconnected (#1173)",
                "feat(mojaloop/#3130)!: settlement models move to the admin API (#1180)",
                "chore(release): 19.7.4 [skip ci]");
        merged(github, cl, 1172, "alice", "feat(mojaloop/#3122): timeout handler distributed lock", c.get(0), "carol", beforeFreeze,
                "success");
        merged(github, cl, 1173, "bob", "fix(mojaloop/3058): broker reports OK when kafka is disconnected", c.get(1), "carol",
                beforeFreeze, "success");
        merged(github, cl, 1180, "alice", "feat(mojaloop/#3130)!: settlement models move to the admin API", c.get(2), "henry",
                beforeFreeze, "failure");

        String mla = ORG + "/ml-api-adapter";
        github.tagCommits(mla, "v16.4.1", "chore(release): 16.4.1 [skip ci]");
        List<String> m = github.tagCommits(mla, "v16.5.6", "fix(mojaloop/#3529): notification handler keeps the callback headers (#512)");
        merged(github, mla, 512, "frank", "fix(mojaloop/#3529): notification handler keeps the callback headers", m.get(0), "dave",
                beforeFreeze, "success");

        String als = ORG + "/account-lookup-service";
        github.tagCommits(als, "v17.7.1", "chore(release): 17.7.1 [skip ci]");
        List<String> a = github.tagCommits(als, "v17.12.0", "feat(mojaloop/#541): reset party mappings in inter-scheme scenario (#541)",
                "fix(mojaloop/#547): delete participant audit (#547)");
        merged(github, als, 541, "eve", "feat(mojaloop/#541): reset party mappings in inter-scheme scenario", a.get(0), "carol",
                beforeFreeze, "success");
        merged(github, als, 547, "alice", "fix(mojaloop/#547): delete participant audit", a.get(1), "bob", beforeFreeze, "success",
                "review-exception");

        String qs = ORG + "/quoting-service";
        github.tagCommits(qs, "v16.9.0", "chore(release): 16.9.0 [skip ci]");
        List<String> q = github.tagCommits(qs, "v17.12.0", "feat(mojaloop/#409, mojaloop/#410): use updated AxiosHttpRequester (#409)");
        merged(github, qs, 409, "frank", "feat(mojaloop/#409, mojaloop/#410): use updated AxiosHttpRequester", q.get(0), "dave",
                inFeatureFreeze, "success");
    }

    private static void merged(SimulatedGitHub github, String repository, int number, String author, String title, String mergeCommit,
            String mergedBy, java.time.Instant at, String reviewRules, String... labels) {
        String head = SimulatedGitHub.sha(repository, number, 7);
        github.mergedPullRequest(repository, number, author, title, head, mergeCommit, mergedBy, at, labels);
        github.botCheckRun(repository, head, "review-rules", reviewRules);
    }

    /** The org config: a release whose feature freeze opened three weeks ago and whose bug-fix freeze opens in a week. */
    static String config(LocalDate today) {
        return """
                reviews:
                  required-approvals: 2
                  distinct-organisations: 2
                  dismiss-stale: true
                  exception-approvers: [design-authority]
                affiliations:
                  Infitx: [alice, bob]
                  Crosslake: [carol, dave]
                  ModusBox: [grace, henry]
                affiliation-fallback: profile-company
                freeze:
                  feature-freeze-weeks-before-pi-kickoff: 6
                  bugfix-freeze-weeks-before-release: 4
                  branches: [main, master, "release/*"]
                  feature-types: [feat]
                  allowed-during-bugfix-freeze-labels: ["priority: critical"]
                  exception-approvers: [release-managers]
                release-candidates:
                  approvers: [release-managers]
                contents:
                  components:
                    centralledger: central-ledger
                    mojaloop-bulk: bulk-api-adapter
                releases:
                  - version: v17.2.0
                    pi-kickoff: %s
                    release-date: %s
                    timezone: UTC
                    story: mojaloop/project#4300
                    repos: [central-ledger, ml-api-adapter, account-lookup-service, quoting-service, helm]
                gates:
                  - id: golden-path-dev
                    name: TTK Golden Path on dev
                    ttk-suite: GP Tests
                    environment: dev
                  - id: downstream
                    name: Validated by a downstream implementer
                  - id: blocking-bugs
                    name: No critical, high or medium priority bugs open
                    issue-query: 'org:mojaloop is:issue is:open label:bug'
                    priority-from: body
                    priorities: [critical, high, medium]
                """.formatted(today.plusWeeks(3), today.plusWeeks(5));
    }

    private void play() {
        try {
            String cl = ORG + "/central-ledger";
            String mla = ORG + "/ml-api-adapter";
            String als = ORG + "/account-lookup-service";
            step("eve (Infitx, from her profile) opens central-ledger#101, a bug fix, during the feature freeze", cl, 101,
                    () -> pullRequestEvent(github.openPullRequest(cl, 101, "eve", "fix(mojaloop/#3101): settlement window rounding", "main"), cl));
            step("alice (Infitx) approves central-ledger#101", cl, 101, () -> reviewEvent(cl, 101, "alice"));
            step("bob (Infitx) approves central-ledger#101: two approvals, but from one organisation", cl, 101,
                    () -> reviewEvent(cl, 101, "bob"));
            step("carol (Crosslake) approves central-ledger#101: a second organisation", cl, 101,
                    () -> reviewEvent(cl, 101, "carol"));
            step("frank (Crosslake) opens ml-api-adapter#57, a feature, during the feature freeze", mla, 57,
                    () -> pullRequestEvent(github.openPullRequest(mla, 57, "frank", "feat(mojaloop/#3122): bulk transfer expiry", "main"), mla));
            step("mallory, who is not a release manager, asks for a freeze exception on ml-api-adapter#57", mla, 57,
                    () -> commentEvent(mla, 57, "mallory", "/freeze-exception please, it is small"));
            step("henry (release-managers) grants a freeze exception on ml-api-adapter#57", mla, 57,
                    () -> commentEvent(mla, 57, "henry", "/freeze-exception Agreed at the PI planning: the bulk demo depends on it"));
            step("alice opens account-lookup-service#88, docs only, and bob (same organisation) approves", als, 88, () -> {
                long before = server.writes();
                pullRequestEvent(github.openPullRequest(als, 88, "alice", "docs: clarify the oracle configuration", "main"), als);
                settle(before);
                reviewEvent(als, 88, "bob");
            });
            step("grace (Design Authority) grants a review exception on account-lookup-service#88", als, 88,
                    () -> commentEvent(als, 88, "grace", "/review-exception Docs-only change, reviewed at the DA meeting"));
            String project = ORG + "/project";
            String helm = ORG + "/helm";
            step("henry asks for the release status on the story, project#4300 (an open high-priority bug)", project, 4300,
                    () -> commentEvent(project, 4300, "henry", "/release-status"));
            step("henry declares helm#612 a release candidate, v17.2.0-rc.1", helm, 612,
                    () -> commentEvent(helm, 612, "henry", "/release-candidate v17.2.0-rc.1"));
            step("helm publishes the pre-release v17.2.0-rc.1", project, 4300,
                    () -> releaseEvent(helm, github.publishRelease(helm, "v17.2.0-rc.1", true), "prereleased"));
            step("CI posts the Testing Toolkit Golden Path report for dev to the bot", project, 4300, this::postTtkReport);
            step("henry records mini-loop's validation of the candidate", project, 4300, () -> commentEvent(project, 4300,
                    "henry", "/gate downstream pass https://github.example/mojaloop/mini-loop/actions/runs/7 mini-loop deployed v17.2.0-rc.1"));
            step("the blocking bug central-ledger#1201 is fixed and closed", project, 4300,
                    () -> issueEvent(ORG + "/central-ledger", github.closeIssue(ORG + "/central-ledger", 1201), "closed"));
            LOG.infof("Sandbox script finished: %d GitHub API calls, %d writes. See http://localhost:%d/sandbox",
                    server.requests(), server.writes(), httpPort());
        } catch (Exception e) {
            LOG.error("Sandbox script failed", e);
        } finally {
            finished = true;
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private void step(String what, String repository, int number, Action action) throws Exception {
        int n;
        synchronized (this) {
            n = steps.size() + 1;
        }
        LOG.infof("[step %d] %s", n, what);
        long repliesBefore = botComments(repository, number).size();
        long writesBefore = server.writes();
        action.run();
        settle(writesBefore);
        List<String> outcome = new ArrayList<>();
        for (String check : List.of("review-rules", "release-freeze")) {
            ObjectNode run = github.latestCheckRun(repository, number, check);
            if (run != null) {
                outcome.add(check + ": " + run.path("conclusion").asText() + " - " + run.path("output").path("title").asText());
            }
        }
        botComments(repository, number).stream().skip(repliesBefore).forEach(body -> outcome.add("bot replied: "
                + body.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith(">")).findFirst().orElse("")));
        ObjectNode story = github.issue(ORG + "/project", 4300);
        if (story != null && story.path("body").asText().contains("<!-- release-bot:start -->")
                && (repository.equals(ORG + "/project") || number == 612)) {
            List<String> lines = story.path("body").asText().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("## Release ")) {
                    outcome.add("story: " + lines.get(i).substring(3));
                    lines.stream().skip(i + 1).filter(l -> !l.isBlank()).findFirst().ifPresent(l -> outcome.add("story: " + l));
                    break;
                }
            }
        }
        var pr = github.issue(repository, number);
        if (pr != null && !pr.path("labels").isEmpty()) {
            List<String> labels = new ArrayList<>();
            pr.path("labels").forEach(l -> labels.add(l.path("name").asText()));
            outcome.add("labels: " + String.join(", ", labels));
        }
        for (String line : outcome) {
            LOG.infof("[step %d]   %s", n, line);
        }
        synchronized (this) {
            steps.add(new Step(n, what, outcome));
        }
    }

    private List<String> botComments(String repository, int number) {
        return github.comments(repository, number).stream()
                .filter(c -> c.path("user").path("login").asText().equals(github.botLogin()))
                .map(c -> c.path("body").asText()).toList();
    }

    /**
     * The port the app listens on, read when needed: with a random port ({@code quarkus.http.port=0}, as in tests)
     * Quarkus sets the actual one once the server is up.
     */
    private static int httpPort() {
        Integer actual = Integer.getInteger("quarkus.http.port");
        return actual != null && actual > 0 ? actual
                : ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
    }

    /**
     * Waits until the bot has written something since {@code writesBefore} (every step makes it write; at most 10 s,
     * for a cold start that spends seconds before its first call) and then stopped calling the simulated GitHub for a
     * second, with no call under way and its work queue idle (at most 30 s in all).
     */
    private void settle(long writesBefore) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(30).toNanos();
        long firstWrite = start + Duration.ofSeconds(10).toNanos();
        long last = -1;
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            long now = server.requests();
            quiet = now == last && server.inFlight() == 0 && work.idle() ? quiet + 1 : 0;
            last = now;
            if (quiet >= 4 && (server.writes() > writesBefore || System.nanoTime() > firstWrite)) {
                return;
            }
        }
    }

    private void pullRequestEvent(ObjectNode pr, String repository) throws Exception {
        ObjectNode payload = base(repository, pr.path("user").path("login").asText());
        payload.put("action", "opened").put("number", pr.path("number").asInt());
        payload.set("pull_request", pr);
        send("pull_request", payload);
    }

    private void reviewEvent(String repository, int number, String reviewer) throws Exception {
        ObjectNode review = github.review(repository, number, reviewer, "APPROVED");
        ObjectNode payload = base(repository, reviewer);
        payload.put("action", "submitted");
        payload.set("review", review);
        payload.set("pull_request", github.pullRequest(repository, number));
        send("pull_request_review", payload);
    }

    private void commentEvent(String repository, int number, String author, String body) throws Exception {
        ObjectNode comment = github.comment(repository, number, author, body);
        ObjectNode payload = base(repository, author);
        payload.put("action", "created");
        payload.set("issue", github.issue(repository, number));
        payload.set("comment", comment);
        send("issue_comment", payload);
    }

    @ConfigProperty(name = "release-bot.report-token")
    Optional<String> reportToken;

    /** What a CI job does after a TTK run: POST the report JSON with the bearer token. */
    private void postTtkReport() throws Exception {
        byte[] report;
        try (var in = Sandbox.class.getResourceAsStream("/sandbox/gp-tests-report.json")) {
            report = in.readAllBytes();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort()
                + "/api/v1/releases/v17.2.0/ttk-reports?environment=dev"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + reportToken.orElse(""))
                .POST(HttpRequest.BodyPublishers.ofByteArray(report)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        LOG.infof("TTK report answered %d: %s", response.statusCode(), response.body());
    }

    private void releaseEvent(String repository, ObjectNode release, String action) throws Exception {
        ObjectNode payload = base(repository, "henry");
        payload.put("action", action);
        payload.set("release", release);
        send("release", payload);
    }

    private void issueEvent(String repository, ObjectNode issue, String action) throws Exception {
        ObjectNode payload = base(repository, "carol");
        payload.put("action", action);
        payload.set("issue", issue);
        send("issues", payload);
    }

    private ObjectNode base(String repository, String sender) {
        ObjectNode payload = mapper.createObjectNode();
        ObjectNode repo = payload.putObject("repository");
        repo.put("id", Math.abs(repository.hashCode())).put("name", repository.substring(repository.indexOf('/') + 1))
                .put("full_name", repository).put("private", false).put("default_branch", "main");
        repo.putObject("owner").put("login", ORG).put("type", "Organization");
        payload.putObject("installation").put("id", 1);
        payload.set("sender", github.user(sender));
        return payload;
    }

    /** Posts a webhook to the bot's own endpoint, signed like GitHub signs it. */
    private void send(String event, ObjectNode payload) throws Exception {
        byte[] body = mapper.writeValueAsBytes(payload);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(webhookSecret.orElse("").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort() + "/"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", UUID.randomUUID().toString()).header("X-Hub-Signature-256", signature)
                .header("User-Agent", "GitHub-Hookshot/sandbox")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 300) {
                    LOG.warnf("Webhook %s answered %d: %s", event, response.statusCode(), response.body());
                }
                return;
            } catch (ConnectException notYetListening) {
                if (System.nanoTime() > deadline) {
                    throw notYetListening;
                }
                Thread.sleep(250);
            }
        }
    }
}
