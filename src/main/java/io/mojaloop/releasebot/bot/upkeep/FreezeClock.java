package io.mojaloop.releasebot.bot.upkeep;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.mojaloop.releasebot.bot.PullRequestRef;
import io.mojaloop.releasebot.bot.checks.EvaluatePullRequest;
import io.mojaloop.releasebot.bot.checks.Trigger;
import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.FreezeWindows;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.policy.FreezePolicy;
import io.mojaloop.releasebot.github.ConfigService;
import io.mojaloop.releasebot.github.GitHubApiFactory;

/**
 * Flips {@code release-freeze} on the clock, with no webhook: a timer is armed for the next window boundary (a
 * freeze starting, or a release date ending it) of every organisation calendar the bot knows, and re-armed whenever
 * a configuration is read again. When it fires, the open PRs of the repositories of every release with a boundary
 * just passed are re-evaluated through the one evaluation trip, for the checks that declare
 * {@link Trigger#FREEZE_BOUNDARY} (unchanged verdicts write nothing; writes are paced).
 */
@ApplicationScoped
public class FreezeClock {

    private static final Logger LOG = Logger.getLogger(FreezeClock.class);

    @Inject
    Clock clock;
    @Inject
    GitHubApiFactory githubs;
    @Inject
    EvaluatePullRequest evaluations;

    @ConfigProperty(name = "release-bot.freeze-clock.delay-after-boundary", defaultValue = "1s")
    Duration delayAfterBoundary;

    /** PRs evaluated at once after a boundary: their reads overlap; writes stay paced by the write pacer. */
    @ConfigProperty(name = "release-bot.freeze-clock.concurrency", defaultValue = "8")
    int concurrency;

    private record Calendar(long installationId, BotConfig config) {
    }

    private final Map<String, Calendar> calendars = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "freeze-clock");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> armed;
    private Instant armedFor;
    private volatile Instant lastFired;

    void onConfig(@Observes ConfigService.OrgConfigLoaded loaded) {
        if (!loaded.parsed().ok()) {
            calendars.remove(loaded.org().toLowerCase(Locale.ROOT));
        } else {
            calendars.put(loaded.org().toLowerCase(Locale.ROOT), new Calendar(loaded.installationId(), loaded.parsed().config()));
        }
        rearm();
    }

    /** The instant the timer is armed for, if any (for the dashboard and tests). */
    public synchronized Optional<Instant> armedFor() {
        return Optional.ofNullable(armedFor);
    }

    synchronized void rearm() {
        Instant now = clock.instant();
        if (lastFired == null) {
            lastFired = now;
        }
        Instant next = null;
        for (Calendar calendar : calendars.values()) {
            Optional<Instant> boundary = FreezePolicy.nextBoundary(calendar.config(), now);
            if (boundary.isPresent() && (next == null || boundary.get().isBefore(next))) {
                next = boundary.get();
            }
        }
        if (next != null && next.equals(armedFor)) {
            return;
        }
        if (armed != null) {
            armed.cancel(false);
            armed = null;
        }
        armedFor = next;
        if (next != null) {
            long delay = Math.max(0, Duration.between(now, next).plus(delayAfterBoundary).toMillis());
            armed = timer.schedule(this::fire, delay, TimeUnit.MILLISECONDS);
            LOG.infof("Freeze clock armed for %s (in %d s)", next, delay / 1000);
        }
    }

    void fire() {
        Instant now = clock.instant();
        Instant since = lastFired;
        lastFired = now;
        synchronized (this) {
            armed = null;
            armedFor = null;
        }
        try {
            for (Map.Entry<String, Calendar> entry : calendars.entrySet()) {
                Set<String> repos = new LinkedHashSet<>();
                for (Release release : entry.getValue().config().releases()) {
                    FreezeWindows w = FreezeWindows.of(release, entry.getValue().config().freeze());
                    if (crossed(w.featureFreezeStart(), since, now) || crossed(w.bugfixFreezeStart(), since, now)
                            || crossed(w.releaseAt(), since, now)) {
                        LOG.infof("Freeze window boundary of %s %s passed: re-evaluating %s", entry.getKey(),
                                release.version(), release.repos());
                        repos.addAll(release.repos());
                    }
                }
                for (String repo : repos) {
                    reevaluateOpenPullRequests(entry.getValue().installationId(), entry.getKey(), repo);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Freeze clock run failed (the resync will heal)", e);
        } finally {
            rearm();
        }
    }

    /** Queues the checks a freeze boundary concerns for every open PR of the repository, and waits for them. */
    private void reevaluateOpenPullRequests(long installationId, String org, String repo) {
        String repository = repo.contains("/") ? repo : org + "/" + repo;
        Semaphore inFlight = new Semaphore(Math.max(1, concurrency));
        List<CompletableFuture<Void>> running = new ArrayList<>();
        try {
            for (int number : githubs.github(installationId).openPullRequests(repository)) {
                inFlight.acquire();
                running.add(evaluations.request(new PullRequestRef(installationId, repository, number), Trigger.FREEZE_BOUNDARY)
                        .whenComplete((ok, failure) -> inFlight.release()));
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.errorf(e, "Re-evaluation of %s failed (the resync will heal)", repository);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Could not list open PRs of %s (the resync will heal)", repository);
        }
    }

    private static boolean crossed(Instant boundary, Instant since, Instant now) {
        return boundary != null && boundary.isAfter(since) && !boundary.isAfter(now);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
