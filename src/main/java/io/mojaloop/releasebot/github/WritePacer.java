package io.mojaloop.releasebot.github;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps content-creating requests (POST, PATCH, PUT, DELETE) under GitHub's secondary rate limits without slowing
 * an idle bot: per installation, a {@link WriteBudget} counts writes in sliding windows of a minute
 * ({@code release-bot.github.writes-per-minute}, 80) and an hour ({@code release-bot.github.writes-per-hour}, 500),
 * as GitHub counts them. A write waits only when a window is full; after GitHub refuses one anyway, writes are held
 * back for its {@code Retry-After} and the per-minute allowance is lowered for
 * {@code release-bot.github.learned-limit-for} (15m). With {@code RELEASE_BOT_DRY_RUN=true} no write is sent: each
 * is logged instead.
 */
@ApplicationScoped
public class WritePacer {

    private static final Logger LOG = Logger.getLogger(WritePacer.class);

    @ConfigProperty(name = "release-bot.github.writes-per-minute", defaultValue = "80")
    int writesPerMinute;

    @ConfigProperty(name = "release-bot.github.writes-per-hour", defaultValue = "500")
    int writesPerHour;

    @ConfigProperty(name = "release-bot.github.learned-limit-for", defaultValue = "15m")
    Duration learnedLimitFor;

    /** The window GitHub counts {@code writes-per-minute} over: a minute, scaled down only by tests and benchmarks. */
    @ConfigProperty(name = "release-bot.github.write-window", defaultValue = "1m")
    Duration writeWindow = Duration.ofMinutes(1);

    @ConfigProperty(name = "release-bot.dry-run", defaultValue = "false")
    boolean dryRun;

    @Inject
    MeterRegistry registry;

    /** Time in nanoseconds (tests replace it). */
    LongSupplier clock = System::nanoTime;

    /** A pacer outside CDI (tests). */
    static WritePacer of(int perMinute, int perHour, Duration learnedLimitFor, MeterRegistry registry) {
        WritePacer pacer = new WritePacer();
        pacer.writesPerMinute = perMinute;
        pacer.writesPerHour = perHour;
        pacer.learnedLimitFor = learnedLimitFor;
        pacer.registry = registry;
        return pacer;
    }

    private MeterRegistry registry() {
        return registry;
    }

    /** A write that dry-run kept from GitHub, for whoever shows what the bot would have done. */
    public record WouldWrite(String method, String path, String summary) {
    }

    @Inject
    Event<WouldWrite> wouldWrite;

    /** What a write would have said, in a line: a check run's name, conclusion and title, or a comment's start. */
    static String summary(Object body) {
        if (!(body instanceof Map<?, ?> map)) {
            return "";
        }
        if (map.containsKey("conclusion")) {
            Object output = map.get("output");
            Object title = output instanceof Map<?, ?> o ? o.get("title") : null;
            return map.get("name") + ": " + map.get("conclusion") + " (" + title + ")";
        }
        Object text = map.containsKey("body") ? map.get("body") : map.containsKey("labels") ? "labels " + map.get("labels")
                : map.toString();
        String line = String.valueOf(text).replaceAll("\\s+", " ").strip();
        return line.length() > 160 ? line.substring(0, 159) + "…" : line;
    }

    private final Map<Long, WriteBudget> budgets = new ConcurrentHashMap<>();

    WriteBudget budget(long installationId) {
        return budgets.computeIfAbsent(installationId, id -> {
            WriteBudget budget = new WriteBudget(writesPerMinute, writesPerHour, learnedLimitFor, writeWindow, clock);
            MeterRegistry r = registry();
            if (r != null) {
                Gauge.builder("release_bot_github_write_allowance", budget, WriteBudget::allowance)
                        .description("Content-creating requests a minute the bot allows itself now")
                        .tag("installation", String.valueOf(id)).register(r);
            }
            return budget;
        });
    }

    public boolean beforeWrite(long installationId, String method, String path, Object body)
            throws InterruptedIOException {
        if (dryRun) {
            String summary = summary(body);
            LOG.infof("[dry-run] would %s %s %s", method, path, summary);
            wouldWrite.fire(new WouldWrite(method, path, summary));
            return false;
        }
        long at = budget(installationId).reserveAt();
        reserved.set(new Reserved(installationId, at));
        long waitNanos = Math.max(0, at - clock.getAsLong());
        MeterRegistry r = registry();
        if (r != null) {
            r.timer("release_bot_github_write_wait").record(waitNanos, TimeUnit.NANOSECONDS);
        }
        if (waitNanos > 0) {
            try {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while pacing writes");
            }
        }
        return true;
    }

    /** The write this thread was let through for, and the moment the budget counted it at. */
    private record Reserved(long installationId, long at) {
    }

    private final ThreadLocal<Reserved> reserved = new ThreadLocal<>();

    /**
     * The write this thread sent for the installation has been answered: the budget counts it from now instead of
     * from the moment it was let through. GitHub counts a write when it receives it, which can be later than the
     * moment the bot let it go (a busy thread, a slow connection); counting it from its answer keeps the bot's
     * window from reopening before GitHub's does.
     */
    public void answered(long installationId) {
        Reserved r = reserved.get();
        reserved.remove();
        if (r != null && r.installationId() == installationId) {
            budget(installationId).answered(r.at());
        }
    }

    /** GitHub refused a write of the installation for a rate limit: hold back and lower the pace for a while. */
    public void refused(long installationId, String method, String path, Duration wait) {
        WriteBudget budget = budget(installationId);
        int before = budget.allowance();
        budget.refused(wait);
        int after = budget.allowance();
        MeterRegistry r = registry();
        if (r != null) {
            r.counter("release_bot_github_writes_refused").increment();
        }
        if (after < before) {
            LOG.warnf("GitHub refused %s %s for its rate limit: installation %d now writes at most %d a minute for %s",
                    method, path, installationId, after, learnedLimitFor);
        }
    }
}
