package io.mojaloop.releasebot.core.contents;

import java.util.List;

/**
 * One commit of a component's changes.
 *
 * @param title the commit's first line, as written
 * @param pr the PR it came from: the title's squash {@code (#123)}, a merge commit's number, else the PR GitHub
 *        associates with the commit; null when none is known
 * @param issues the issues its scope names ({@code mojaloop/project#3122})
 */
public record ChangeEntry(String title, String sha, Integer pr, List<String> issues) {

    public ChangeEntry {
        issues = List.copyOf(issues);
    }

    /** The entry of one compared commit. */
    public static ChangeEntry of(CompareResult.Commit commit, ConventionalCommit parsed) {
        Integer pr = ConventionalCommit.pullRequestInTitle(parsed.title());
        return new ChangeEntry(parsed.title(), commit.sha(), pr != null ? pr : commit.associatedPullRequest(), parsed.issues());
    }

    /** The title without the squash {@code (#123)}, which is linked beside it. */
    public String shortTitle() {
        return ConventionalCommit.withoutPullRequest(title);
    }
}
