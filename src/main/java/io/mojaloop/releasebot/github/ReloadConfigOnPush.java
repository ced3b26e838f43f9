package io.mojaloop.releasebot.github;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.githubapp.GitHubEvent;
import io.quarkiverse.githubapp.event.Push;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A push to a default branch that touches a config file makes the bot forget what it parsed from it. */
@ApplicationScoped
public class ReloadConfigOnPush {

    @Inject
    ConfigService configs;

    void onPush(@Push GitHubEvent event) {
        JsonObject payload = event.getParsedPayload();
        JsonObject repository = payload.getJsonObject("repository");
        String defaultBranch = repository.getString("default_branch", repository.getString("master_branch", "main"));
        if (!("refs/heads/" + defaultBranch).equals(payload.getString("ref"))) {
            return;
        }
        String fullName = repository.getString("full_name");
        for (String path : touched(payload.getJsonArray("commits", new JsonArray()))) {
            if (ConfigService.isConfigPath(repository.getString("name"), path)) {
                configs.invalidate(fullName, path);
            }
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
