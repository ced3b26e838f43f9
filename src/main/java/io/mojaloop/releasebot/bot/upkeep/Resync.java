package io.mojaloop.releasebot.bot.upkeep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.kohsuke.github.GHAppInstallation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mojaloop.releasebot.bot.Observed;
import io.mojaloop.releasebot.bot.PullRequestRef;
import io.mojaloop.releasebot.bot.checks.EvaluatePullRequest;
import io.mojaloop.releasebot.bot.story.UpdateReleaseStory;
import io.mojaloop.releasebot.github.ConfigService;
import io.mojaloop.releasebot.github.GitHub;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import io.mojaloop.releasebot.github.model.Repository;
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
    GitHubApiFactory githubs;
    @Inject
    ConfigService configs;
    @Inject
    EvaluatePullRequest evaluations;
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

    @ConfigProperty(name = "release-bot.resync.concurrency", defaultValue = "8")
    int concurrency;

    public void run() throws IOException {
        List<GHAppInstallation> installations = clients.getApplicationClient().getApp().listInstallations().toList();
        Semaphore inFlight = new Semaphore(Math.max(1, concurrency));
        List<CompletableFuture<Void>> running = new ArrayList<>();
        int prs = 0;
        try {
            for (GHAppInstallation installation : installations) {
                prs += resync(installation, inFlight, running);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // the evaluations already queued finish, whatever happened to the listing: dropping them would throw
            // away work (and, under faults, keep every resync from ever completing one)
            try {
                CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                LOG.error("Resync evaluation failed", e.getCause());
            }
        }
        LOG.infof("Resync: %d installations, %d open pull requests evaluated", installations.size(), prs);
    }

    /** Queues every open PR of the installation's configured repositories, {@code concurrency} at a time. */
    private int resync(GHAppInstallation installation, Semaphore inFlight, List<CompletableFuture<Void>> running)
            throws InterruptedException {
        GitHub github = githubs.github(installation.getId());
        List<Repository> repos;
        try {
            repos = github.installationRepositories();
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Resync of installation %d: its repositories could not be listed (next run will try again): %s",
                    installation.getId(), e.getMessage());
            return 0;
        }
        int prs = 0;
        for (Repository repo : repos) {
            if (repo.archived()) {
                continue;
            }
            String fullName = repo.fullName();
            // one repository GitHub fails to answer for does not stop the others
            try {
                if (!configs.forRepository(github, fullName).configured()) {
                    continue;
                }
                Set<Integer> open = new HashSet<>();
                for (int number : github.openPullRequests(fullName)) {
                    open.add(number);
                    inFlight.acquire();
                    running.add(evaluations.requestAll(new PullRequestRef(installation.getId(), fullName, number))
                            .whenComplete((ok, failure) -> inFlight.release()));
                    prs++;
                }
                observed.keepOpen(fullName, open);
            } catch (IOException | RuntimeException e) {
                LOG.errorf("Resync of %s: its open pull requests could not be listed (next run will try again): %s",
                        fullName, e.getMessage());
            }
        }
        // on the story timer, like every rebuild: its searches may wait for GitHub's search rate limit, which a
        // scheduler thread (shared with request handling) must not do
        stories.request(installation.getId(), installation.getAccount().getLogin());
        return prs;
    }
}
