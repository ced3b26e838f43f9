package io.mojaloop.releasebot.bot.checks;

import io.mojaloop.releasebot.bot.PullRequestRef;
import io.mojaloop.releasebot.github.ConfigService;
import io.mojaloop.releasebot.github.GitHubApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.mojaloop.releasebot.core.config.ParsedConfig;
import io.mojaloop.releasebot.render.Texts;

/** Reads what every PR check needs: the PR as GitHub has it now, and the configuration that applies to it. */
@ApplicationScoped
public class PullRequests {

    private static final Logger LOG = Logger.getLogger(PullRequests.class);

    @Inject
    ConfigService configs;
    @Inject
    Texts texts;

    /** A PR as read from GitHub for one evaluation. Comments are read on first use. */
    public static final class Snapshot {
        private final PullRequestRef ref;
        private final JsonNode json;
        private final ConfigService.RepoConfig config;
        private List<JsonNode> comments;

        Snapshot(PullRequestRef ref, JsonNode json, ConfigService.RepoConfig config) {
            this.ref = ref;
            this.json = json;
            this.config = config;
        }

        public PullRequestRef ref() {
            return ref;
        }

        public ConfigService.RepoConfig config() {
            return config;
        }

        public String author() {
            return json.path("user").path("login").asText();
        }

        public String headSha() {
            return json.path("head").path("sha").asText();
        }

        public String baseBranch() {
            return json.path("base").path("ref").asText();
        }

        public String title() {
            return json.path("title").asText("");
        }

        public boolean open() {
            return "open".equals(json.path("state").asText());
        }

        public Set<String> labels() {
            Set<String> labels = new LinkedHashSet<>();
            for (JsonNode label : json.path("labels")) {
                labels.add(label.path("name").asText());
            }
            return labels;
        }

        public List<JsonNode> comments(GitHubApi api) throws IOException {
            if (comments == null) {
                comments = new ArrayList<>(api.getAll("/repos/" + ref.repository() + "/issues/" + ref.number() + "/comments"));
            }
            return comments;
        }
    }

    /**
     * The PR and its configuration; null when there is nothing to evaluate (the repository is not configured, the
     * PR does not exist or is closed).
     */
    public Snapshot load(GitHubApi api, PullRequestRef ref) throws IOException {
        ConfigService.RepoConfig config = configs.forRepository(api, ref.repository());
        if (!config.configured()) {
            LOG.debugf("%s: no release-bot.yml for this repository or its organisation, nothing to check", ref);
            return null;
        }
        var json = api.find("/repos/" + ref.repository() + "/pulls/" + ref.number());
        if (json.isEmpty()) {
            return null;
        }
        Snapshot snapshot = new Snapshot(ref, json.get(), config);
        return snapshot.open() ? snapshot : null;
    }

    /** A failing check run that says what is wrong with the configuration, file:line:column. */
    public CheckRunWriter.CheckRunOutput configErrorOutput(String check, ParsedConfig parsed) {
        Map<String, Object> data = Map.of("check", check, "problems", parsed.problems());
        return new CheckRunWriter.CheckRunOutput(check, "failure",
                texts.fragment("checks/config-error.md", "title", data),
                texts.fragment("checks/config-error.md", "summary", data),
                texts.fragment("checks/config-error.md", "text", data));
    }
}
