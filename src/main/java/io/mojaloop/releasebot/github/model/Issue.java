package io.mojaloop.releasebot.github.model;

import java.time.Instant;
import java.util.List;

/**
 * An issue, or a PR seen through the issues API ({@code pullRequest}), as an issue read or a search finds it.
 * {@code closedAt} is null while open; {@code mergedAt} is set for a merged PR only.
 */
public record Issue(String repository, int number, String title, String body, String state, boolean pullRequest,
        List<String> labels, String htmlUrl, User author, Instant closedAt, Instant mergedAt) {

    public Issue {
        labels = List.copyOf(labels);
    }

    public Issue(String repository, int number, String title, String body, String state, boolean pullRequest,
            List<String> labels, String htmlUrl, User author) {
        this(repository, number, title, body, state, pullRequest, labels, htmlUrl, author, null, null);
    }

    public boolean open() {
        return "open".equals(state);
    }

    /** Whether the issue (or PR) carries the label, matched as GitHub matches label names ({@link Labels}). */
    public boolean hasLabel(String name) {
        return Labels.carries(labels, name);
    }
}
