package io.mojaloop.releasebot.core.config;

import java.time.Instant;
import java.time.ZonedDateTime;


/**
 * The two freeze windows of one release, as instants. A window is null when the release turns it off
 * ({@code feature-freeze: none}) or when the date it is computed from is missing. Both windows end at the release
 * date.
 */
public record FreezeWindows(Release release, Instant featureFreezeStart, Instant bugfixFreezeStart, Instant releaseAt) {

    /**
     * Computes a release's windows: the feature freeze starts {@code feature-freeze-weeks-before-pi-kickoff} weeks
     * before the PI kick-off, the bug-fix freeze {@code bugfix-freeze-weeks-before-release} weeks before the release
     * date, unless the release overrides either. Weeks are counted in the release's time zone (so a day-based date
     * keeps its local midnight across a DST change).
     */
    public static FreezeWindows of(Release release, Freeze defaults) {
        Instant releaseAt = release.releaseDate() == null ? null : release.releaseDate().resolve(release.timezone());
        Instant feature = start(release.featureFreeze(), release.piKickoff(),
                defaults.featureFreezeWeeksBeforePiKickoff(), release);
        Instant bugfix = start(release.bugfixFreeze(), release.releaseDate(),
                defaults.bugfixFreezeWeeksBeforeRelease(), release);
        return new FreezeWindows(release, feature, bugfix, releaseAt);
    }

    private static Instant start(WindowOverride override, DateSpec anchor, int weeksBefore, Release release) {
        if (override != null) {
            return override.off() ? null : override.start().resolve(release.timezone());
        }
        if (anchor == null) {
            return null;
        }
        ZonedDateTime at = anchor.resolve(release.timezone()).atZone(release.timezone());
        return at.minusWeeks(weeksBefore).toInstant();
    }
}
