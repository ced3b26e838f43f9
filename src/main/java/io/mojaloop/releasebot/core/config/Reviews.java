package io.mojaloop.releasebot.core.config;

import java.util.List;

/** The {@code reviews:} section: what the {@code review-rules} check requires. */
public record Reviews(int requiredApprovals, int distinctOrganisations, boolean dismissStale,
        List<String> exceptionApprovers) {

    public static final Reviews DEFAULTS = new Reviews(2, 2, true, List.of());

    public Reviews {
        exceptionApprovers = List.copyOf(exceptionApprovers);
    }
}
