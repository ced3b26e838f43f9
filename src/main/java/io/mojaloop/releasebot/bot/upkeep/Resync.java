package io.mojaloop.releasebot.bot.upkeep;

import io.mojaloop.releasebot.bot.Observed;
import io.mojaloop.releasebot.bot.PullRequestRef;
import io.mojaloop.releasebot.bot.checks.EvaluatePullRequest;
import io.mojaloop.releasebot.bot.story.UpdateReleaseStory;
import io.mojaloop.releasebot.github.ConfigService;
import io.mojaloop.releasebot.github.GitHubApi;
import io.mojaloop.releasebot.github.GitHubApiFactory;
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
 * every installation is evaluated again ({@code release-bot.resync.concurrency} PRs at a time, default 8; writes
 * are still paced by the write pacer). Verdicts that did not change write nothing.
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
    @Inject
    Observed observed;

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

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "release-bot.resync.concurrency", defaultValue = "8")
    int concurrency;

    public void run() throws IOException {
        List<GHAppInstallation> installations = clients.getApplicationClient().getApp().listInstallations().toList();
        int prs = 0;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, concurrency), r -> {
            Thread t = new Thread(r, "resync-evaluate");
            t.setDaemon(true);
            return t;
        });
        List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
        boolean interrupted = false;
        try {
            prs = resync(installations, pool, running);
        } finally {
            // the evaluations already started finish, whatever happened to the listing: interrupting them would
            // throw away work (and, under faults, keep every resync from ever completing one)
            for (java.util.concurrent.Future<?> f : running) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.error("Resync evaluation failed", e.getCause());
                }
            }
            if (interrupted) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            } else {
                pool.shutdown();
            }
        }
        LOG.infof("Resync: %d installations, %d open pull requests evaluated", installations.size(), prs);
    }

    private int resync(List<GHAppInstallation> installations, java.util.concurrent.ExecutorService pool,
            List<java.util.concurrent.Future<?>> running) throws IOException {
        int prs = 0;
        for (GHAppInstallation installation : installations) {
            GitHubApi api = apis.forInstallation(installation.getId());
            List<JsonNode> repos;
            try {
                repos = api.getAll("/installation/repositories");
            } catch (IOException | RuntimeException e) {
                LOG.errorf("Resync of installation %d: its repositories could not be listed (next run will try again): %s",
                        installation.getId(), e.getMessage());
                continue;
            }
            for (JsonNode repo : repos) {
                if (repo.path("archived").asBoolean(false)) {
                    continue;
                }
                String fullName = repo.path("full_name").asText();
                // one repository GitHub fails to answer for does not stop the others
                try {
                    if (!configs.forRepository(api, fullName).configured()) {
                        continue;
                    }
                    java.util.Set<Integer> open = new java.util.HashSet<>();
                    for (JsonNode pr : api.getAll("/repos/" + fullName + "/pulls?state=open")) {
                        PullRequestRef ref = new PullRequestRef(installation.getId(), fullName, pr.path("number").asInt());
                        open.add(ref.number());
                        running.add(pool.submit(() -> pullRequestChecks.evaluateQuietly(ref)));
                        prs++;
                    }
                    observed.keepOpen(fullName, open);
                } catch (IOException | RuntimeException e) {
                    LOG.errorf("Resync of %s: its open pull requests could not be listed (next run will try again): %s",
                            fullName, e.getMessage());
                }
            }
            try {
                stories.refreshAll(installation.getId(), installation.getAccount().getLogin());
            } catch (IOException | RuntimeException e) {
                LOG.errorf(e, "Resync of the release stories of installation %d failed", installation.getId());
            }
        }
        return prs;
    }
}
