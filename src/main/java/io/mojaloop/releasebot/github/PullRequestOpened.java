package io.mojaloop.releasebot.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mojaloop.releasebot.github.model.PullRequest;
import io.quarkiverse.githubapp.GitHubEvent;

/**
 * A {@code pull_request.opened} delivery, read from its payload: the installation (0 if none), the PR as the
 * payload has it, and when GitHub last updated the PR ({@code updated_at}; null if the payload has none), which
 * tells whether the payload's PR can stand in for a fresh read.
 */
public record PullRequestOpened(long installationId, PullRequest pullRequest, Instant updatedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static PullRequestOpened of(GitHubEvent event) {
        JsonNode payload;
        try {
            payload = JSON.readTree(event.getPayload());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the delivery was parsed before it was dispatched
        }
        JsonNode pr = payload.path("pull_request");
        PullRequest parsed = RestGitHub.pullRequest(payload.path("repository").path("full_name").asText(), pr);
        return new PullRequestOpened(payload.path("installation").path("id").asLong(0), parsed, updatedAt(pr));
    }

    private static Instant updatedAt(JsonNode pr) {
        try {
            return RestGitHub.instant(pr.path("updated_at"));
        } catch (RuntimeException e) {
            return null; // not a time: the payload's PR is not trusted to be fresh
        }
    }
}
