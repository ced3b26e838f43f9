package io.mojaloop.releasebot.bot;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Work that failed against GitHub (a 502 on a write, a timeout, a rate limit that outlasted the write wait) is done
 * again as a whole a little later, with fresh reads, instead of waiting for the hourly resync: after
 * {@code release-bot.retry.first-delay} (10s), then four times longer each time (40s, 2m40s, 10m40s), at most
 * {@code release-bot.retry.max-delay} (15m), each give or take a fifth at random, for
 * {@code release-bot.retry.attempts} (5) attempts; then the resync heals. Keyed by the work ("pr:org/repo#12",
 * "story:1/mojaloop"): a key that fails again while its retry waits keeps the one retry, and success forgets its
 * failures. At most 10 000 keys are followed at once (beyond that, failures are left to the resync).
 * <p>
 * Counted as {@code release_bot_retries_total{work}} (retries scheduled) and
 * {@code release_bot_retries_exhausted_total{work}} (work given up to the resync).
 */
@ApplicationScoped
public class RetryLater {

    private static final Logger LOG = Logger.getLogger(RetryLater.class);
    static final int MAX_FOLLOWED = 10_000;

    @ConfigProperty(name = "release-bot.retry.attempts", defaultValue = "5")
    int attempts;

    @ConfigProperty(name = "release-bot.retry.first-delay", defaultValue = "10s")
    Duration firstDelay;

    @ConfigProperty(name = "release-bot.retry.max-delay", defaultValue = "15m")
    Duration maxDelay;

    @Inject
    MeterRegistry registry;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "retry-later");
        t.setDaemon(true);
        return t;
    });

    private static final class Failing {
        int retries;
        ScheduledFuture<?> pending;
        /** A retry is scheduled and has not started (set before scheduling, cleared first thing when it runs). */
        volatile boolean waiting;
        /** When the retry last ran (System.nanoTime); 0 before. */
        volatile long ranAt;
    }

    private final Map<String, Failing> failing = new ConcurrentHashMap<>();

    /**
     * The work of this key failed: schedules {@code retry} (which should queue the work again) after the next
     * delay. Answers the delay, or empty when the attempts are used up (or too many keys are failing) and the
     * resync is left to heal.
     */
    public Optional<Duration> failed(String work, String key, Runnable retry) {
        if (failing.size() >= MAX_FOLLOWED / 2) {
            forgetSilent();
        }
        Duration[] delay = { null };
        boolean[] crowded = { false };
        boolean[] scheduled = { false };
        failing.compute(key, (k, state) -> {
            if (state == null) {
                if (failing.size() >= MAX_FOLLOWED) {
                    crowded[0] = true;
                    return null;
                }
                state = new Failing();
            }
            if (state.waiting) {
                delay[0] = state.pending == null ? Duration.ZERO
                        : Duration.ofMillis(Math.max(0, state.pending.getDelay(TimeUnit.MILLISECONDS)));
                return state; // one retry waits already: it will read everything afresh
            }
            if (state.retries >= attempts) {
                return null;
            }
            Duration next = delay(state.retries + 1);
            Failing s = state;
            state.waiting = true;
            try {
                state.pending = timer.schedule(() -> {
                    s.waiting = false; // from here on, a failure of the work schedules the next retry
                    s.ranAt = System.nanoTime();
                    try {
                        retry.run();
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "Retry of %s could not be queued (the resync will heal)", key);
                    }
                }, next.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                state.waiting = false;
                return null; // shutting down
            }
            state.retries++;
            delay[0] = next;
            scheduled[0] = true;
            return state;
        });
        if (delay[0] == null) {
            registry.counter("release_bot_retries_exhausted", "work", work).increment();
            if (crowded[0]) {
                LOG.warnf("%s failed; %d other failures are being retried already: left to the resync", key, MAX_FOLLOWED);
            } else {
                LOG.warnf("%s failed %d times in a row: left to the resync", key, attempts + 1);
            }
            return Optional.empty();
        }
        if (scheduled[0]) {
            registry.counter("release_bot_retries", "work", work).increment();
            LOG.infof("%s failed: done again in %d ms", key, delay[0].toMillis());
        }
        return Optional.of(delay[0]);
    }

    /** The work of this key went through: its failures are forgotten and a retry still waiting is called off. */
    public void succeeded(String key) {
        Failing state = failing.remove(key);
        if (state != null && state.pending != null) {
            state.pending.cancel(false);
        }
    }

    /**
     * Forgets keys whose retry ran long ago without news (its work was refused by a full queue, say): they are the
     * resync's now, and must not keep newer failures from being followed.
     */
    private void forgetSilent() {
        long stale = System.nanoTime() - 2 * Math.max(maxDelay.toNanos(), Duration.ofMinutes(1).toNanos());
        failing.entrySet().removeIf(e -> {
            Failing state = e.getValue();
            return !state.waiting && state.ranAt != 0 && state.ranAt < stale;
        });
    }

    /** Retries scheduled or waiting, by key (the dashboard, tests). */
    public int following() {
        return failing.size();
    }

    /** The delay before retry number {@code n} (1 = the first): four times the one before, capped, ±20 %. */
    Duration delay(int n) {
        double base = firstDelay.toMillis() * Math.pow(4, n - 1);
        double capped = Math.min(base, maxDelay.toMillis());
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) (capped * jitter));
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
