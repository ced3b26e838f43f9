package io.mojaloop.releasebot.core.config;

import java.time.ZoneId;
import java.util.List;

/**
 * One entry of {@code releases:}. {@code featureFreeze} and {@code bugfixFreeze} are null when the config does not
 * override the computed windows. {@code line} is where the entry starts in the org config (for messages).
 * {@code previous} is the release this one is compared with (null: the highest strict {@code vX.Y.Z} full release
 * of the umbrella repository below {@code version}).
 */
public record Release(String version, DateSpec piKickoff, DateSpec releaseDate, ZoneId timezone,
        WindowOverride featureFreeze, WindowOverride bugfixFreeze, String story, List<String> repos, int line,
        String previous) {

    public Release {
        repos = List.copyOf(repos);
    }

    public Release(String version, DateSpec piKickoff, DateSpec releaseDate, ZoneId timezone,
            WindowOverride featureFreeze, WindowOverride bugfixFreeze, String story, List<String> repos, int line) {
        this(version, piKickoff, releaseDate, timezone, featureFreeze, bugfixFreeze, story, repos, line, null);
    }

    /** True when this release covers the repository (by name, case-insensitive; "owner/name" also accepted). */
    public boolean covers(String repoName) {
        String name = repoName.contains("/") ? repoName.substring(repoName.indexOf('/') + 1) : repoName;
        for (String r : repos) {
            String rn = r.contains("/") ? r.substring(r.indexOf('/') + 1) : r;
            if (rn.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
