package io.mojaloop.releasebot.bot.checks;

import io.mojaloop.releasebot.bot.PullRequestRef;
import io.mojaloop.releasebot.github.GitHubApi;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.githubapp.GitHubEvent;
import io.quarkiverse.githubapp.event.CheckRun;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * "Re-run" on one of the bot's check runs: the check is evaluated again from GitHub's current state. The PRs come
 * from the check run's payload, or, when GitHub leaves that list empty (PRs from forks), from the commit.
 */
@ApplicationScoped
public class RerunRequestedChecks {

    private static final Logger LOG = Logger.getLogger(RerunRequestedChecks.class);

    @Inject
    GitHubApiFactory apis;
    @Inject
    Instance<PullRequestCheck> checks;

    void onRerequest(@CheckRun.Rerequested GitHubEvent event) {
        JsonObject payload = event.getParsedPayload();
        JsonObject checkRun = payload.getJsonObject("check_run");
        String name = checkRun.getString("name");
        String repository = payload.getJsonObject("repository").getString("full_name");
        long installationId = event.getInstallationId();
        PullRequestCheck check = checks.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        if (check == null) {
            return; // another app's check
        }
        try {
            JsonArray prs = checkRun.getJsonArray("pull_requests", new JsonArray());
            if (prs.isEmpty()) {
                GitHubApi api = apis.forInstallation(installationId);
                for (var pr : api.getAll("/repos/" + repository + "/commits/" + checkRun.getString("head_sha") + "/pulls")) {
                    if ("open".equals(pr.path("state").asText())) {
                        check.evaluate(new PullRequestRef(installationId, repository, pr.path("number").asInt()));
                    }
                }
            }
            for (int i = 0; i < prs.size(); i++) {
                check.evaluate(new PullRequestRef(installationId, repository, prs.getJsonObject(i).getInteger("number")));
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Re-run of %s on %s failed", name, repository);
        }
    }
}
