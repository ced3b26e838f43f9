package io.mojaloop.releasebot.github;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One installation's budget of content-creating requests, counted the way GitHub counts its secondary rate limits:
 * sliding windows of one minute ({@code perMinute}, GitHub's 80 by default) and one hour ({@code perHour}, GitHub's
 * 500). A write goes out at once while both windows have room, so an idle bot writes a PR's check runs back to
 * back; only a write that would exceed a window waits, until the oldest write in it is a minute (an hour) old.
 * Writes are served in the order they asked.
 * <p>
 * When GitHub refuses a write anyway (another tool writing with the same installation, or a limit lower than
 * configured), the budget learns from it: no write goes out before GitHub's {@code Retry-After} has passed, and for
 * {@code learnFor} the per-minute allowance is lowered to three quarters of what the bot had sent in the minute
 * before the refusal (never below a tenth of {@code perMinute}). A refusal while writes are already held back
 * (several writes refused in one burst) does not lower it again. Time is in nanoseconds from {@code clock}; tests and
 * benchmarks may scale GitHub's minute down (the hour is always sixty of them).
 */
final class WriteBudget {

    private final long minute;
    private final long hour;
    private final int perMinute;
    private final int perHour;
    private final long learnFor;
    private final LongSupplier clock;
    /** Moments writes were (or will be) sent, oldest first, within the last hour. */
    private final List<Long> sent = new ArrayList<>();
    private int allowance;
    private long learnedUntil;
    private long pausedUntil;
    private boolean paused;

    WriteBudget(int perMinute, int perHour, Duration learnFor, LongSupplier clock) {
        this(perMinute, perHour, learnFor, Duration.ofMinutes(1), clock);
    }

    /** With GitHub's minute scaled to {@code minute} (tests and benchmarks run in scaled time; the hour is 60 of them). */
    WriteBudget(int perMinute, int perHour, Duration learnFor, Duration minute, LongSupplier clock) {
        this.minute = minute.toNanos();
        this.hour = 60 * this.minute;
        this.perMinute = Math.max(1, perMinute);
        this.perHour = Math.max(1, perHour);
        this.learnFor = learnFor.toNanos();
        this.clock = clock;
        this.allowance = this.perMinute;
    }

    /** Reserves the earliest moment the next write may go out; answers how long to wait for it (0: now), in ns. */
    long reserve() {
        return reserveAt() - clock.getAsLong();
    }

    /** Reserves the earliest moment the next write may go out, and answers it (on {@code clock}). */
    synchronized long reserveAt() {
        long now = clock.getAsLong();
        forget(now);
        long at = now;
        if (paused) {
            at = Math.max(at, pausedUntil);
        }
        if (!sent.isEmpty()) {
            long last = sent.get(sent.size() - 1);
            at = Math.max(at, last); // first come, first served
        }
        at = Math.max(at, earliest(allowance, minute));
        at = Math.max(at, earliest(perHour, hour));
        sent.add(at);
        return at;
    }

    /** The first moment a window of {@code length} holds fewer than {@code limit} of the writes so far. */
    private long earliest(int limit, long length) {
        int n = sent.size();
        return n < limit ? Long.MIN_VALUE : sent.get(n - limit) + length;
    }

    /**
     * The write counted at {@code reservedAt} has been answered: from now on it counts from now (GitHub received it
     * at some moment up to now), so the windows do not reopen before GitHub's.
     */
    synchronized void answered(long reservedAt) {
        long now = clock.getAsLong();
        if (now <= reservedAt) {
            return;
        }
        int i = Collections.binarySearch(sent, reservedAt);
        if (i < 0) {
            return; // already forgotten (older than the hour)
        }
        sent.remove(i);
        int at = Collections.binarySearch(sent, now);
        sent.add(at < 0 ? -at - 1 : at, now);
    }

    /** GitHub refused a write and asked to wait {@code wait}. */
    synchronized void refused(Duration wait) {
        long now = clock.getAsLong();
        forget(now);
        boolean alreadyHeldBack = paused && now < pausedUntil;
        long until = now + wait.toNanos();
        pausedUntil = paused ? Math.max(pausedUntil, until) : until;
        paused = true;
        if (alreadyHeldBack) {
            return;
        }
        int inLastMinute = 0;
        for (long t : sent) {
            if (t > now - minute && t <= now) {
                inLastMinute++;
            }
        }
        int floor = Math.max(1, perMinute / 10);
        allowance = Math.max(floor, Math.min(allowance - 1, inLastMinute * 3 / 4));
        learnedUntil = now + learnFor;
    }

    /** Writes a minute allowed now: {@code perMinute}, or less for a while after a refusal. */
    synchronized int allowance() {
        forget(clock.getAsLong());
        return allowance;
    }

    /** Writes sent (or reserved) in the last minute. */
    synchronized int inLastMinute() {
        long now = clock.getAsLong();
        return (int) sent.stream().filter(t -> t > now - minute).count();
    }

    private void forget(long now) {
        int old = 0;
        while (old < sent.size() && sent.get(old) <= now - hour) {
            old++;
        }
        sent.subList(0, old).clear();
        if (allowance < perMinute && now >= learnedUntil) {
            allowance = perMinute;
        }
        if (paused && now >= pausedUntil) {
            paused = false;
        }
    }
}
