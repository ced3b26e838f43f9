package io.mojaloop.releasebot.render;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and durations as people read them, relative to one "now" so a whole text agrees with itself. */
public final class TimeTexts {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH);

    private final Instant now;

    public TimeTexts(Instant now) {
        this.now = now;
    }

    /** "Mon 7 Dec 2026 00:00 GMT (2026-12-07 00:00 UTC)"; just the UTC form when the zone is UTC. */
    public String at(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "-";
        }
        String utc = UTC.format(instant.atOffset(ZoneOffset.UTC));
        if (zone == null || zone.normalized().equals(ZoneOffset.UTC)) {
            return utc;
        }
        return LOCAL.format(instant.atZone(zone)) + " (" + utc + ")";
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    /** "Mon 25 Jan 2027" in the given zone; with the UTC time when the instant is not a midnight there. */
    public String day(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "-";
        }
        ZoneId z = zone == null ? ZoneOffset.UTC : zone;
        ZonedDateTime local = instant.atZone(z);
        if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return DAY.format(local);
        }
        return UTC.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** "in 5 days", "in 3 hours", "in 40 seconds"; "5 days ago" for the past. */
    public String until(Instant instant) {
        Duration d = Duration.between(now, instant);
        boolean past = d.isNegative();
        String words = words(d.abs());
        return past ? words + " ago" : "in " + words;
    }

    /**
     * "in 5 days", "in 1 day", "within a day": whole days only, so a check-run text that says it changes at most
     * once a day and an unchanged verdict is not rewritten every hour by the resync.
     */
    public String inDays(Instant instant) {
        long days = Duration.between(now, instant).toDays();
        if (days <= 0) {
            return "within a day";
        }
        return "in " + days + (days == 1 ? " day" : " days");
    }

    static String words(Duration d) {
        long days = d.toDays();
        if (days >= 2) {
            return days + " days";
        }
        long hours = d.toHours();
        if (hours >= 2) {
            return hours + " hours";
        }
        long minutes = d.toMinutes();
        if (minutes >= 2) {
            return minutes + " minutes";
        }
        long seconds = Math.max(1, d.toSeconds());
        return seconds + (seconds == 1 ? " second" : " seconds");
    }
}
