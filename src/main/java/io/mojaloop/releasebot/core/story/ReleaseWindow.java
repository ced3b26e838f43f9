package io.mojaloop.releasebot.core.story;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.Release;

/**
 * Which labelled PRs and issues belong to a release's story. Exceptions and release candidates are found by label,
 * and labels stay on PRs forever: without a limit every story would list (and the bot would read the comments of)
 * every PR ever granted an exception. A labelled PR or issue belongs to a release when it is
 * <ul>
 * <li>open, or</li>
 * <li>a PR merged, or an issue closed, since the release began: the release date of the previous release in
 * {@code releases:} (the latest one before it), or {@link #LOOKBACK} before its own release date when there is
 * none. A PR closed without being merged belongs to no release.</li>
 * </ul>
 * The search itself asks only for what was updated since the earliest such date of the stories rebuilt together,
 * or since {@link #LOOKBACK} ago when that is earlier ({@code updated:>=}, a day earlier for time zones): a merge, a
 * label or a close updates a PR or issue, so nothing that belongs is missed, and one search serves every story of
 * the organisation. An open PR or issue nobody touched since then is left out: its label was put on for an earlier
 * release.
 */
public final class ReleaseWindow {

    /** How far back a release with no earlier release configured looks: half a year (two PIs). */
    public static final Duration LOOKBACK = Duration.ofDays(26 * 7);

    private ReleaseWindow() {
    }

    /** When the release began (see the class comment); null when it has no release date (no limit). */
    public static Instant since(BotConfig config, Release release) {
        if (release.releaseDate() == null) {
            return null;
        }
        Instant at = release.releaseDate().resolve(release.timezone());
        Instant previous = null;
        for (Release other : config.releases()) {
            if (other.version().equals(release.version()) || other.releaseDate() == null) {
                continue;
            }
            Instant date = other.releaseDate().resolve(other.timezone());
            if (date.isBefore(at) && (previous == null || date.isAfter(previous))) {
                previous = date;
            }
        }
        return previous != null ? previous : at.minus(LOOKBACK);
    }

    /**
     * Where the search for the releases rebuilt together looks back to: the earliest of their starts and
     * {@link #LOOKBACK} before {@code now}; null when one of them has no limit.
     */
    public static Instant searchesSince(BotConfig config, List<Release> releases, Instant now) {
        Instant earliest = now.minus(LOOKBACK);
        for (Release release : releases) {
            Instant since = since(config, release);
            if (since == null) {
                return null;
            }
            earliest = earliest == null || since.isBefore(earliest) ? since : earliest;
        }
        return earliest;
    }

    /** {@code " updated:>=YYYY-MM-DD"} (UTC, a day early), or "" for no limit. */
    public static String updatedQualifier(Instant since) {
        return since == null ? "" : " updated:>=" + LocalDate.ofInstant(since.minus(Duration.ofDays(1)), ZoneOffset.UTC);
    }

    /**
     * True when a labelled PR or issue belongs to the release that began at {@code since} (null: no limit): open,
     * or a PR merged (an issue closed) at or after {@code since}.
     */
    public static boolean belongs(boolean open, boolean pullRequest, Instant closedAt, Instant mergedAt, Instant since) {
        if (open) {
            return true;
        }
        if (pullRequest && mergedAt == null) {
            return false;
        }
        Instant done = pullRequest ? mergedAt : closedAt;
        return since == null || done == null || !done.isBefore(since);
    }
}
