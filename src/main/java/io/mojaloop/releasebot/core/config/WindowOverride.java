package io.mojaloop.releasebot.core.config;

/**
 * An explicit {@code feature-freeze:} or {@code bugfix-freeze:} on a release: either a start date, or {@code none}
 * (no such window for this release).
 */
public record WindowOverride(DateSpec start) {

    public static final WindowOverride OFF = new WindowOverride(null);

    public boolean off() {
        return start == null;
    }
}
