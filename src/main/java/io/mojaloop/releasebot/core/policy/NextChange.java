package io.mojaloop.releasebot.core.policy;

import java.time.Instant;
import java.time.ZoneId;

import io.mojaloop.releasebot.core.config.Release;

/** A coming boundary of the calendar: a window of {@code release} opening, or (opens = false) ending. */
public record NextChange(Release release, WindowKind kind, boolean opens, Instant at) {

    public ZoneId zone() {
        return release.timezone();
    }
}
