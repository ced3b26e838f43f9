package io.mojaloop.releasebot.github.model;

import java.time.Instant;

/** A GitHub release of a repository (drafts are visible only with write access). */
public record GitHubRelease(String repository, String tag, boolean draft, boolean prerelease, Instant publishedAt,
        String htmlUrl, String body) {
}
