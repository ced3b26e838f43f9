package io.mojaloop.releasebot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fake GitHub REST API on WireMock for the packaged app's HTTP-level tests: the app's
 * {@code quarkus.github-app.instance-endpoint} points here, so every call the app makes lands on this server and
 * the tests assert on the requests GitHub would receive. Check runs are stateful ({@link CheckRunStore}).
 */
public class FakeGitHub implements QuarkusTestResourceLifecycleManager {

    public static final long APP_ID = 424242;
    public static final long INSTALLATION_ID = 1;
    public static final String WEBHOOK_SECRET = "it-webhook-secret";
    public static final String REPORT_TOKEN = "it-report-token";

    static FakeGitHub instance;

    final ObjectMapper mapper = new ObjectMapper();
    WireMockServer server;
    CheckRunStore checkRuns;
    final WriteLimiter writeLimiter = new WriteLimiter();
    final IssueStore issues = new IssueStore(APP_ID);
    final FaultInjector faults = new FaultInjector();
    Map<String, String> initArgs = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        this.initArgs = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        instance = this;
        checkRuns = new CheckRunStore(APP_ID);
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(200)
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(50).extensions(checkRuns, writeLimiter, issues, faults, new ETags()));
        server.start();
        reset();
        return Map.ofEntries(
                Map.entry("quarkus.github-app.instance-endpoint", "http://127.0.0.1:" + server.port()),
                Map.entry("quarkus.github-app.app-id", String.valueOf(APP_ID)),
                Map.entry("quarkus.github-app.private-key", privateKeyPem()),
                Map.entry("quarkus.github-app.webhook-secret", WEBHOOK_SECRET),
                Map.entry("release-bot.github.read-timeout", "2s"),
                Map.entry("release-bot.github.max-attempts", "3"),
                Map.entry("release-bot.github.initial-backoff", "50ms"),
                Map.entry("release-bot.github.writes-per-minute", initArgs.getOrDefault("writes-per-minute", "60000")),
                Map.entry("release-bot.github.writes-per-hour", initArgs.getOrDefault("writes-per-hour",
                        String.valueOf(60 * Long.parseLong(initArgs.getOrDefault("writes-per-minute", "60000"))))),
                Map.entry("release-bot.github.write-window", initArgs.getOrDefault("write-window", "1m")),
                Map.entry("release-bot.resync.initial-delay", initArgs.getOrDefault("resync-initial-delay", "15s")),
                Map.entry("release-bot.resync.every", initArgs.getOrDefault("resync-every", "1h")),
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
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(this, new TestInjector.MatchesType(FakeGitHub.class));
    }

    /** Forgets every stub, request and check run, and stubs what every installation needs. */
    public void reset() {
        server.resetAll();
        checkRuns.clear();
        writeLimiter.reset();
        faults.fail(0, 0);
        issues.clear();
        server.stubFor(get(urlPathEqualTo("/app")).willReturn(okJson(
                "{\"id\":" + APP_ID + ",\"slug\":\"mojaloop-release-bot\",\"name\":\"mojaloop-release-bot\",\"owner\":{\"login\":\"mojaloop\"}}")));
        server.stubFor(get(urlPathMatching("/app/installations/\\d+")).willReturn(okJson(
                "{\"id\":" + INSTALLATION_ID + ",\"app_id\":" + APP_ID + ",\"account\":{\"login\":\"mojaloop\",\"type\":\"Organization\"},"
                        + "\"access_tokens_url\":\"http://127.0.0.1:" + server.port() + "/app/installations/" + INSTALLATION_ID
                        + "/access_tokens\"}")));
        server.stubFor(post(urlPathMatching("/app/installations/\\d+/access_tokens")).willReturn(okJson(
                "{\"token\":\"ghs_fake_installation_token\",\"expires_at\":\"2099-01-01T00:00:00Z\",\"permissions\":{}}")
                .withStatus(201)));
        server.stubFor(get(urlPathEqualTo("/app/installations")).willReturn(okJson("[]")));
        server.stubFor(get(urlPathEqualTo("/rate_limit")).willReturn(okJson(
                "{\"resources\":{\"core\":{\"limit\":5000,\"remaining\":5000,\"reset\":4102444800}},\"rate\":{\"limit\":5000,\"remaining\":5000,\"reset\":4102444800}}")));
        // check runs: stateful
        server.stubFor(any(urlPathMatching("/repos/[^/]+/[^/]+/check-runs(/\\d+)?"))
                .willReturn(aResponse().withTransformers(CheckRunStore.NAME)));
        server.stubFor(get(urlPathMatching("/repos/[^/]+/[^/]+/commits/[^/]+/check-runs"))
                .willReturn(aResponse().withTransformers(CheckRunStore.NAME)));
        // writes that only need an acknowledgement
        // comments: stateful (a test's own comments(...) stub wins for listing)
        server.stubFor(any(urlPathMatching("/repos/[^/]+/[^/]+/issues/\\d+/comments")).atPriority(10)
                .willReturn(aResponse().withTransformers(IssueStore.NAME)));
        server.stubFor(post(urlPathMatching("/repos/[^/]+/[^/]+/issues/comments/\\d+/reactions"))
                .willReturn(okJson("{\"id\":9002,\"content\":\"+1\"}").withStatus(201)));
        server.stubFor(post(urlPathMatching("/repos/[^/]+/[^/]+/issues/\\d+/labels"))
                .willReturn(okJson("[]")));
        // issues: stateful (story bodies)
        server.stubFor(any(urlPathMatching("/repos/[^/]+/[^/]+/issues/\\d+")).atPriority(20)
                .willReturn(aResponse().withTransformers(IssueStore.NAME)));
        server.stubFor(post(urlPathMatching("/repos/[^/]+/[^/]+/labels")).willReturn(okJson("{}").withStatus(201)));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathMatching("/repos/[^/]+/[^/]+/issues/\\d+/labels/.+"))
                .willReturn(okJson("[]")));
        server.stubFor(get(urlPathEqualTo("/search/issues")).atPriority(50)
                .willReturn(okJson("{\"total_count\":0,\"incomplete_results\":false,\"items\":[]}")));
        server.stubFor(get(urlPathMatching("/repos/[^/]+/[^/]+/releases")).atPriority(50).willReturn(okJson("[]")));
        server.stubFor(get(urlPathMatching("/repos/[^/]+/[^/]+/issues/\\d+/labels")).atPriority(50).willReturn(okJson("[]")));
        // lists that are empty unless a test says otherwise
        server.stubFor(get(urlPathMatching("/repos/[^/]+/[^/]+/pulls/\\d+/reviews")).atPriority(10).willReturn(okJson("[]")));
        server.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not Found\"}")));
    }

    public int port() {
        return server.port();
    }

    public void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    /** The org-wide release-bot.yml on the default branch of {org}/.github. */
    public void orgConfig(String org, String yaml) {
        file(org + "/.github", "release-bot.yml", yaml);
    }

    public void file(String repository, String path, String text) {
        ObjectNode content = mapper.createObjectNode();
        content.put("type", "file").put("encoding", "base64").put("path", path)
                .put("name", path.substring(path.lastIndexOf('/') + 1))
                .put("content", Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        server.stubFor(get(urlPathEqualTo("/repos/" + repository + "/contents/" + path)).willReturn(okJson(content.toString())));
    }

    public void pullRequest(String repository, int number, String author, String headSha, String base, String title,
            String... labels) {
        ObjectNode pr = mapper.createObjectNode();
        pr.put("number", number).put("state", "open").put("title", title).put("draft", false);
        pr.putObject("user").put("login", author).put("type", "User");
        pr.putObject("head").put("sha", headSha).put("ref", "feature/" + number);
        pr.putObject("base").put("ref", base);
        ArrayNode ls = pr.putArray("labels");
        for (String label : labels) {
            ls.addObject().put("name", label);
        }
        server.stubFor(get(urlPathEqualTo("/repos/" + repository + "/pulls/" + number)).willReturn(okJson(pr.toString())));
    }

    /** A review as GitHub's REST API lists it. */
    public record Review(String login, String state, String commitId) {
    }

    /** Injected latency on every GitHub answer (benchmarks). */
    public void latency(int millis) {
        server.setGlobalFixedDelay(millis);
    }

    public void clearRequests() {
        server.resetRequests();
    }

    public int requestCount() {
        return server.getAllServeEvents().size();
    }

    /** Every request since the last clear, oldest first. */
    public List<LoggedRequest> requestsSince() {
        return chronological().stream().map(e -> (LoggedRequest) e.getRequest()).collect(Collectors.toList());
    }

    public long notModifiedSince() {
        return server.getAllServeEvents().stream().filter(e -> e.getResponse() != null && e.getResponse().getStatus() == 304).count();
    }

    public long checkRunCount(String name) {
        return checkRuns.all().stream().filter(r -> r.path("name").asText().equals(name)).count();
    }

    public String conclusion(String repository, String sha, String name) {
        ObjectNode run = checkRuns.latest(repository, sha, name);
        return run == null ? "" : run.path("conclusion").asText();
    }

    /** The app is installed on this organisation (what GET /app/installations lists). */
    public void installedOn(String org) {
        server.stubFor(get(urlPathEqualTo("/app/installations")).willReturn(okJson("[{\"id\":" + INSTALLATION_ID
                + ",\"app_id\":" + APP_ID + ",\"account\":{\"login\":\"" + org + "\",\"type\":\"Organization\"}}]")));
    }

    /** The repositories the installation can see (what the resync walks). */
    public void installationRepositories(String... fullNames) {
        ArrayNode list = mapper.createArrayNode();
        for (String name : fullNames) {
            list.addObject().put("full_name", name).put("name", name.substring(name.indexOf('/') + 1)).put("archived", false)
                    .put("default_branch", "main");
        }
        ObjectNode page = mapper.createObjectNode();
        page.put("total_count", fullNames.length).set("repositories", list);
        server.stubFor(get(urlPathEqualTo("/installation/repositories")).willReturn(okJson(page.toString())));
    }

    /** GitHub failing {@code rate} of the bot's calls from now on (0 stops); see {@link FaultInjector}. */
    public FaultInjector faults(double rate, long seed) {
        faults.fail(rate, seed);
        return faults;
    }

    /** An issue whose body the bot may rewrite (a release story). */
    public void issue(String repository, int number, String title, String body) {
        issues.put(repository, number, title, body);
    }

    public String issueBody(String repository, int number) {
        return issues.body(repository, number);
    }

    /** A comment a person makes on an issue or PR (listed by GET .../comments from then on). */
    public void comment(String repository, int number, long id, String author, String body) {
        issues.addComment(repository, number, id, author, body, false);
    }

    public List<com.fasterxml.jackson.databind.JsonNode> storedComments(String repository, int number) {
        return issues.comments(repository, number);
    }

    public void editIssue(String repository, int number, String body) {
        issues.edit(repository, number, body);
    }

    /** What {@code GET /search/issues} answers for a query containing {@code queryPart}. */
    public void search(String queryPart, String... itemsJson) {
        server.stubFor(get(urlPathEqualTo("/search/issues")).atPriority(5)
                .withQueryParam("q", com.github.tomakehurst.wiremock.client.WireMock.containing(queryPart))
                .willReturn(okJson("{\"total_count\":" + itemsJson.length + ",\"incomplete_results\":false,\"items\":["
                        + String.join(",", itemsJson) + "]}")));
    }

    /** A search result item: an issue or (pullRequest) PR of a repository. */
    public String searchItem(String repository, int number, String title, boolean pullRequest, String... labels) {
        ObjectNode item = mapper.createObjectNode();
        item.put("number", number).put("title", title).put("state", "open")
                .put("html_url", "https://github.com/" + repository + (pullRequest ? "/pull/" : "/issues/") + number)
                .put("repository_url", "http://127.0.0.1:" + server.port() + "/repos/" + repository);
        ArrayNode ls = item.putArray("labels");
        for (String l : labels) {
            ls.addObject().put("name", l);
        }
        if (pullRequest) {
            item.putObject("pull_request").put("url", "http://127.0.0.1/repos/" + repository + "/pulls/" + number);
        }
        return item.toString();
    }

    /** The releases of a repository, newest first: each {tag, prerelease ("true"/"false"), publishedAt}. */
    public void releases(String repository, String[]... releases) {
        ArrayNode list = mapper.createArrayNode();
        for (String[] r : releases) {
            list.addObject().put("tag_name", r[0]).put("prerelease", Boolean.parseBoolean(r[1])).put("draft", false)
                    .put("published_at", r[2]).put("html_url", "https://github.com/" + repository + "/releases/tag/" + r[0]);
        }
        server.stubFor(get(urlPathEqualTo("/repos/" + repository + "/releases")).atPriority(5).willReturn(okJson(list.toString())));
    }

    /** A person's permission on a repository (admin, write, read, none). */
    public void permission(String repository, String login, String permission) {
        server.stubFor(get(urlPathEqualTo("/repos/" + repository + "/collaborators/" + login + "/permission"))
                .willReturn(okJson("{\"permission\":\"" + permission + "\"}")));
    }

    /** The app's webhook deliveries as {@code GET /app/hook/deliveries} lists them; new attempts are answered 202. */
    public void webhookDeliveries(String... deliveriesJson) {
        server.stubFor(get(urlPathEqualTo("/app/hook/deliveries")).willReturn(okJson("[" + String.join(",", deliveriesJson) + "]")));
        server.stubFor(post(urlPathMatching("/app/hook/deliveries/\\d+/attempts")).willReturn(okJson("{}").withStatus(202)));
    }

    /** GitHub's secondary limit on writes, scaled: more than {@code limit} writes in any second get a 403. */
    public void limitWritesPerSecond(int limit) {
        writeLimiter.limit = limit;
    }

    public int writesRefused() {
        return writeLimiter.refused.get();
    }

    /** The open PRs of a repository, as {@code GET /repos/{repo}/pulls?state=open} lists them. */
    public void openPullRequests(String repository, int... numbers) {
        ArrayNode list = mapper.createArrayNode();
        for (int n : numbers) {
            list.addObject().put("number", n).put("state", "open");
        }
        server.stubFor(get(urlPathEqualTo("/repos/" + repository + "/pulls"))
                .withQueryParam("state", com.github.tomakehurst.wiremock.client.WireMock.equalTo("open"))
                .willReturn(okJson(list.toString())));
    }

    public void reviews(String repository, int number, Review... reviews) {
        ArrayNode list = mapper.createArrayNode();
        long id = 100;
        for (Review r : reviews) {
            ObjectNode review = list.addObject();
            review.put("id", id++).put("state", r.state()).put("commit_id", r.commitId())
                    .put("submitted_at", "2026-11-2" + Math.min(9, id - 100) + "T10:00:00Z");
            review.putObject("user").put("login", r.login()).put("type", r.login().endsWith("[bot]") ? "Bot" : "User");
        }
        server.stubFor(get(urlPathEqualTo("/repos/" + repository + "/pulls/" + number + "/reviews"))
                .willReturn(okJson(list.toString())));
    }

    /** A comment as GitHub's REST API lists it. */
    public record Comment(long id, String login, String body) {
    }

    public void comments(String repository, int number, Comment... comments) {
        ArrayNode list = mapper.createArrayNode();
        for (Comment c : comments) {
            ObjectNode comment = list.addObject();
            comment.put("id", c.id()).put("body", c.body()).put("created_at", "2026-11-24T10:00:00Z");
            comment.putObject("user").put("login", c.login()).put("type", "User");
        }
        server.stubFor(get(urlPathEqualTo("/repos/" + repository + "/issues/" + number + "/comments"))
                .willReturn(okJson(list.toString())));
    }

    public void team(String org, String slug, String... members) {
        ArrayNode list = mapper.createArrayNode();
        for (String m : members) {
            list.addObject().put("login", m).put("type", "User");
        }
        server.stubFor(get(urlPathEqualTo("/orgs/" + org + "/teams/" + slug + "/members")).willReturn(okJson(list.toString())));
    }

    public void user(String login, String company) {
        ObjectNode user = mapper.createObjectNode();
        user.put("login", login).put("type", "User");
        if (company != null) {
            user.put("company", company);
        } else {
            user.putNull("company");
        }
        server.stubFor(get(urlPathEqualTo("/users/" + login)).willReturn(okJson(user.toString())));
    }

    /** Requests the app sent, by method and path prefix (query ignored), oldest first. */
    public List<LoggedRequest> requests(String method, String pathPrefix) {
        return chronological().stream()
                .map(e -> e.getRequest())
                .filter(r -> r.getMethod().equals(RequestMethod.fromString(method)))
                .filter(r -> r.getUrl().split("\\?")[0].startsWith(pathPrefix))
                .map(r -> (LoggedRequest) r)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** Every write (POST, PATCH, PUT, DELETE) the app sent outside the app-token endpoints. */
    public List<LoggedRequest> writes() {
        return chronological().stream()
                .map(e -> (LoggedRequest) e.getRequest())
                .filter(r -> !r.getMethod().equals(RequestMethod.GET))
                .filter(r -> !r.getUrl().startsWith("/app/"))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private List<com.github.tomakehurst.wiremock.stubbing.ServeEvent> chronological() {
        List<com.github.tomakehurst.wiremock.stubbing.ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        java.util.Collections.reverse(events);
        return events;
    }

    /** The app's key pair: the app signs its JWT with the private key, tests verify it with the public one. */
    static final java.security.KeyPair APP_KEYS = appKeys();

    private static java.security.KeyPair appKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
