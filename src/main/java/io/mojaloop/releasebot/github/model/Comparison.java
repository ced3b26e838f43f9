package io.mojaloop.releasebot.github.model;

import java.util.List;

/**
 * GitHub's compare between two refs: the commits reachable from {@code head} and not from {@code base}, oldest
 * first. {@code totalCommits} is GitHub's count; when fewer commits came back, the list is incomplete.
 */
public record Comparison(String status, int totalCommits, List<Commit> commits) {

    public Comparison {
        commits = List.copyOf(commits);
    }

    /** A commit of a comparison: its sha and whole message. */
    public record Commit(String sha, String message) {
    }

    public boolean complete() {
        return commits.size() >= totalCommits;
    }
}
