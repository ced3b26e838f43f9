package io.mojaloop.releasebot.core.policy;

import java.time.Instant;
import java.time.ZoneId;

import io.mojaloop.releasebot.core.config.Release;

/** A freeze window of one release that is open now: from {@code start} (inclusive) to {@code end} (exclusive). */
public record ActiveWindow(Release release, WindowKind kind, Instant start, Instant end) {

    public ZoneId zone() {
        return release.timezone();
    }
}
