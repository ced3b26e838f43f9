package io.mojaloop.releasebot.github.model;

import java.time.Instant;
import java.util.List;

/**
 * A pull request as GitHub has it now. {@code mergedBy} and {@code mergedAt} are set only for a merged PR (and
 * {@code mergedBy} only where GitHub gives it: the single-PR read, not lists).
 */
public record PullRequest(String repository, int number, String state, boolean draft, String title, User author,
        String headSha, String baseBranch, List<String> labels, String htmlUrl, Instant mergedAt, String mergedBy,
        String mergeCommitSha) {

    public PullRequest {
        labels = List.copyOf(labels);
    }

    public boolean open() {
        return "open".equals(state);
    }

    public boolean merged() {
        return mergedAt != null;
    }

    /** Whether the PR carries the label, matched as GitHub matches label names ({@link Labels}). */
    public boolean hasLabel(String name) {
        return Labels.carries(labels, name);
    }
}
