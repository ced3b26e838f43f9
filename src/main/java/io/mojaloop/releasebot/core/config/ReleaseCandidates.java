package io.mojaloop.releasebot.core.config;

import java.util.List;

/** The {@code release-candidates:} section. An empty approvers list means anyone with write permission. */
public record ReleaseCandidates(List<String> approvers) {

    public static final ReleaseCandidates DEFAULTS = new ReleaseCandidates(List.of());

    public ReleaseCandidates {
        approvers = List.copyOf(approvers);
    }
}
