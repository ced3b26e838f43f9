package io.mojaloop.releasebot.github;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.githubapp.GitHubEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A {@code check_run.rerequested} delivery, read from its payload: which check, on which commit, and the PRs GitHub
 * lists for it (empty for PRs from forks).
 */
public record CheckRunRerequest(long installationId, String repository, String name, String headSha,
        List<Integer> pullRequests) {

    public static CheckRunRerequest of(GitHubEvent event) {
        JsonObject payload = event.getParsedPayload();
        JsonObject checkRun = payload.getJsonObject("check_run");
        JsonArray prs = checkRun.getJsonArray("pull_requests", new JsonArray());
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < prs.size(); i++) {
            numbers.add(prs.getJsonObject(i).getInteger("number"));
        }
        return new CheckRunRerequest(event.getInstallationId(), payload.getJsonObject("repository").getString("full_name"),
                checkRun.getString("name"), checkRun.getString("head_sha"), List.copyOf(numbers));
    }
}
