package io.mojaloop.releasebot.github;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.kohsuke.github.GHAppInstallation;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.githubapp.GitHubClientProvider;
import io.quarkus.scheduler.Scheduled;

/**
 * Heals whatever a lost webhook, a failed handler or a restart left behind: shortly after start and then
 * periodically ({@code release-bot.resync.every}, default hourly), every open PR of every configured repository of
 * every installation is evaluated again. Verdicts that did not change write nothing.
 */
@ApplicationScoped
public class Resync {

    private static final Logger LOG = Logger.getLogger(Resync.class);

    @Inject
    GitHubClientProvider clients;
    @Inject
    GitHubApiFactory apis;
    @Inject
    ConfigService configs;
    @Inject
    EvaluatePullRequest pullRequestChecks;
    @Inject
    MeterRegistry registry;
    @Inject
    UpdateReleaseStory stories;

    @Scheduled(every = "${release-bot.resync.every:1h}", delayed = "${release-bot.resync.initial-delay:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Timer.Sample sample = Timer.start(registry);
        try {
            run();
        } catch (IOException | RuntimeException e) {
            LOG.error("Resync failed (next run will try again)", e);
        } finally {
            sample.stop(registry.timer("release_bot_resync_duration"));
        }
    }

    public void run() throws IOException {
        List<GHAppInstallation> installations = clients.getApplicationClient().getApp().listInstallations().toList();
        int prs = 0;
        for (GHAppInstallation installation : installations) {
            GitHubApi api = apis.forInstallation(installation.getId());
            for (JsonNode repo : api.getAll("/installation/repositories")) {
                if (repo.path("archived").asBoolean(false)) {
                    continue;
                }
                String fullName = repo.path("full_name").asText();
                if (!configs.forRepository(api, fullName).configured()) {
                    continue;
                }
                for (JsonNode pr : api.getAll("/repos/" + fullName + "/pulls?state=open")) {
                    PullRequestRef ref = new PullRequestRef(installation.getId(), fullName, pr.path("number").asInt());
                    pullRequestChecks.evaluateQuietly(ref);
                    prs++;
                }
            }
            try {
                stories.refreshAll(installation.getId(), installation.getAccount().getLogin());
            } catch (IOException | RuntimeException e) {
                LOG.errorf(e, "Resync of the release stories of installation %d failed", installation.getId());
            }
        }
        LOG.infof("Resync: %d installations, %d open pull requests evaluated", installations.size(), prs);
    }
}
