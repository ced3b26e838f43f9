package io.mojaloop.releasebot.bot.checks;

import io.mojaloop.releasebot.github.GitHubApi;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes a whole check run for a commit, and only when it differs from the latest run of the same name by this app
 * on that commit: a redelivered event, a resync or a clock tick that changes nothing writes nothing.
 */
@ApplicationScoped
public class CheckRunWriter {

    private static final Logger LOG = Logger.getLogger(CheckRunWriter.class);

    /** Everything a person sees of a check run. Conclusion is a GitHub conclusion: success, failure, neutral. */
    public record CheckRunOutput(String name, String conclusion, String title, String summary, String text) {
    }

    @ConfigProperty(name = "quarkus.github-app.app-id", defaultValue = "0")
    String appId;

    final MeterRegistry registry;

    CheckRunWriter(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Returns true when something was written. */
    public boolean write(GitHubApi api, String repository, String headSha, CheckRunOutput output) throws IOException {
        return write(api, repository, headSha, output, latest(api, repository, headSha, output.name()));
    }

    /** Writes against check runs already listed with {@link #latestByName} (one listing for several checks). */
    public boolean write(GitHubApi api, String repository, String headSha, CheckRunOutput output,
            Map<String, JsonNode> existingByName) throws IOException {
        return write(api, repository, headSha, output, existingByName.get(output.name()));
    }

    private boolean write(GitHubApi api, String repository, String headSha, CheckRunOutput output, JsonNode existing)
            throws IOException {
        registry.counter("release_bot_verdicts", "check", output.name(), "conclusion", output.conclusion()).increment();
        if (existing != null && same(existing, output)) {
            LOG.debugf("%s on %s@%s unchanged (%s)", output.name(), repository, shortSha(headSha), output.title());
            return false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", output.name());
        body.put("head_sha", headSha);
        body.put("status", "completed");
        body.put("conclusion", output.conclusion());
        body.put("completed_at", Instant.now().toString());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", output.title());
        out.put("summary", truncate(output.summary()));
        out.put("text", truncate(output.text()));
        body.put("output", out);
        if (existing != null) {
            body.remove("head_sha");
            api.patch("/repos/" + repository + "/check-runs/" + existing.path("id").asLong(), body);
        } else {
            api.post("/repos/" + repository + "/check-runs", body);
        }
        LOG.infof("%s on %s@%s: %s (%s)", output.name(), repository, shortSha(headSha), output.conclusion(),
                output.title());
        return true;
    }

    /** The latest run of that name by this app on the commit, or null. */
    public JsonNode latest(GitHubApi api, String repository, String headSha, String name) throws IOException {
        return newestByName(api.get("/repos/" + repository + "/commits/" + headSha + "/check-runs?check_name="
                + GitHubApi.encode(name) + "&app_id=" + appId + "&filter=latest")).get(name);
    }

    /** The latest run of each name by this app on the commit, in one request. */
    public Map<String, JsonNode> latestByName(GitHubApi api, String repository, String headSha) throws IOException {
        return newestByName(api.get("/repos/" + repository + "/commits/" + headSha + "/check-runs?app_id=" + appId
                + "&filter=latest&per_page=100"));
    }

    private Map<String, JsonNode> newestByName(JsonNode page) {
        Map<String, JsonNode> newest = new java.util.HashMap<>();
        for (JsonNode run : page.path("check_runs")) {
            JsonNode app = run.path("app").path("id");
            if (!app.isMissingNode() && !app.isNull() && !app.asText().equals(appId)) {
                continue;
            }
            newest.merge(run.path("name").asText(), run, (a, b) -> b.path("id").asLong() > a.path("id").asLong() ? b : a);
        }
        return newest;
    }

    static boolean same(JsonNode run, CheckRunOutput output) {
        JsonNode out = run.path("output");
        return "completed".equals(run.path("status").asText())
                && Objects.equals(output.conclusion(), run.path("conclusion").asText(null))
                && norm(output.title()).equals(norm(out.path("title").asText(null)))
                && norm(truncate(output.summary())).equals(norm(out.path("summary").asText(null)))
                && norm(truncate(output.text())).equals(norm(out.path("text").asText(null)));
    }

    private static String norm(String s) {
        return s == null ? "" : s.replace("\r\n", "\n").strip();
    }

    /** GitHub refuses output fields over 65535 characters. */
    static String truncate(String s) {
        if (s == null || s.length() <= 65_000) {
            return s;
        }
        return s.substring(0, 65_000) + "\n\n(truncated)";
    }

    static String shortSha(String sha) {
        return sha == null || sha.length() < 7 ? String.valueOf(sha) : sha.substring(0, 7);
    }
}
