package io.mojaloop.releasebot.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mojaloop.releasebot.bot.checks.EvaluatePullRequest;
import io.mojaloop.releasebot.bot.checks.EvaluateReleaseFreeze;
import io.mojaloop.releasebot.bot.checks.EvaluateReviewRules;
import io.mojaloop.releasebot.bot.checks.PullRequestCheck;
import io.mojaloop.releasebot.bot.checks.PullRequestContext;
import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.ConfigLoader;
import io.mojaloop.releasebot.core.config.ConfigProblem;
import io.mojaloop.releasebot.core.config.ParsedConfig;
import io.mojaloop.releasebot.core.policy.ReviewFact;
import io.mojaloop.releasebot.core.policy.ReviewState;
import io.mojaloop.releasebot.github.ConfigService;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import io.mojaloop.releasebot.github.model.CheckRunOutput;
import io.quarkiverse.githubapp.GitHubClientProvider;
import io.vertx.core.http.HttpServerRequest;

/**
 * Read-only endpoints that write nothing to GitHub: {@code POST /api/v1/validate} checks a {@code release-bot.yml};
 * {@code POST /api/v1/preview} answers "would this PR pass on the 12th?" with both verdicts and their full text.
 * Protection: {@link ApiInputGuard} limits each client to {@code release-bot.api.requests-per-minute} and reads
 * the body within {@code release-bot.api.max-bytes} (256 KiB) before these methods run; previewing against an
 * organisation's live configuration ({@code org}) additionally needs the report token (wrong tokens are limited per
 * client, {@link RequestLimits}), since that reads the organisation's configuration through the app, and only for a
 * repository of that organisation.
 */
@Path("/api/v1")
public class ValidateAndPreview {

    @Inject
    ObjectMapper mapper;
    @Inject
    EvaluatePullRequest evaluations;
    @Inject
    RequestLimits limits;
    @Inject
    ConfigService configs;
    @Inject
    GitHubApiFactory githubs;
    @Inject
    GitHubClientProvider clients;

    @ConfigProperty(name = "release-bot.api.max-bytes", defaultValue = "262144")
    int maxBytes;
    @Inject
    ReportToken token;
    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServerRequest request;

    @POST
    @Path("/validate")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response validate(byte[] body, @QueryParam("file") String file) {
        Response refused = guard(body);
        if (refused != null) {
            return refused;
        }
        String name = file == null || file.isBlank() ? "release-bot.yml" : file;
        ParsedConfig parsed = name.endsWith(".github/release-bot.yml")
                ? ConfigLoader.load("org", null, name, new String(body, StandardCharsets.UTF_8))
                : ConfigLoader.parseOrg(name, new String(body, StandardCharsets.UTF_8));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("valid", parsed.ok());
        answer.put("problems", problems(parsed.problems()));
        return Response.ok(answer).build();
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response preview(byte[] body, @HeaderParam("Authorization") String authorization) throws IOException {
        Response refused = guard(body);
        if (refused != null) {
            return refused;
        }
        JsonNode in;
        try {
            in = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return error(400, "The body is not JSON: " + e.getOriginalMessage());
        }
        if (in == null || !in.isObject()) {
            return error(400, "The body must be a JSON object with config (or org), pullRequest and at.");
        }
        JsonNode pr = in.path("pullRequest");
        if (!pr.isObject() || !pr.path("repository").isTextual() || !pr.path("title").isTextual()) {
            return error(400, "pullRequest needs at least repository (\"owner/name\") and title.");
        }
        String repository = pr.path("repository").asText();
        if (!repository.matches("[^/\\s]+/[^/\\s]+")) {
            return error(400, "pullRequest.repository must be \"owner/name\".");
        }
        Instant at;
        try {
            at = in.hasNonNull("at") ? Instant.parse(in.path("at").asText()) : Instant.now();
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at == null) {
            try {
                at = OffsetDateTime.parse(in.path("at").asText()).toInstant();
            } catch (DateTimeParseException e) {
                return error(400, "at must be an instant such as 2027-01-12T09:00:00Z.");
            }
        }
        ParsedConfig parsed;
        if (in.hasNonNull("config")) {
            parsed = ConfigLoader.load("release-bot.yml", in.path("config").asText(), ".github/release-bot.yml",
                    in.hasNonNull("repoConfig") ? in.path("repoConfig").asText() : null);
        } else if (in.hasNonNull("org")) {
            String client = clientAddress.of(request);
            if (!limits.mayTryToken(client)) {
                return Response.status(429).header("Retry-After", "60").type(MediaType.APPLICATION_JSON)
                        .entity(Map.of("error", "Too many wrong tokens from this address: try again in a minute.")).build();
            }
            ReportToken.Check check = token.check(authorization);
            if (check == ReportToken.Check.WRONG) {
                limits.wrongToken(client);
            }
            if (check != ReportToken.Check.OK) {
                return error(401, "Previewing against an organisation's live configuration needs Authorization: Bearer <RELEASE_BOT_REPORT_TOKEN>; or send the config itself.");
            }
            String org = in.path("org").asText();
            String owner = repository.substring(0, repository.indexOf('/'));
            if (!owner.equalsIgnoreCase(org)) {
                return error(400, "pullRequest.repository must be a repository of " + org + " (the organisation whose configuration is used), not of " + owner + ".");
            }
            Optional<ConfigService.RepoConfig> live = liveConfig(org, repository);
            if (live.isEmpty()) {
                return error(404, "The bot is not installed on " + in.path("org").asText() + ".");
            }
            parsed = live.get().parsed();
        } else {
            return error(400, "Send config (the release-bot.yml text) or org (to use the live configuration).");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("at", at.toString());
        answer.put("validConfig", parsed.ok());
        if (!parsed.ok()) {
            answer.put("problems", problems(parsed.problems()));
            return Response.ok(answer).build();
        }
        BotConfig config = parsed.config();
        String headSha = pr.path("headSha").asText("0000000000000000000000000000000000000000");
        String base = pr.path("base").asText("main");
        List<String> labels = new ArrayList<>();
        pr.path("labels").forEach(l -> labels.add(l.asText()));
        List<ReviewFact> reviews = new ArrayList<>();
        Instant t = Instant.EPOCH;
        for (JsonNode r : pr.path("reviews")) {
            ReviewState state;
            try {
                state = ReviewState.valueOf(r.path("state").asText("APPROVED").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return error(400, "reviews[].state must be APPROVED, CHANGES_REQUESTED, COMMENTED or DISMISSED.");
            }
            t = t.plusSeconds(1);
            String login = r.path("login").asText();
            reviews.add(new ReviewFact(login, login.endsWith("[bot]"), state, r.path("commit").asText(headSha), t));
        }
        Map<String, String> companies = new LinkedHashMap<>();
        pr.path("companies").fields().forEachRemaining(e -> companies.put(e.getKey(), e.getValue().asText()));
        JsonNode ex = in.path("exceptions");
        Map<String, PullRequestContext.Grant> exceptions = new LinkedHashMap<>();
        if (ex.path("review").isObject()) {
            // a review exception holds on the commit it was granted on: the head unless the request names another
            exceptions.put(EvaluateReviewRules.EXCEPTION_COMMAND, new PullRequestContext.Grant(ex.path("review").path("by").asText(),
                    ex.path("review").path("reason").asText(), ex.path("review").path("commit").asText(headSha)));
        }
        if (ex.path("freeze").isObject()) {
            exceptions.put(EvaluateReleaseFreeze.EXCEPTION_COMMAND, new PullRequestContext.Grant(ex.path("freeze").path("by").asText(),
                    ex.path("freeze").path("reason").asText(), null));
        }
        PreviewPullRequest described = new PreviewPullRequest(repository, pr.path("author").asText(""), headSha, base,
                pr.path("title").asText(), labels, config, reviews, companies, exceptions);
        for (PullRequestCheck check : evaluations.all()) {
            answer.put(jsonKey(check.name()), output(check.evaluate(described, at)));
        }
        return Response.ok(answer).build();
    }

    /** {@code review-rules} -> {@code reviewRules}. */
    static String jsonKey(String checkName) {
        StringBuilder key = new StringBuilder();
        boolean upper = false;
        for (char c : checkName.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                key.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return key.toString();
    }

    private Optional<ConfigService.RepoConfig> liveConfig(String org, String repository) throws IOException {
        for (var installation : clients.getApplicationClient().getApp().listInstallations()) {
            if (installation.getAccount().getLogin().equalsIgnoreCase(org)) {
                return Optional.of(configs.forRepository(githubs.github(installation.getId()), repository));
            }
        }
        return Optional.empty();
    }

    /** The rate limit and the size were enforced before the body was read ({@link ApiInputGuard}); this is the backstop. */
    private Response guard(byte[] body) {
        if (body != null && body.length > maxBytes) {
            return error(413, "The body is larger than " + maxBytes + " bytes.");
        }
        return null;
    }

    private static Map<String, Object> output(CheckRunOutput o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.name());
        m.put("conclusion", o.conclusion());
        m.put("title", o.title());
        m.put("summary", o.summary());
        m.put("text", o.text());
        return m;
    }

    private static List<Map<String, Object>> problems(List<ConfigProblem> problems) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ConfigProblem p : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", p.file());
            m.put("line", p.line());
            m.put("column", p.column());
            m.put("message", p.message());
            list.add(m);
        }
        return list;
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
