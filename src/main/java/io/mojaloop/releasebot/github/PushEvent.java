package io.mojaloop.releasebot.github;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.githubapp.GitHubEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A {@code push} delivery, read from its payload: the repository, whether it went to the default branch, the paths
 * its commits touched and how many commits it listed (GitHub lists at most 20), and the installation (0 if none).
 */
public record PushEvent(long installationId, String repository, String repositoryName, boolean toDefaultBranch,
        int commits, List<String> touched) {

    public static PushEvent of(GitHubEvent event) {
        JsonObject payload = event.getParsedPayload();
        JsonObject repository = payload.getJsonObject("repository");
        String defaultBranch = repository.getString("default_branch", repository.getString("master_branch", "main"));
        JsonArray commits = payload.getJsonArray("commits", new JsonArray());
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
        JsonObject installation = payload.getJsonObject("installation");
        long installationId = installation != null && installation.containsKey("id") ? installation.getLong("id") : 0;
        return new PushEvent(installationId, repository.getString("full_name"), repository.getString("name"),
                ("refs/heads/" + defaultBranch).equals(payload.getString("ref")), commits.size(), List.copyOf(paths));
    }

    public String owner() {
        return repository.substring(0, repository.indexOf('/'));
    }
}
