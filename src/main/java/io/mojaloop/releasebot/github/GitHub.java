package io.mojaloop.releasebot.github;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.mojaloop.releasebot.github.model.BranchProtection;
import io.mojaloop.releasebot.github.model.CheckRun;
import io.mojaloop.releasebot.github.model.CheckRunOutput;
import io.mojaloop.releasebot.github.model.Comment;
import io.mojaloop.releasebot.github.model.Comparison;
import io.mojaloop.releasebot.github.model.FileContent;
import io.mojaloop.releasebot.github.model.GitHubRelease;
import io.mojaloop.releasebot.github.model.Issue;
import io.mojaloop.releasebot.github.model.Permission;
import io.mojaloop.releasebot.github.model.PullRequest;
import io.mojaloop.releasebot.github.model.Repository;
import io.mojaloop.releasebot.github.model.Review;
import io.mojaloop.releasebot.github.model.SearchResult;
import io.mojaloop.releasebot.github.model.User;

/**
 * Everything the bot asks GitHub, and everything it writes, for one App installation, in typed records. This is
 * the only interface above the transport: {@link RestGitHub} is the one implementation that knows REST paths and
 * JSON field names; tests use an in-memory one. Repositories are {@code owner/name}. "Not found" answers are
 * empty results, never exceptions; other failures are {@link IOException}s ({@link GitHubApiException} carries
 * GitHub's status).
 */
public interface GitHub {

    long installationId();

    // ---- repositories and files ---------------------------------------------------------------------------

    /** The repositories the installation was granted. */
    List<Repository> installationRepositories() throws IOException;

    Optional<Repository> repository(String repository) throws IOException;

    /** A file on the default branch; empty when it does not exist. */
    Optional<FileContent> file(String repository, String path) throws IOException;

    /** A file at a ref (tag, branch or sha); empty when the file or the ref does not exist. */
    Optional<FileContent> file(String repository, String path, String ref) throws IOException;

    /**
     * The commits between two refs ({@code base...head}), every page GitHub gives; a ref that does not exist or
     * histories without a common ancestor are a {@link GitHubApiException} (404, 422).
     */
    Comparison compare(String repository, String base, String head) throws IOException;

    /** True when GitHub detects a licence in the repository. */
    boolean hasLicense(String repository) throws IOException;

    BranchProtection requiredChecks(String repository, String branch) throws IOException;

    // ---- pull requests --------------------------------------------------------------------------------------

    Optional<PullRequest> pullRequest(String repository, int number) throws IOException;

    /** Numbers of the open PRs of the repository. */
    List<Integer> openPullRequests(String repository) throws IOException;

    /** PRs whose head is this commit. */
    List<PullRequest> pullRequestsOfCommit(String repository, String sha) throws IOException;

    List<Review> reviews(String repository, int number) throws IOException;

    /** The latest check run of each name by this app on the commit. */
    List<CheckRun> ownCheckRuns(String repository, String sha) throws IOException;

    void createCheckRun(String repository, String headSha, CheckRunOutput output) throws IOException;

    void updateCheckRun(String repository, long id, CheckRunOutput output) throws IOException;

    // ---- issues, comments, labels ---------------------------------------------------------------------------

    Optional<Issue> issue(String repository, int number) throws IOException;

    List<Comment> comments(String repository, int number) throws IOException;

    /** Posts a comment exactly once, even when GitHub fails mid-way (see {@link GitHubApi#comment}). */
    Comment comment(String repository, int number, String body) throws IOException;

    void react(String repository, long commentId, String content) throws IOException;

    /** Who reacted to an issue or PR comment with this content ({@code +1}, ...); empty when the comment is gone. */
    List<User> reactions(String repository, long commentId, String content) throws IOException;

    void updateIssueBody(String repository, int number, String body) throws IOException;

    List<String> labels(String repository, int number) throws IOException;

    void addLabels(String repository, int number, List<String> labels) throws IOException;

    void removeLabel(String repository, int number, String label) throws IOException;

    boolean labelExists(String repository, String label) throws IOException;

    void createLabel(String repository, String label, String colour, String description) throws IOException;

    /** Issues and PRs matching a search query (every page GitHub gives). */
    SearchResult searchIssues(String query) throws IOException;

    // ---- releases ------------------------------------------------------------------------------------------

    List<GitHubRelease> releases(String repository) throws IOException;

    // ---- people ---------------------------------------------------------------------------------------------

    /** Logins of a team's members; empty when the team does not exist (or the app cannot see it). */
    Optional<Set<String>> teamMembers(String org, String slug) throws IOException;

    /** The company field of a profile, as typed; empty when blank or the user does not exist. */
    Optional<String> profileCompany(String login) throws IOException;

    Permission permission(String repository, String login) throws IOException;
}
