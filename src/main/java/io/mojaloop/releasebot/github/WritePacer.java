package io.mojaloop.releasebot.github;

import java.io.InterruptedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps content-creating requests (POST, PATCH, PUT, DELETE) under GitHub's secondary rate limits: per
 * installation, writes are spaced at least {@code 60s / release-bot.github.writes-per-minute} apart (default 80 a
 * minute). With {@code RELEASE_BOT_DRY_RUN=true} no write is sent: each is logged instead.
 */
@ApplicationScoped
public class WritePacer {

    private static final Logger LOG = Logger.getLogger(WritePacer.class);

    @ConfigProperty(name = "release-bot.github.writes-per-minute", defaultValue = "80")
    double writesPerMinute;

    @ConfigProperty(name = "release-bot.dry-run", defaultValue = "false")
    boolean dryRun;

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

    private final Map<Long, long[]> nextSlot = new ConcurrentHashMap<>();

    public boolean beforeWrite(long installationId, String method, String path, Object body)
            throws InterruptedIOException {
        if (dryRun) {
            String summary = summary(body);
            LOG.infof("[dry-run] would %s %s %s", method, path, summary);
            wouldWrite.fire(new WouldWrite(method, path, summary));
            return false;
        }
        long interval = (long) (60_000_000_000L / writesPerMinute);
        long[] slot = nextSlot.computeIfAbsent(installationId, id -> new long[] { 0 });
        long waitNanos;
        synchronized (slot) {
            long now = System.nanoTime();
            long at = Math.max(now, slot[0]);
            slot[0] = at + interval;
            waitNanos = at - now;
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
}
