package io.mojaloop.releasebot.github;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

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

/**
 * {@link GitHub} in memory, for unit tests of what sits above the typed reads (checks, evidence readers, caches):
 * seed it with records, run the code, then look at {@link #calls} and {@link #writes}. Searches answer what was
 * seeded for that exact query.
 */
public class InMemoryGitHub implements GitHub {

    public final Map<String, Repository> repositories = new LinkedHashMap<>();
    public final Map<String, FileContent> files = new LinkedHashMap<>();
    public final Map<String, PullRequest> pullRequests = new LinkedHashMap<>();
    public final Map<String, List<Review>> reviews = new LinkedHashMap<>();
    public final Map<String, List<CheckRun>> checkRuns = new LinkedHashMap<>();
    public final Map<String, Issue> issues = new LinkedHashMap<>();
    public final Map<String, List<Comment>> comments = new LinkedHashMap<>();
    public final Map<String, List<String>> labels = new LinkedHashMap<>();
    public final Map<String, SearchResult> searches = new LinkedHashMap<>();
    public final Map<String, Comparison> comparisons = new LinkedHashMap<>();
    public final Map<String, List<GitHubRelease>> releases = new LinkedHashMap<>();
    public final Map<String, Set<String>> teams = new LinkedHashMap<>();
    public final Map<String, String> companies = new LinkedHashMap<>();
    public final Map<String, Permission> permissions = new LinkedHashMap<>();
    public final Map<String, BranchProtection> protections = new LinkedHashMap<>();
    public final Set<String> licensed = new java.util.HashSet<>();
    /** Every question asked, as "method arguments...". */
    public final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    /** Every write, as "method arguments...". */
    public final List<String> writes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong(1000);

    private static String key(Object... parts) {
        StringBuilder k = new StringBuilder();
        for (Object p : parts) {
            k.append(k.isEmpty() ? "" : "#").append(String.valueOf(p).toLowerCase(Locale.ROOT));
        }
        return k.toString();
    }

    private void asked(String method, Object... args) {
        StringBuilder call = new StringBuilder(method);
        for (Object a : args) {
            call.append(' ').append(a);
        }
        calls.add(call.toString());
    }

    /** How many times a question was asked with exactly these arguments. */
    public long count(String method, Object... args) {
        StringBuilder call = new StringBuilder(method);
        for (Object a : args) {
            call.append(' ').append(a);
        }
        return calls.stream().filter(call.toString()::equals).count();
    }

    private void wrote(String method, Object... args) {
        StringBuilder call = new StringBuilder(method);
        for (Object a : args) {
            call.append(' ').append(a);
        }
        writes.add(call.toString());
    }

    // ---- seeding ---------------------------------------------------------------------------------------------

    public InMemoryGitHub pullRequest(PullRequest pr) {
        pullRequests.put(key(pr.repository(), pr.number()), pr);
        return this;
    }

    public InMemoryGitHub comments(String repository, int number, Comment... seeded) {
        comments.put(key(repository, number), new ArrayList<>(List.of(seeded)));
        return this;
    }

    public InMemoryGitHub search(String query, Issue... items) {
        searches.put(query, new SearchResult(items.length, false, List.of(items)));
        return this;
    }

    /** GitHub answers the search with {@code incomplete_results: true} (its search ran out of time). */
    public InMemoryGitHub incompleteSearch(String query, int totalCount, Issue... items) {
        searches.put(query, new SearchResult(totalCount, true, List.of(items)));
        return this;
    }

    /** The search fails with this exception (a 5xx, a 422, a timeout). */
    public InMemoryGitHub failingSearch(String query, java.io.IOException failure) {
        searchFailures.put(query, failure);
        return this;
    }

    public final Map<String, java.io.IOException> searchFailures = new LinkedHashMap<>();

    public InMemoryGitHub team(String org, String slug, String... members) {
        teams.put(key(org, slug), Set.of(members));
        return this;
    }

    // ---- GitHub -----------------------------------------------------------------------------------------------

    @Override
    public long installationId() {
        return 1;
    }

    @Override
    public List<Repository> installationRepositories() {
        asked("installationRepositories");
        return List.copyOf(repositories.values());
    }

    @Override
    public Optional<Repository> repository(String repository) {
        asked("repository", repository);
        return Optional.ofNullable(repositories.get(key(repository)));
    }

    @Override
    public Optional<FileContent> file(String repository, String path) {
        asked("file", repository, path);
        return Optional.ofNullable(files.get(key(repository, path)));
    }

    @Override
    public Optional<FileContent> file(String repository, String path, String ref) {
        asked("file", repository, path, ref);
        return Optional.ofNullable(files.get(key(repository, path, ref)));
    }

    @Override
    public Comparison compare(String repository, String base, String head) throws IOException {
        asked("compare", repository, base, head);
        Comparison found = comparisons.get(key(repository, base, head));
        if (found == null) {
            throw new GitHubApiException("GET", "/repos/" + repository + "/compare/" + base + "..." + head, 404,
                    "{\"message\":\"Not Found\"}");
        }
        return found;
    }

    @Override
    public boolean hasLicense(String repository) {
        asked("hasLicense", repository);
        return licensed.contains(key(repository));
    }

    @Override
    public BranchProtection requiredChecks(String repository, String branch) {
        asked("requiredChecks", repository, branch);
        return protections.getOrDefault(key(repository, branch), new BranchProtection(BranchProtection.Kind.UNPROTECTED, Set.of()));
    }

    @Override
    public Optional<PullRequest> pullRequest(String repository, int number) {
        asked("pullRequest", repository, number);
        return Optional.ofNullable(pullRequests.get(key(repository, number)));
    }

    @Override
    public List<Integer> openPullRequests(String repository) {
        asked("openPullRequests", repository);
        return pullRequests.values().stream().filter(p -> p.repository().equalsIgnoreCase(repository) && p.open())
                .map(PullRequest::number).toList();
    }

    @Override
    public List<PullRequest> pullRequestsOfCommit(String repository, String sha) {
        asked("pullRequestsOfCommit", repository, sha);
        return pullRequests.values().stream().filter(p -> p.repository().equalsIgnoreCase(repository) && p.headSha().equals(sha))
                .toList();
    }

    @Override
    public List<Review> reviews(String repository, int number) {
        asked("reviews", repository, number);
        return reviews.getOrDefault(key(repository, number), List.of());
    }

    @Override
    public List<CheckRun> ownCheckRuns(String repository, String sha) {
        asked("ownCheckRuns", repository, sha);
        return checkRuns.getOrDefault(key(repository, sha), List.of());
    }

    @Override
    public void createCheckRun(String repository, String headSha, CheckRunOutput output) {
        wrote("createCheckRun", repository, headSha, output.name(), output.conclusion());
        checkRuns.computeIfAbsent(key(repository, headSha), k -> new ArrayList<>()).add(new CheckRun(ids.incrementAndGet(),
                output.name(), headSha, "completed", output.conclusion(), 1L, output));
    }

    @Override
    public void updateCheckRun(String repository, long id, CheckRunOutput output) {
        wrote("updateCheckRun", repository, id, output.name(), output.conclusion());
        for (List<CheckRun> runs : checkRuns.values()) {
            runs.replaceAll(r -> r.id() == id ? new CheckRun(id, r.name(), r.headSha(), "completed", output.conclusion(), r.appId(),
                    output) : r);
        }
    }

    @Override
    public Optional<Issue> issue(String repository, int number) {
        asked("issue", repository, number);
        return Optional.ofNullable(issues.get(key(repository, number)));
    }

    @Override
    public List<Comment> comments(String repository, int number) {
        asked("comments", repository, number);
        return List.copyOf(comments.getOrDefault(key(repository, number), List.of()));
    }

    @Override
    public Comment comment(String repository, int number, String body) {
        wrote("comment", repository, number, body);
        Comment comment = new Comment(ids.incrementAndGet(), new io.mojaloop.releasebot.github.model.User("bot[bot]", true), body,
                null, null, "https://github.test/" + repository + "/issues/" + number, 1L);
        comments.computeIfAbsent(key(repository, number), k -> new ArrayList<>()).add(comment);
        return comment;
    }

    @Override
    public void react(String repository, long commentId, String content) {
        wrote("react", repository, commentId, content);
    }

    /** Reactions people or the bot left, by "repository#commentId#content". */
    public final Map<String, List<io.mojaloop.releasebot.github.model.User>> reactions = new LinkedHashMap<>();

    @Override
    public List<io.mojaloop.releasebot.github.model.User> reactions(String repository, long commentId, String content) {
        asked("reactions", repository, commentId, content);
        return List.copyOf(reactions.getOrDefault(key(repository, commentId, content), List.of()));
    }

    @Override
    public void updateIssueBody(String repository, int number, String body) {
        wrote("updateIssueBody", repository, number);
        Issue old = issues.get(key(repository, number));
        if (old != null) {
            issues.put(key(repository, number), new Issue(old.repository(), old.number(), old.title(), body, old.state(),
                    old.pullRequest(), old.labels(), old.htmlUrl(), old.author()));
        }
    }

    @Override
    public List<String> labels(String repository, int number) {
        asked("labels", repository, number);
        return List.copyOf(labels.getOrDefault(key(repository, number), List.of()));
    }

    @Override
    public void addLabels(String repository, int number, List<String> added) {
        wrote("addLabels", repository, number, added);
        labels.computeIfAbsent(key(repository, number), k -> new ArrayList<>()).addAll(added);
    }

    @Override
    public void removeLabel(String repository, int number, String label) {
        wrote("removeLabel", repository, number, label);
        labels.getOrDefault(key(repository, number), new ArrayList<>()).remove(label);
    }

    @Override
    public boolean labelExists(String repository, String label) {
        asked("labelExists", repository, label);
        return false;
    }

    @Override
    public void createLabel(String repository, String label, String colour, String description) {
        wrote("createLabel", repository, label);
    }

    @Override
    public SearchResult searchIssues(String query) throws java.io.IOException {
        asked("searchIssues", query);
        if (searchFailures.containsKey(query)) {
            throw searchFailures.get(query);
        }
        return searches.getOrDefault(query, new SearchResult(0, false, List.of()));
    }

    @Override
    public List<GitHubRelease> releases(String repository) {
        asked("releases", repository);
        return releases.getOrDefault(key(repository), List.of());
    }

    @Override
    public Optional<Set<String>> teamMembers(String org, String slug) {
        asked("teamMembers", org, slug);
        return Optional.ofNullable(teams.get(key(org, slug)));
    }

    @Override
    public Optional<String> profileCompany(String login) {
        asked("profileCompany", login);
        return Optional.ofNullable(companies.get(key(login)));
    }

    @Override
    public Permission permission(String repository, String login) {
        asked("permission", repository, login);
        return permissions.getOrDefault(key(repository, login), Permission.NONE);
    }
}
