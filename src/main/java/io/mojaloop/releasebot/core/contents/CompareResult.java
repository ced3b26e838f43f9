package io.mojaloop.releasebot.core.contents;

import java.util.List;

/**
 * What GitHub's compare answered for one {@link CompareRequest}: the commits (oldest first, as GitHub lists them)
 * and how many there are in all, or why there are none.
 *
 * @param totalCommits GitHub's {@code total_commits}: more than {@code commits.size()} when the answer was
 *        truncated (one compare answers at most 250 commits)
 * @param failure null when GitHub answered the compare
 * @param detail what GitHub said, for the problem line (may be null)
 */
public record CompareResult(String repository, String base, String head, List<Commit> commits, int totalCommits,
        Failure failure, String detail) {

    public CompareResult {
        commits = commits == null ? List.of() : List.copyOf(commits);
    }

    /**
     * One commit of the compare.
     *
     * @param associatedPullRequest the PR GitHub associates with the commit, when the edge asked (null otherwise)
     */
    public record Commit(String sha, String message, Integer associatedPullRequest) {
        public Commit(String sha, String message) {
            this(sha, message, null);
        }
    }

    public enum Failure {
        /** The repository does not exist (or the app cannot see it). */
        REPOSITORY_NOT_FOUND,
        /** The compare answered 404: one of the tags does not exist in the repository. */
        NOT_FOUND,
        /** The compare answered 422: GitHub will not compare these refs (no common history, too large a diff). */
        REFUSED,
        /** Anything else: 403, 5xx, a timeout. */
        UNREADABLE
    }

    /** Every commit between the tags. */
    public static CompareResult of(CompareRequest request, List<Commit> commits) {
        return new CompareResult(request.repository(), request.base(), request.head(), commits, commits.size(), null, null);
    }

    /** The first commits of a larger range: {@code total} is GitHub's {@code total_commits}. */
    public static CompareResult truncated(CompareRequest request, List<Commit> commits, int total) {
        return new CompareResult(request.repository(), request.base(), request.head(), commits, total, null, null);
    }

    public static CompareResult failed(CompareRequest request, Failure failure, String detail) {
        return new CompareResult(request.repository(), request.base(), request.head(), List.of(), 0, failure, detail);
    }

    public boolean truncated() {
        return failure == null && totalCommits > commits.size();
    }
}
