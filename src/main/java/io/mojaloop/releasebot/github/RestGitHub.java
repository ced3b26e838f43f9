package io.mojaloop.releasebot.github;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

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
 * {@link GitHub} over GitHub's REST API: the one place that knows REST paths and JSON field names. Underneath, the
 * {@link GitHubApi} transport adds timeouts, retries, conditional requests, pacing and dry-run.
 */
public class RestGitHub implements GitHub {

    /** GitHub refuses check-run output fields over 65535 characters. */
    static final int MAX_OUTPUT = 65_000;

    private final GitHubApi api;
    private final String appId;

    public RestGitHub(GitHubApi api, String appId) {
        this.api = api;
        this.appId = appId;
    }

    @Override
    public long installationId() {
        return api.installationId();
    }

    private static String encode(String segment) {
        return GitHubApi.encode(segment);
    }

    // ---- repositories and files ---------------------------------------------------------------------------

    @Override
    public List<Repository> installationRepositories() throws IOException {
        List<Repository> repos = new ArrayList<>();
        for (JsonNode repo : api.getAll("/installation/repositories")) {
            repos.add(repository(repo));
        }
        return repos;
    }

    @Override
    public Optional<Repository> repository(String repository) throws IOException {
        return api.find("/repos/" + repository).map(RestGitHub::repository);
    }

    private static Repository repository(JsonNode repo) {
        return new Repository(repo.path("full_name").asText(), repo.path("default_branch").asText("main"),
                repo.path("archived").asBoolean(false), repo.path("private").asBoolean(false));
    }

    @Override
    public Optional<FileContent> file(String repository, String path) throws IOException {
        return file(repository, path, api.find("/repos/" + repository + "/contents/" + path));
    }

    @Override
    public Optional<FileContent> file(String repository, String path, String ref) throws IOException {
        return file(repository, path, api.find("/repos/" + repository + "/contents/" + path + "?ref=" + encode(ref)));
    }

    @Override
    public Comparison compare(String repository, String base, String head) throws IOException {
        List<Comparison.Commit> commits = new ArrayList<>();
        String status = null;
        int total = 0;
        for (JsonNode page : api.getPages("/repos/" + repository + "/compare/" + encode(base) + "..." + encode(head))) {
            status = page.path("status").asText(status);
            total = Math.max(total, page.path("total_commits").asInt(0));
            page.path("commits").forEach(c -> commits.add(new Comparison.Commit(c.path("sha").asText(),
                    c.path("commit").path("message").asText(""))));
        }
        return new Comparison(status, total, commits);
    }

    private static Optional<FileContent> file(String repository, String path, Optional<JsonNode> content) {
        if (content.isEmpty() || content.get().isArray()) {
            return Optional.empty(); // nothing there, or a directory
        }
        JsonNode file = content.get();
        String text = file.hasNonNull("content")
                ? new String(Base64.getMimeDecoder().decode(file.get("content").asText()), StandardCharsets.UTF_8)
                : null;
        return Optional.of(new FileContent(repository, path, file.path("size").asLong(text == null ? 1 : text.length()),
                text, file.path("html_url").asText(null)));
    }

    @Override
    public boolean hasLicense(String repository) throws IOException {
        return api.find("/repos/" + repository + "/license").isPresent();
    }

    @Override
    public BranchProtection requiredChecks(String repository, String branch) throws IOException {
        Optional<JsonNode> checks;
        try {
            checks = api.find("/repos/" + repository + "/branches/" + encode(branch) + "/protection/required_status_checks");
        } catch (GitHubApiException e) {
            if (e.status() != 403) {
                throw e;
            }
            return new BranchProtection(BranchProtection.Kind.UNKNOWN, Set.of()); // no administration: read
        }
        if (checks.isEmpty()) {
            return new BranchProtection(BranchProtection.Kind.UNPROTECTED, Set.of());
        }
        Set<String> required = new HashSet<>();
        checks.get().path("contexts").forEach(c -> required.add(c.asText()));
        checks.get().path("checks").forEach(c -> required.add(c.path("context").asText()));
        return new BranchProtection(BranchProtection.Kind.PROTECTED, required);
    }

    // ---- pull requests --------------------------------------------------------------------------------------

    @Override
    public Optional<PullRequest> pullRequest(String repository, int number) throws IOException {
        return api.find("/repos/" + repository + "/pulls/" + number).map(pr -> pullRequest(repository, pr));
    }

    /** A PR in GitHub's REST shape (a {@code pulls} answer, or a webhook payload's {@code pull_request}). */
    static PullRequest pullRequest(String repository, JsonNode pr) {
        return new PullRequest(repository, pr.path("number").asInt(), pr.path("state").asText(),
                pr.path("draft").asBoolean(false), pr.path("title").asText(""), user(pr.path("user")),
                pr.path("head").path("sha").asText(), pr.path("base").path("ref").asText(), labelNames(pr.path("labels")),
                pr.path("html_url").asText(null), instant(pr.path("merged_at")),
                pr.path("merged_by").path("login").asText(null), pr.path("merge_commit_sha").asText(null));
    }

    @Override
    public List<Integer> openPullRequests(String repository) throws IOException {
        List<Integer> numbers = new ArrayList<>();
        for (JsonNode pr : api.getAll("/repos/" + repository + "/pulls?state=open")) {
            numbers.add(pr.path("number").asInt());
        }
        return numbers;
    }

    @Override
    public List<PullRequest> pullRequestsOfCommit(String repository, String sha) throws IOException {
        List<PullRequest> prs = new ArrayList<>();
        for (JsonNode pr : api.getAll("/repos/" + repository + "/commits/" + sha + "/pulls")) {
            prs.add(pullRequest(repository, pr));
        }
        return prs;
    }

    @Override
    public List<Review> reviews(String repository, int number) throws IOException {
        List<Review> reviews = new ArrayList<>();
        for (JsonNode review : api.getAll("/repos/" + repository + "/pulls/" + number + "/reviews")) {
            JsonNode user = review.path("user");
            reviews.add(new Review(review.path("id").asLong(), user.hasNonNull("login") ? user(user) : null,
                    review.path("state").asText(), review.path("commit_id").asText(null), instant(review.path("submitted_at"))));
        }
        return reviews;
    }

    @Override
    public List<CheckRun> ownCheckRuns(String repository, String sha) throws IOException {
        JsonNode page = api.get("/repos/" + repository + "/commits/" + sha + "/check-runs?app_id=" + appId
                + "&filter=latest&per_page=100");
        Map<String, CheckRun> newest = new LinkedHashMap<>();
        for (JsonNode run : page.path("check_runs")) {
            JsonNode app = run.path("app").path("id");
            Long runApp = app.isMissingNode() || app.isNull() ? null : app.asLong();
            if (runApp != null && !String.valueOf(runApp).equals(appId)) {
                continue; // another app's run of the same name
            }
            JsonNode out = run.path("output");
            CheckRun checkRun = new CheckRun(run.path("id").asLong(), run.path("name").asText(),
                    run.path("head_sha").asText(sha), run.path("status").asText(null), run.path("conclusion").asText(null),
                    runApp, new CheckRunOutput(run.path("name").asText(), run.path("conclusion").asText(null),
                            out.path("title").asText(null), out.path("summary").asText(null), out.path("text").asText(null)));
            newest.merge(checkRun.name(), checkRun, (a, b) -> b.id() > a.id() ? b : a);
        }
        return List.copyOf(newest.values());
    }

    @Override
    public void createCheckRun(String repository, String headSha, CheckRunOutput output) throws IOException {
        Map<String, Object> body = checkRunBody(output);
        body.put("head_sha", headSha);
        api.post("/repos/" + repository + "/check-runs", body);
    }

    @Override
    public void updateCheckRun(String repository, long id, CheckRunOutput output) throws IOException {
        api.patch("/repos/" + repository + "/check-runs/" + id, checkRunBody(output));
    }

    private static Map<String, Object> checkRunBody(CheckRunOutput output) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", output.name());
        body.put("status", "completed");
        body.put("conclusion", output.conclusion());
        body.put("completed_at", Instant.now().toString());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", output.title());
        out.put("summary", truncate(output.summary()));
        out.put("text", truncate(output.text()));
        body.put("output", out);
        return body;
    }

    /** GitHub refuses output fields over 65535 characters. */
    public static String truncate(String s) {
        if (s == null || s.length() <= MAX_OUTPUT) {
            return s;
        }
        return s.substring(0, MAX_OUTPUT) + "\n\n(truncated)";
    }

    // ---- issues, comments, labels ---------------------------------------------------------------------------

    @Override
    public Optional<Issue> issue(String repository, int number) throws IOException {
        return api.find("/repos/" + repository + "/issues/" + number).map(RestGitHub::issue);
    }

    private static Issue issue(JsonNode found) {
        String url = found.path("repository_url").asText("");
        int at = url.indexOf("/repos/");
        String repository = at < 0 ? null : url.substring(at + "/repos/".length());
        return new Issue(repository, found.path("number").asInt(), found.path("title").asText(""),
                found.path("body").asText(null), found.path("state").asText(), found.has("pull_request"),
                labelNames(found.path("labels")), found.path("html_url").asText(null), user(found.path("user")),
                instant(found.path("closed_at")), instant(found.path("pull_request").path("merged_at")));
    }

    @Override
    public List<Comment> comments(String repository, int number) throws IOException {
        List<Comment> comments = new ArrayList<>();
        for (JsonNode comment : api.getAll("/repos/" + repository + "/issues/" + number + "/comments")) {
            comments.add(comment(comment));
        }
        return comments;
    }

    private static Comment comment(JsonNode comment) {
        JsonNode app = comment.path("performed_via_github_app").path("id");
        return new Comment(comment.path("id").asLong(), user(comment.path("user")), comment.path("body").asText(null),
                instant(comment.path("created_at")), instant(comment.path("updated_at")), comment.path("html_url").asText(null),
                app.isMissingNode() || app.isNull() ? null : app.asLong());
    }

    @Override
    public Comment comment(String repository, int number, String body) throws IOException {
        return comment(api.comment(repository, number, body));
    }

    @Override
    public void react(String repository, long commentId, String content) throws IOException {
        api.post("/repos/" + repository + "/issues/comments/" + commentId + "/reactions", Map.of("content", content));
    }

    @Override
    public List<User> reactions(String repository, long commentId, String content) throws IOException {
        List<User> users = new ArrayList<>();
        try {
            for (JsonNode reaction : api.getAll("/repos/" + repository + "/issues/comments/" + commentId + "/reactions?content="
                    + GitHubApi.encode(content))) {
                users.add(user(reaction.path("user")));
            }
        } catch (GitHubApiException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        return users;
    }

    @Override
    public void updateIssueBody(String repository, int number, String body) throws IOException {
        api.patch("/repos/" + repository + "/issues/" + number, Map.of("body", body));
    }

    @Override
    public List<String> labels(String repository, int number) throws IOException {
        List<String> names = new ArrayList<>();
        api.getAll("/repos/" + repository + "/issues/" + number + "/labels").forEach(l -> names.add(l.path("name").asText("")));
        return names;
    }

    @Override
    public void addLabels(String repository, int number, List<String> labels) throws IOException {
        api.post("/repos/" + repository + "/issues/" + number + "/labels", Map.of("labels", List.copyOf(labels)));
    }

    @Override
    public void removeLabel(String repository, int number, String label) throws IOException {
        api.delete("/repos/" + repository + "/issues/" + number + "/labels/" + encode(label));
    }

    @Override
    public boolean labelExists(String repository, String label) throws IOException {
        return api.find("/repos/" + repository + "/labels/" + encode(label)).isPresent();
    }

    @Override
    public void createLabel(String repository, String label, String colour, String description) throws IOException {
        api.post("/repos/" + repository + "/labels", Map.of("name", label, "color", colour, "description", description));
    }

    @Override
    public SearchResult searchIssues(String query) throws IOException {
        List<Issue> items = new ArrayList<>();
        int total = 0;
        boolean incomplete = false;
        for (JsonNode page : api.getPages("/search/issues?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))) {
            total = Math.max(total, page.path("total_count").asInt(0));
            incomplete |= page.path("incomplete_results").asBoolean(false);
            page.path("items").forEach(item -> items.add(issue(item)));
        }
        return new SearchResult(total, incomplete, items);
    }

    // ---- releases ------------------------------------------------------------------------------------------

    @Override
    public List<GitHubRelease> releases(String repository) throws IOException {
        List<GitHubRelease> releases = new ArrayList<>();
        for (JsonNode r : api.getAll("/repos/" + repository + "/releases")) {
            releases.add(new GitHubRelease(repository, r.path("tag_name").asText(), r.path("draft").asBoolean(false),
                    r.path("prerelease").asBoolean(false), instant(r.path("published_at")), r.path("html_url").asText(null),
                    r.path("body").asText(null)));
        }
        return releases;
    }

    // ---- people ---------------------------------------------------------------------------------------------

    @Override
    public Optional<Set<String>> teamMembers(String org, String slug) throws IOException {
        Set<String> members = new HashSet<>();
        try {
            for (JsonNode member : api.getAll("/orgs/" + org + "/teams/" + encode(slug) + "/members")) {
                members.add(member.path("login").asText());
            }
        } catch (GitHubApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(Set.copyOf(members));
    }

    @Override
    public Optional<String> profileCompany(String login) throws IOException {
        return api.find("/users/" + encode(login))
                .map(user -> user.path("company"))
                .filter(c -> c.isTextual() && !c.asText().isBlank())
                .map(JsonNode::asText);
    }

    @Override
    public Permission permission(String repository, String login) throws IOException {
        return api.find("/repos/" + repository + "/collaborators/" + encode(login) + "/permission")
                .map(p -> p.path("permission").asText("none").toUpperCase(Locale.ROOT))
                .map(RestGitHub::permission)
                .orElse(Permission.NONE);
    }

    private static Permission permission(String name) {
        try {
            return Permission.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Permission.NONE;
        }
    }

    // ---- shapes shared by several answers -------------------------------------------------------------------

    private static User user(JsonNode user) {
        return new User(user.path("login").asText(""), "Bot".equals(user.path("type").asText()));
    }

    private static List<String> labelNames(JsonNode labels) {
        List<String> names = new ArrayList<>();
        labels.forEach(l -> names.add(l.isTextual() ? l.asText() : l.path("name").asText()));
        return names;
    }

    static Instant instant(JsonNode value) {
        return value.isTextual() && !value.asText().isBlank() ? Instant.parse(value.asText()) : null;
    }
}
