package io.mojaloop.releasebot.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.mojaloop.releasebot.bot.story.UpdateReleaseStory;
import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.core.config.GateKind;
import io.mojaloop.releasebot.core.report.TtkVerdict;
import io.mojaloop.releasebot.core.report.TtkRecord;
import io.mojaloop.releasebot.core.report.TtkReport;
import io.mojaloop.releasebot.core.report.TtkReportParser;
import io.mojaloop.releasebot.github.AppIdentity;
import io.mojaloop.releasebot.github.GitHub;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import io.mojaloop.releasebot.github.ReleaseLocator;
import io.mojaloop.releasebot.github.model.Comment;
import io.mojaloop.releasebot.render.Texts;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code POST /api/v1/releases/{version}/ttk-reports[?environment=dev]}: a Testing Toolkit report becomes one
 * summary comment on the release's story (with a machine-readable line the story rebuild reads back), and the
 * story is rebuilt. {@code Authorization: Bearer <RELEASE_BOT_REPORT_TOKEN>}, compared in constant time.
 * Bad input changes nothing: 401/403 auth, 413 too large, 400 not a report, 404 unknown version. A client that sent
 * {@code release-bot.api.failed-tokens-per-minute} wrong tokens gets 429 (no token checked) until its budget refills.
 */
@Path("/api/v1/releases/{version}/ttk-reports")
public class ReceiveTtkReport {

    private static final Logger LOG = Logger.getLogger(ReceiveTtkReport.class);

    @Inject
    ReportToken token;
    @ConfigProperty(name = "release-bot.reports.max-bytes", defaultValue = "10485760")
    long maxBytes;

    @Inject
    ReleaseLocator locator;
    @Inject
    GitHubApiFactory githubs;
    @Inject
    AppIdentity identity;
    @Inject
    UpdateReleaseStory stories;
    @Inject
    Texts texts;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry registry;
    @Inject
    RequestLimits limits;
    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServerRequest request;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("version") String version, @QueryParam("environment") String environment,
            @QueryParam("org") String org, @HeaderParam("Authorization") String authorization, InputStream body)
            throws IOException {
        String client = clientAddress.of(request);
        if (!limits.mayTryToken(client)) {
            registry.counter("release_bot_ttk_reports_refused", "status", "429").increment();
            return Response.status(429).header("Retry-After", "60").type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "Too many wrong tokens from this address: try again in a minute.")).build();
        }
        switch (token.check(authorization)) {
            case NOT_CONFIGURED -> {
                return refuse(503, "Reports are not accepted: RELEASE_BOT_REPORT_TOKEN is not set on the bot.");
            }
            case MISSING -> {
                return refuse(401, "Send the report token: Authorization: Bearer <RELEASE_BOT_REPORT_TOKEN>.");
            }
            case WRONG -> {
                limits.wrongToken(client);
                return refuse(403, "The report token is wrong.");
            }
            case OK -> {
            }
        }
        byte[] bytes = readAtMost(body, maxBytes);
        if (bytes == null) {
            return refuse(413, "The report is larger than " + maxBytes + " bytes (release-bot.reports.max-bytes).");
        }
        JsonNode json;
        try {
            json = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            return refuse(400, "The body is not JSON: " + e.getOriginalMessage());
        }
        TtkReport report;
        try {
            report = TtkReportParser.parse(json);
        } catch (TtkReportParser.InvalidReport e) {
            return refuse(400, e.getMessage());
        }
        String env = environment == null || environment.isBlank() ? null : environment.trim().toLowerCase(Locale.ROOT);
        if (env != null && !env.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            return refuse(400, "environment must be a short name such as dev or qa.");
        }
        Optional<ReleaseLocator.Located> located = locator.find(version, org);
        if (located.isEmpty()) {
            return refuse(404, "No release " + version + " in the configuration of any organisation the bot is installed on.");
        }
        ReleaseLocator.Located where = located.get();
        if (where.release().story() == null) {
            return refuse(422, "Release " + where.release().version() + " has no story issue to record the report on (story: in release-bot.yml).");
        }
        Matcher m = Pattern.compile("([^/\\s]+/[^#\\s]+)#(\\d+)").matcher(where.release().story());
        if (!m.matches()) {
            return refuse(422, "The story of " + where.release().version() + " is not an issue reference.");
        }
        String storyRepo = m.group(1);
        int number = Integer.parseInt(m.group(2));
        GitHub github = githubs.github(where.installationId());
        TtkRecord record = TtkRecord.of(report, env);
        List<Gate> decided = where.config().gates().stream()
                .filter(g -> g.kind() == GateKind.TTK && g.ttkSuite().trim().equalsIgnoreCase(report.suite())
                        && (g.environment() == null || g.environment().equalsIgnoreCase(String.valueOf(env))))
                .toList();
        TtkVerdict verdict = TtkVerdict.of(report, decided);
        List<String> gates = verdict.gates();
        boolean passed = verdict.passed();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("release", where.release().version());
        answer.put("story", where.release().story());
        answer.put("suite", report.suite());
        answer.put("environment", env);
        answer.put("assertions", Map.of("total", report.total(), "passed", report.passed(), "failed", report.failed(),
                "skipped", report.skipped()));
        answer.put("result", passed ? "passed" : "failed");
        if (!verdict.skippedGates().isEmpty()) {
            answer.put("skipped-not-allowed", verdict.skippedGates());
        }
        answer.put("gates", gates);
        if (gates.isEmpty()) {
            answer.put("warning", "No gate has ttk-suite \"" + report.suite() + "\"" + (env == null ? "" : " for environment " + env)
                    + ": the report is recorded on the story but decides no gate.");
        }
        if (alreadyRecorded(github, storyRepo, number, record)) {
            answer.put("recorded", "already");
            return Response.ok(answer).build();
        }
        String comment = texts.render("reports/ttk-comment.md", Map.of("r", report, "env", env == null ? "" : env,
                "release", where.release(), "gates", gates, "skippedGates", verdict.skippedGates(), "held", verdict.held(), "line", record.line()));
        Comment created = github.comment(storyRepo, number, comment);
        answer.put("comment", created.htmlUrl());
        registry.counter("release_bot_ttk_reports", "result", passed ? "passed" : "failed").increment();
        LOG.infof("TTK report %s (%s) for %s: %d/%d passed, %d failed, %d skipped", report.suite(), env, where.release().version(),
                report.passed(), report.total(), report.failed(), report.skipped());
        // answered once recorded: the story is rebuilt on the story timer (its searches may wait for GitHub's rate
        // limit, which must not hold this request's thread)
        stories.requestAfterStoryComment(where.installationId(), where.org());
        return Response.status(201).entity(answer).build();
    }

    /** The same report (id, suite, environment) already has a summary by the bot on the story: don't post it twice. */
    private boolean alreadyRecorded(GitHub github, String repo, int number, TtkRecord record) throws IOException {
        if (record.reportId() == null) {
            return false;
        }
        for (Comment c : github.comments(repo, number)) {
            if (!identity.isOwn(c)) {
                continue;
            }
            Optional<TtkRecord> existing = TtkRecord.read(c.body());
            if (existing.isPresent() && record.reportId().equals(existing.get().reportId())
                    && record.suite().equals(existing.get().suite())
                    && Objects.equals(record.environment(), existing.get().environment())) {
                return true;
            }
        }
        return false;
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        if (in == null) {
            return out.toByteArray();
        }
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private Response refuse(int status, String message) {
        registry.counter("release_bot_ttk_reports_refused", "status", String.valueOf(status)).increment();
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
