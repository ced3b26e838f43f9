package io.mojaloop.releasebot.github.model;

import java.util.List;

/** An issue, or a PR seen through the issues API ({@code pullRequest}), as an issue read or a search finds it. */
public record Issue(String repository, int number, String title, String body, String state, boolean pullRequest,
        List<String> labels, String htmlUrl, User author) {

    public Issue {
        labels = List.copyOf(labels);
    }
}
