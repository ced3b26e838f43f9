package io.mojaloop.releasebot.core.contents;

import java.time.Instant;

/**
 * One GitHub release of the umbrella repository, as the edge lists them.
 *
 * @param publishedAt null when GitHub gives none (a draft)
 */
public record UmbrellaRelease(String tag, boolean prerelease, boolean draft, Instant publishedAt) {

    /** A published release whose tag is a strict {@code vX.Y.Z} (the {@code v} optional) and not a pre-release. */
    public boolean fullRelease() {
        return !draft && !prerelease && Version.parse(tag).map(Version::isFinal).orElse(false);
    }
}
