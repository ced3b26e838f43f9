package io.mojaloop.releasebot.github;

import java.io.InterruptedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

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

    private final Map<Long, long[]> nextSlot = new ConcurrentHashMap<>();

    public boolean beforeWrite(long installationId, String method, String path, Object body)
            throws InterruptedIOException {
        if (dryRun) {
            LOG.infof("[dry-run] would %s %s", method, path);
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
