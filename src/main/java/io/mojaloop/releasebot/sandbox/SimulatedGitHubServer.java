package io.mojaloop.releasebot.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Serves a {@link SimulatedGitHub} over HTTP with the paths, status codes and JSON shapes of GitHub's REST API, so
 * the bot runs its production code paths against it (only the base URL and the credentials differ). Anything not
 * modelled answers 404 like GitHub does.
 */
public class SimulatedGitHubServer {

    private static final Logger LOG = Logger.getLogger(SimulatedGitHubServer.class);

    private final SimulatedGitHub github;
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private HttpServer server;

    public SimulatedGitHubServer(SimulatedGitHub github) {
        this.github = github;
    }

    public long requests() {
        return requests.get();
    }

    public long writes() {
        return writes.get();
    }

    public int start(Vertx vertx, String host, int port) throws Exception {
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            requests.incrementAndGet();
            if (!"GET".equals(ctx.request().method().name())) {
                writes.incrementAndGet();
            }
            LOG.debugf("simulated GitHub: %s %s", ctx.request().method(), ctx.request().uri());
            ctx.next();
        });
        router.route().handler(BodyHandler.create());
        String repo = "/repos/:owner/:repo";
        router.get("/app").handler(ctx -> json(ctx, 200, app()));
        router.get("/app/installations").handler(ctx -> json(ctx, 200, mapper.createArrayNode().add(installation(ctx))));
        router.get("/app/installations/:id").handler(ctx -> json(ctx, 200, installation(ctx)));
        router.post("/app/installations/:id/access_tokens").handler(ctx -> json(ctx, 201, mapper.createObjectNode()
                .put("token", "ghs_sandbox_installation_token").put("expires_at", "2099-01-01T00:00:00Z")));
        router.get("/rate_limit").handler(ctx -> json(ctx, 200, mapper.createObjectNode().set("rate",
                mapper.createObjectNode().put("limit", 5000).put("remaining", 5000).put("reset", 4102444800L))));
        router.get("/installation/repositories").handler(ctx -> {
            ArrayNode list = mapper.createArrayNode();
            for (String full : github.repositories()) {
                list.addObject().put("full_name", full).put("name", full.substring(full.indexOf('/') + 1))
                        .put("archived", false).put("default_branch", "main");
            }
            ObjectNode page = mapper.createObjectNode().put("total_count", list.size());
            page.set("repositories", list);
            json(ctx, 200, page);
        });
        router.getWithRegex("/repos/([^/]+)/([^/]+)/contents/(.+)").handler(ctx -> {
            String repository = ctx.pathParam("param0") + "/" + ctx.pathParam("param1");
            String path = ctx.pathParam("param2");
            String text = github.file(repository, path);
            if (text == null) {
                notFound(ctx);
                return;
            }
            ObjectNode content = mapper.createObjectNode();
            content.put("type", "file").put("encoding", "base64").put("path", path)
                    .put("name", path.substring(path.lastIndexOf('/') + 1))
                    .put("content", Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
            json(ctx, 200, content);
        });
        router.get(repo + "/pulls").handler(ctx -> json(ctx, 200, mapper.valueToTree(github.openPullRequests(repository(ctx)))));
        router.get(repo + "/pulls/:number").handler(ctx -> orNotFound(ctx, github.pullRequest(repository(ctx), number(ctx))));
        router.get(repo + "/pulls/:number/reviews").handler(ctx -> json(ctx, 200,
                mapper.valueToTree(github.reviews(repository(ctx), number(ctx)))));
        router.get(repo + "/issues/:number/comments").handler(ctx -> json(ctx, 200,
                mapper.valueToTree(github.comments(repository(ctx), number(ctx)))));
        router.post(repo + "/issues/:number/comments").handler(ctx -> json(ctx, 201,
                github.comment(repository(ctx), number(ctx), SimulatedGitHub.BOT_LOGIN, body(ctx).path("body").asText())));
        router.post(repo + "/issues/:number/labels").handler(ctx -> json(ctx, 200,
                github.addLabels(repository(ctx), number(ctx), body(ctx).path("labels"))));
        router.post(repo + "/issues/comments/:id/reactions").handler(ctx -> {
            github.react(Long.parseLong(ctx.pathParam("id")), body(ctx).path("content").asText());
            json(ctx, 201, mapper.createObjectNode().put("id", 1).put("content", body(ctx).path("content").asText()));
        });
        router.get(repo + "/issues/:number").handler(ctx -> orNotFound(ctx, github.issue(repository(ctx), number(ctx))));
        router.patch(repo + "/issues/:number").handler(ctx -> orNotFound(ctx,
                github.editIssue(repository(ctx), number(ctx), body(ctx))));
        router.get(repo + "/issues/:number/labels").handler(ctx -> json(ctx, 200, github.labelsOf(repository(ctx), number(ctx))));
        router.delete(repo + "/issues/:number/labels/:name").handler(ctx -> {
            github.removeLabel(repository(ctx), number(ctx), decode(ctx.pathParam("name")));
            json(ctx, 200, github.labelsOf(repository(ctx), number(ctx)));
        });
        router.get(repo + "/labels/:name").handler(ctx -> {
            String name = decode(ctx.pathParam("name"));
            if (github.hasLabel(repository(ctx), name)) {
                json(ctx, 200, mapper.createObjectNode().put("name", name));
            } else {
                notFound(ctx);
            }
        });
        router.post(repo + "/labels").handler(ctx -> {
            github.createLabel(repository(ctx), body(ctx).path("name").asText());
            json(ctx, 201, body(ctx));
        });
        router.get(repo + "/releases").handler(ctx -> json(ctx, 200, mapper.valueToTree(github.releases(repository(ctx)))));
        router.get(repo + "/collaborators/:login/permission").handler(ctx -> json(ctx, 200, mapper.createObjectNode()
                .put("permission", github.permission(repository(ctx), ctx.pathParam("login")))));
        router.get("/search/issues").handler(ctx -> {
            List<ObjectNode> items = github.search(ctx.queryParams().get("q"), "http://" + ctx.request().authority());
            ObjectNode page = mapper.createObjectNode().put("total_count", items.size()).put("incomplete_results", false);
            page.set("items", mapper.valueToTree(items));
            json(ctx, 200, page);
        });
        router.get(repo + "/commits/:sha/pulls").handler(ctx -> json(ctx, 200,
                mapper.valueToTree(github.pullRequestsWithHead(repository(ctx), ctx.pathParam("sha")))));
        router.get(repo + "/commits/:sha/check-runs").handler(ctx -> {
            List<ObjectNode> runs = github.checkRuns(repository(ctx), ctx.pathParam("sha"), ctx.queryParams().get("check_name"));
            ObjectNode page = mapper.createObjectNode().put("total_count", runs.size());
            page.set("check_runs", mapper.valueToTree(runs));
            json(ctx, 200, page);
        });
        router.post(repo + "/check-runs").handler(ctx -> json(ctx, 201, github.createCheckRun(repository(ctx), body(ctx))));
        router.patch(repo + "/check-runs/:id").handler(ctx -> orNotFound(ctx,
                github.updateCheckRun(repository(ctx), Long.parseLong(ctx.pathParam("id")), body(ctx))));
        router.get("/orgs/:org/teams/:slug/members").handler(ctx -> {
            List<String> members = github.teamMembers(ctx.pathParam("slug"));
            if (members == null) {
                notFound(ctx);
                return;
            }
            ArrayNode list = mapper.createArrayNode();
            members.forEach(m -> list.add(github.user(m)));
            json(ctx, 200, list);
        });
        router.get("/users/:login").handler(ctx -> json(ctx, 200, github.profile(ctx.pathParam("login"))));
        router.route().last().handler(this::notFound);

        CompletableFuture<HttpServer> started = new CompletableFuture<>();
        vertx.createHttpServer().requestHandler(router).listen(port, host).onComplete(ar -> {
            if (ar.succeeded()) {
                started.complete(ar.result());
            } else {
                started.completeExceptionally(ar.cause());
            }
        });
        server = started.get(30, TimeUnit.SECONDS);
        return server.actualPort();
    }

    public void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ObjectNode app() {
        ObjectNode app = mapper.createObjectNode().put("id", github.appId).put("slug", "mojaloop-release-bot")
                .put("name", "mojaloop-release-bot");
        app.putObject("owner").put("login", github.org).put("type", "Organization");
        return app;
    }

    private ObjectNode installation(RoutingContext ctx) {
        String base = "http://" + ctx.request().authority();
        ObjectNode installation = mapper.createObjectNode().put("id", github.installationId).put("app_id", github.appId)
                .put("access_tokens_url", base + "/app/installations/" + github.installationId + "/access_tokens")
                .put("repositories_url", base + "/installation/repositories");
        installation.putObject("account").put("login", github.org).put("type", "Organization");
        return installation;
    }

    private static String decode(String segment) {
        return java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String repository(RoutingContext ctx) {
        return ctx.pathParam("owner") + "/" + ctx.pathParam("repo");
    }

    private static int number(RoutingContext ctx) {
        return Integer.parseInt(ctx.pathParam("number"));
    }

    private JsonNode body(RoutingContext ctx) {
        try {
            return ctx.body() == null || ctx.body().length() == 0 ? mapper.createObjectNode() : mapper.readTree(ctx.body().asString());
        } catch (Exception e) {
            return mapper.createObjectNode();
        }
    }

    private void orNotFound(RoutingContext ctx, JsonNode value) {
        if (value == null) {
            notFound(ctx);
        } else {
            json(ctx, 200, value);
        }
    }

    private void notFound(RoutingContext ctx) {
        json(ctx, 404, mapper.createObjectNode().put("message", "Not Found")
                .put("documentation_url", "https://docs.github.com/rest"));
    }

    private void json(RoutingContext ctx, int status, JsonNode value) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("X-RateLimit-Limit", "5000").putHeader("X-RateLimit-Remaining", "4999")
                .putHeader("X-RateLimit-Reset", "4102444800").end(value.toString());
    }
}
