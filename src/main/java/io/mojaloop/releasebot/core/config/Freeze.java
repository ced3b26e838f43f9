package io.mojaloop.releasebot.core.config;

import java.util.List;

/** The {@code freeze:} section: defaults for every release's freeze windows and who is frozen. */
public record Freeze(int featureFreezeWeeksBeforePiKickoff, int bugfixFreezeWeeksBeforeRelease,
        List<String> branches, List<String> featureTypes, List<String> allowedDuringBugfixFreezeLabels,
        List<String> exceptionApprovers) {

    public static final Freeze DEFAULTS = new Freeze(6, 4, List.of("main", "master", "release/*"), List.of("feat"),
            List.of("priority: critical"), List.of());

    public Freeze {
        branches = List.copyOf(branches);
        featureTypes = List.copyOf(featureTypes);
        allowedDuringBugfixFreezeLabels = List.copyOf(allowedDuringBugfixFreezeLabels);
        exceptionApprovers = List.copyOf(exceptionApprovers);
    }
}
