package io.mojaloop.releasebot.bot.upkeep;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.bot.story.UpdateReleaseStory;
import io.mojaloop.releasebot.github.ConfigService;
import io.quarkiverse.githubapp.GitHubEvent;
import io.quarkiverse.githubapp.event.Push;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A push to a default branch that touches a config file makes the bot forget what it parsed from it. GitHub lists
 * at most 20 commits in a push event: with 20 or more, both config files are forgotten, to be safe. Any push to a
 * default branch also asks for the organisation's release stories to be rebuilt (release notes and repository
 * standards may have changed).
 */
@ApplicationScoped
public class ReloadConfigOnPush {

    @Inject
    ConfigService configs;
    @Inject
    UpdateReleaseStory stories;

    void onPush(@Push GitHubEvent event) {
        JsonObject payload = event.getParsedPayload();
        JsonObject repository = payload.getJsonObject("repository");
        String defaultBranch = repository.getString("default_branch", repository.getString("master_branch", "main"));
        if (!("refs/heads/" + defaultBranch).equals(payload.getString("ref"))) {
            return;
        }
        String fullName = repository.getString("full_name");
        JsonArray commits = payload.getJsonArray("commits", new JsonArray());
        if (commits.size() >= 20) {
            configs.invalidate(fullName, ConfigService.REPO_CONFIG_PATH);
            configs.invalidate(fullName, ConfigService.ORG_CONFIG_PATH);
        }
        for (String path : touched(commits)) {
            if (ConfigService.isConfigPath(repository.getString("name"), path)) {
                configs.invalidate(fullName, path);
            }
        }
        JsonObject installation = payload.getJsonObject("installation");
        if (installation != null && installation.containsKey("id")) {
            stories.request(installation.getLong("id"), fullName.substring(0, fullName.indexOf('/')));
        }
    }

    static List<String> touched(JsonArray commits) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < commits.size(); i++) {
            JsonObject commit = commits.getJsonObject(i);
            for (String kind : List.of("added", "modified", "removed")) {
                JsonArray files = commit.getJsonArray(kind, new JsonArray());
                for (int j = 0; j < files.size(); j++) {
                    paths.add(files.getString(j));
                }
            }
        }
        return paths;
    }
}
