package io.mojaloop.releasebot.github.model;

/** A check run as GitHub shows it: whose app wrote it and what a person reads. */
public record CheckRun(long id, String name, String headSha, String status, String conclusion, Long appId,
        CheckRunOutput output) {
}
