package io.mojaloop.releasebot.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The state of a simulated GitHub: one app with one installation, repositories (every one exists, empty until seeded) (default branch, files per branch,
 * licence, branch protection, labels, releases, permissions, commit histories and tags with the files each tag
 * holds), issues and pull requests (open or merged) (sharing a number space per
 * repository, as on GitHub) with their labels, reviews and comments, teams, people, check runs (by this app or
 * another) and reactions. {@link SimulatedGitHubServer} serves it with GitHub's paths and JSON shapes.
 * <p>
 * Two kinds of methods: the public ones seed or change the state as people (or other apps) would, and read it for
 * tests and the sandbox page; the package-private ones are what the REST API answers and writes. Keys are
 * case-insensitive, like GitHub's logins and repository names. Only what the bot reads and writes is modelled.
 * Thread-safe: every method is synchronised, and nothing handed out is shared with the state (deep copies).
 */
public class SimulatedGitHub {

    public static final String APP_SLUG = "mojaloop-release-bot";
    public static final String BOT_LOGIN = APP_SLUG + "[bot]";

    /** A review as a person submits it. */
    public record Review(String login, String state, String commitId, Instant submittedAt) {
    }

    /** A comment as a person writes it. */
    public record Comment(long id, String login, String body, Instant createdAt) {
    }

    /** A published (or draft) release. */
    public record Release(String tag, boolean prerelease, boolean draft, Instant publishedAt, String body) {
    }

    private static final class Repo {
        final long id;
        final String fullName;
        String defaultBranch = "main";
        boolean installed;
        String licence;
        boolean protectionReadable = true;
        final Map<String, List<String>> requiredChecks = new HashMap<>();
        /** branch (lower case) -> path -> text; branches other than the default overlay the default one. */
        final Map<String, Map<String, String>> files = new HashMap<>();
        final Map<String, ObjectNode> labels = new LinkedHashMap<>();
        final List<ObjectNode> releases = new ArrayList<>();
        final Map<String, String> permissions = new HashMap<>();
        /** Every commit seeded, by sha; each has one parent (or none: a root), so histories are lines. */
        final Map<String, CommitNode> commits = new LinkedHashMap<>();
        /** branch (lower case) -> its head commit. */
        final Map<String, String> heads = new HashMap<>();
        /** tag -> its commit (tags compare case-sensitively, as git's do). */
        final Map<String, String> tags = new LinkedHashMap<>();
        /** tag -> path -> text: the tree as it was when the tag was made. */
        final Map<String, Map<String, String>> tagFiles = new HashMap<>();
        /** The installation cannot see it (private, or not installed): every read of it answers 404. */
        boolean unreachable;

        Repo(long id, String fullName) {
            this.id = id;
            this.fullName = fullName;
        }
    }

    /** An issue or a pull request: its node is in GitHub's shape (a PR's node is the pulls API's). */
    private static final class Item {
        final String repository;
        final boolean pullRequest;
        final ObjectNode node;
        final List<ObjectNode> reviews = new ArrayList<>();
        final List<ObjectNode> comments = new ArrayList<>();

        Item(String repository, boolean pullRequest, ObjectNode node) {
            this.repository = repository;
            this.pullRequest = pullRequest;
            this.node = node;
        }

        int number() {
            return node.path("number").asInt();
        }
    }

    private record Run(String repository, ObjectNode node) {
    }

    private record CommitNode(String sha, String message, String parent, String author, Instant at) {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicLong ids = new AtomicLong(1000);
    final long appId;
    final long installationId;
    final String org;
    final String webBase;
    private volatile String apiBase = "http://127.0.0.1";
    private String installedOn;
    private volatile String appSlug = APP_SLUG;

    private final Map<String, Repo> repos = new LinkedHashMap<>();
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final Map<Long, ObjectNode> commentsById = new HashMap<>();
    private final Map<String, List<String>> teams = new HashMap<>();
    private final Map<String, String> companies = new HashMap<>();
    private final List<Run> checkRuns = new ArrayList<>();
    private final Map<Long, Run> checkRunsById = new HashMap<>();
    private final Map<String, List<Run>> checkRunsByCommit = new HashMap<>();
    private final List<ObjectNode> reactions = new ArrayList<>();

    /** A simulated GitHub whose web pages are at {@code https://github.example} (the sandbox). */
    public SimulatedGitHub(long appId, long installationId, String org) {
        this(appId, installationId, org, "https://github.example");
    }

    /**
     * @param org the organisation that owns the app, and the owner of repositories named without one
     * @param webBase where people would read GitHub: the base of every {@code html_url}
     */
    public SimulatedGitHub(long appId, long installationId, String org, String webBase) {
        this.appId = appId;
        this.installationId = installationId;
        this.org = org;
        this.webBase = webBase.endsWith("/") ? webBase.substring(0, webBase.length() - 1) : webBase;
    }

    public long appId() {
        return appId;
    }

    public long installationId() {
        return installationId;
    }

    /** The app's slug as GitHub registered it ({@link #APP_SLUG} unless changed); its account is {@code <slug>[bot]}. */
    public String appSlug() {
        return appSlug;
    }

    /** Registers the app under another slug (kept by {@link #clear}: it is the app's identity, not GitHub's state). */
    public void appSlug(String slug) {
        this.appSlug = slug;
    }

    /** The app's Bot account, {@code <slug>[bot]}. */
    public String botLogin() {
        return appSlug + "[bot]";
    }

    /** Where the REST API is served (set by the server when it starts): the base of every API {@code url}. */
    void apiBase(String base) {
        this.apiBase = base;
    }

    String apiBase() {
        return apiBase;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String key(String repository, int number) {
        return lower(repository) + "#" + number;
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private String fullName(String name) {
        return name.contains("/") ? name : org + "/" + name;
    }

    private Repo repo(String fullName) {
        return repos.computeIfAbsent(lower(fullName), k -> new Repo(Math.abs((long) k.hashCode()), fullName));
    }

    /** Every repository exists (as an empty one on the default branch {@code main}) until something is seeded in it. */
    private Repo repoOrEmpty(String fullName) {
        Repo r = repos.get(lower(fullName));
        return r != null ? r : new Repo(Math.abs((long) lower(fullName).hashCode()), fullName);
    }

    private Item item(String repository, int number) {
        return items.get(key(repository, number));
    }

    private Item existingItem(String repository, int number) {
        Item item = item(repository, number);
        if (item == null) {
            throw new IllegalStateException("No issue or pull request " + repository + "#" + number + " (seed it first)");
        }
        return item;
    }

    // ---- seeding, and changes made by people --------------------------------------------------------------

    /** Forgets everything: no installation account, no repository, issue, team, person or check run. */
    public synchronized void clear() {
        installedOn = null;
        repos.clear();
        items.clear();
        commentsById.clear();
        teams.clear();
        companies.clear();
        checkRuns.clear();
        checkRunsById.clear();
        checkRunsByCommit.clear();
        reactions.clear();
    }

    /** The app is installed on this account (what {@code GET /app/installations} lists); null: installed nowhere. */
    public synchronized void installedOn(String account) {
        this.installedOn = account;
    }

    /** A repository the installation can see (named with or without its owner; without: the organisation's). */
    public synchronized void repository(String name) {
        repo(fullName(name)).installed = true;
    }

    /** A repository that exists, without changing which ones the installation lists. */
    public synchronized void ensureRepository(String fullName) {
        repo(fullName);
    }

    /** Exactly these repositories are listed by {@code GET /installation/repositories}. */
    public synchronized void installationRepositories(String... fullNames) {
        repos.values().forEach(r -> r.installed = false);
        for (String name : fullNames) {
            repo(name).installed = true;
        }
    }

    /** The repository's licence, by SPDX id (null: none). */
    public synchronized void licence(String repository, String spdxId) {
        repo(repository).licence = spdxId;
    }

    /** Branch protection of a branch requires these status checks (and the app may read it). */
    public synchronized void requiredStatusChecks(String repository, String branch, String... contexts) {
        Repo r = repo(repository);
        r.requiredChecks.put(lower(branch), List.of(contexts));
        r.protectionReadable = true;
    }

    /** The app cannot read the repository's branch protection (it lacks {@code administration: read}): 403. */
    public synchronized void protectionUnreadable(String repository) {
        repo(repository).protectionReadable = false;
    }

    /** A file on the repository's default branch. */
    public synchronized void file(String repository, String path, String text) {
        Repo r = repo(repository);
        fileOnBranch(repository, r.defaultBranch, path, text);
    }

    /** A file on a branch (which otherwise has the default branch's files). */
    public synchronized void fileOnBranch(String repository, String branch, String path, String text) {
        repo(repository).files.computeIfAbsent(lower(branch), b -> new HashMap<>()).put(path, text);
    }

    /** The members of a team of an organisation. */
    public synchronized void team(String organisation, String slug, String... members) {
        teams.put(lower(organisation + "/" + slug), List.of(members));
    }

    /** The company on a person's profile (null: none). */
    public synchronized void person(String login, String company) {
        companies.put(lower(login), company);
    }

    /** A person's permission on a repository (admin, maintain, write, triage, read, none). */
    public synchronized void permission(String repository, String login, String permission) {
        repo(repository).permissions.put(lower(login), permission);
    }

    /** An open pull request from branch {@code feature/<number>} with a head commit derived from its number. */
    public synchronized ObjectNode openPullRequest(String repository, int number, String author, String title, String base) {
        return pullRequest(repository, number, author, sha(repository, number, 1), base, title);
    }

    /** An open pull request (or, if it exists, the same one with this head, base, title and labels). */
    public synchronized ObjectNode pullRequest(String repository, int number, String author, String headSha, String base,
            String title, String... labels) {
        repo(repository);
        Item item = item(repository, number);
        ObjectNode pr;
        if (item == null) {
            pr = mapper.createObjectNode();
            pr.put("id", ids.incrementAndGet()).put("number", number).put("state", "open");
            pr.put("html_url", webBase + "/" + repository + "/pull/" + number).put("created_at", now());
            item = new Item(repository, true, pr);
            items.put(key(repository, number), item);
        } else if (!item.pullRequest) {
            throw new IllegalStateException(repository + "#" + number + " is an issue, not a pull request");
        } else {
            pr = item.node;
        }
        pr.put("title", title).putNull("body");
        pr.put("draft", false).put("updated_at", now());
        pr.set("user", user(author));
        pr.putObject("head").put("sha", headSha).put("ref", "feature/" + number)
                .put("label", author + ":feature/" + number);
        pr.putObject("base").put("ref", base);
        setLabels(repository, pr, List.of(labels));
        return pr.deepCopy();
    }

    /** Exactly these pull requests of the repository are open (created when missing); the others are closed. */
    public synchronized void openPullRequests(String repository, int... numbers) {
        Set<Integer> open = new java.util.HashSet<>();
        for (int n : numbers) {
            open.add(n);
            Item item = item(repository, n);
            if (item == null) {
                openPullRequest(repository, n, "octocat", "Pull request " + n, "main");
            } else if (item.pullRequest) {
                item.node.put("state", "open");
            }
        }
        String prefix = lower(repository) + "#";
        for (Map.Entry<String, Item> e : items.entrySet()) {
            if (e.getKey().startsWith(prefix) && e.getValue().pullRequest && !open.contains(e.getValue().number())) {
                e.getValue().node.put("state", "closed");
            }
        }
    }

    public synchronized ObjectNode openIssue(String repository, int number, String author, String title, String body,
            String... labels) {
        repo(repository);
        if (item(repository, number) != null && item(repository, number).pullRequest) {
            throw new IllegalStateException(repository + "#" + number + " is a pull request");
        }
        ObjectNode issue = mapper.createObjectNode();
        issue.put("id", ids.incrementAndGet()).put("number", number).put("state", "open").put("title", title)
                .put("body", body).put("html_url", webBase + "/" + repository + "/issues/" + number)
                .put("created_at", now()).put("updated_at", now());
        issue.set("user", user(author));
        setLabels(repository, issue, List.of(labels));
        items.put(key(repository, number), new Item(repository, false, issue));
        return issue.deepCopy();
    }

    public synchronized ObjectNode closeIssue(String repository, int number) {
        ObjectNode issue = existingItem(repository, number).node;
        issue.put("state", "closed").put("closed_at", now()).put("updated_at", now());
        return issueView(existingItem(repository, number));
    }

    /** A person rewrites an issue's body. */
    public synchronized void editIssueBody(String repository, int number, String body) {
        existingItem(repository, number).node.put("body", body).put("updated_at", now());
    }

    /** The issue's (or PR's) labels are exactly these (a person labelled it). */
    public synchronized void labels(String repository, int number, String... names) {
        setLabels(repository, existingItem(repository, number).node, List.of(names));
    }

    private void setLabels(String repository, ObjectNode node, List<String> names) {
        ArrayNode labels = node.putArray("labels");
        for (String name : names) {
            labels.add(label(repo(repository), name));
        }
    }

    /** The repository's label of that name, created (as GitHub does when an issue is labelled) when missing. */
    private ObjectNode label(Repo repo, String name) {
        return repo.labels.computeIfAbsent(lower(name), k -> {
            ObjectNode label = mapper.createObjectNode();
            label.put("id", ids.incrementAndGet()).put("name", name).put("color", "ededed").putNull("description")
                    .put("default", false);
            return label;
        }).deepCopy();
    }

    /** A review of the PR's current head, submitted now. */
    public synchronized ObjectNode review(String repository, int number, String reviewer, String state) {
        Item item = existingItem(repository, number);
        return addReview(item, new Review(reviewer, state, item.node.path("head").path("sha").asText(), Instant.now()));
    }

    /** The PR's reviews are exactly these, in this order. */
    public synchronized void reviews(String repository, int number, List<Review> reviews) {
        Item item = existingItem(repository, number);
        item.reviews.clear();
        reviews.forEach(r -> addReview(item, r));
    }

    private ObjectNode addReview(Item item, Review r) {
        ObjectNode review = mapper.createObjectNode();
        review.put("id", ids.incrementAndGet()).put("state", r.state().toUpperCase(Locale.ROOT))
                .put("commit_id", r.commitId()).put("submitted_at", time(r.submittedAt())).put("body", "")
                .put("html_url", item.node.path("html_url").asText() + "#pullrequestreview-" + ids.get());
        review.set("user", user(r.login()));
        item.reviews.add(review);
        return review.deepCopy();
    }

    /** A comment a person writes now (a new id). */
    public synchronized ObjectNode comment(String repository, int number, String author, String body) {
        return addComment(existingItem(repository, number), new Comment(ids.incrementAndGet(), author, body, Instant.now()));
    }

    /** A comment a person writes now, with this id (the one its webhook carries). */
    public synchronized ObjectNode comment(String repository, int number, long id, String author, String body) {
        return addComment(existingItem(repository, number), new Comment(id, author, body, Instant.now()));
    }

    /** Someone edits a comment a minute after it was written (GitHub's {@code updated_at} moves on). */
    public synchronized void editComment(long id, String body) {
        ObjectNode comment = commentsById.get(id);
        if (comment == null) {
            throw new IllegalStateException("No comment " + id + " (seed it first)");
        }
        comment.put("body", body).put("updated_at",
                time(Instant.parse(comment.path("created_at").asText()).plusSeconds(60)));
    }

    /** The issue's (or PR's) comments are exactly these, in this order (the bot's own included). */
    public synchronized void comments(String repository, int number, List<Comment> comments) {
        Item item = existingItem(repository, number);
        item.comments.forEach(c -> commentsById.remove(c.path("id").asLong()));
        item.comments.clear();
        comments.forEach(c -> addComment(item, c));
    }

    private ObjectNode addComment(Item item, Comment c) {
        boolean bot = c.login().equalsIgnoreCase(botLogin());
        ObjectNode comment = mapper.createObjectNode();
        String page = webBase + "/" + item.repository + (item.pullRequest ? "/pull/" : "/issues/") + item.number();
        comment.put("id", c.id()).put("body", c.body()).put("created_at", time(c.createdAt()))
                .put("updated_at", time(c.createdAt())).put("html_url", page + "#issuecomment-" + c.id())
                .put("issue_url", apiBase + "/repos/" + item.repository + "/issues/" + item.number())
                .put("author_association", bot ? "NONE" : "MEMBER");
        comment.set("user", user(c.login()));
        if (bot) {
            comment.putObject("performed_via_github_app").put("id", appId).put("slug", appSlug).put("name", appSlug);
        }
        item.comments.add(comment);
        // ids are unique on GitHub: a comment seeded with an id used before replaces that one, reactions and all
        if (commentsById.put(c.id(), comment) != null) {
            reactions.removeIf(r -> r.path("comment_id").asLong() == c.id());
        }
        return comment.deepCopy();
    }

    /** A release published now. */
    public synchronized ObjectNode publishRelease(String repository, String tag, boolean prerelease) {
        return addRelease(repo(repository), new Release(tag, prerelease, false, Instant.now(), ""));
    }

    /** The repository's releases are exactly these. */
    public synchronized void releases(String repository, List<Release> releases) {
        Repo r = repo(repository);
        r.releases.clear();
        releases.forEach(release -> addRelease(r, release));
    }

    private ObjectNode addRelease(Repo repo, Release r) {
        ObjectNode release = mapper.createObjectNode();
        release.put("id", ids.incrementAndGet()).put("tag_name", r.tag()).put("name", r.tag())
                .put("prerelease", r.prerelease()).put("draft", r.draft())
                .put("created_at", time(r.publishedAt())).put("body", r.body() == null ? "" : r.body())
                .put("html_url", webBase + "/" + repo.fullName + "/releases/tag/" + r.tag());
        if (r.draft()) {
            release.putNull("published_at");
        } else {
            release.put("published_at", time(r.publishedAt()));
        }
        release.set("author", user("release-lead"));
        repo.releases.add(release);
        // GitHub lists releases newest first
        repo.releases.sort(Comparator.comparing((ObjectNode n) -> n.path("created_at").asText()).reversed());
        return release.deepCopy();
    }

    // ---- commits, tags, merged pull requests ------------------------------------------------------------

    /**
     * Commits on top of the default branch's head (the first one is a root when the branch has none yet), oldest
     * first, each by {@code author}: their shas. Messages are whole commit messages (title, blank line, body).
     */
    public synchronized List<String> commitsBy(String repository, String author, String... messages) {
        Repo r = repo(repository);
        String branch = lower(r.defaultBranch);
        List<String> shas = new ArrayList<>();
        String parent = r.heads.get(branch);
        for (String message : messages) {
            parent = addCommit(r, parent, message, author);
            shas.add(parent);
        }
        if (parent != null) {
            r.heads.put(branch, parent);
        }
        return shas;
    }

    /** {@link #commitsBy} {@code octocat}. */
    public synchronized List<String> commits(String repository, String... messages) {
        return commitsBy(repository, "octocat", messages);
    }

    private String addCommit(Repo r, String parent, String message, String author) {
        String sha = sha1(r.fullName + "\n" + parent + "\n" + message + "\n" + r.commits.size());
        r.commits.put(sha, new CommitNode(sha, message, parent, author, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        return sha;
    }

    /**
     * A tag at the default branch's head (a first commit is made when it has none), holding the default branch's
     * files as they are now ({@link #fileAtTag} changes them): its commit.
     */
    public synchronized String tag(String repository, String tag) {
        Repo r = repo(repository);
        String head = r.heads.get(lower(r.defaultBranch));
        if (head == null) {
            head = commits(repository, "chore: initial commit").get(0);
        }
        return tagAt(r, tag, head);
    }

    /** Commits on the default branch ({@link #commits}), then a tag at the last one ({@link #tag}): their shas. */
    public synchronized List<String> tagCommits(String repository, String tag, String... messages) {
        List<String> shas = commits(repository, messages);
        tag(repository, tag);
        return shas;
    }

    /**
     * A tag on a history of its own, sharing no commit with the rest of the repository (a compare with any other ref
     * answers 422 "No common ancestor"); the default branch is left as it is.
     */
    public synchronized List<String> unrelatedTag(String repository, String tag, String... messages) {
        Repo r = repo(repository);
        List<String> shas = new ArrayList<>();
        String parent = null;
        for (String message : messages.length == 0 ? new String[] { "chore: orphan history" } : messages) {
            parent = addCommit(r, parent, message, "octocat");
            shas.add(parent);
        }
        tagAt(r, tag, parent);
        return shas;
    }

    private String tagAt(Repo r, String tag, String sha) {
        r.tags.put(tag, sha);
        r.tagFiles.put(tag, new HashMap<>(r.files.getOrDefault(lower(r.defaultBranch), Map.of())));
        return sha;
    }

    /** A file as the tag holds it (the tag must exist). */
    public synchronized void fileAtTag(String repository, String tag, String path, String text) {
        Map<String, String> files = repo(repository).tagFiles.get(tag);
        if (files == null) {
            throw new IllegalStateException("No tag " + tag + " in " + repository + " (seed it first)");
        }
        files.put(path, text);
    }

    /** The installation cannot see the repository (private to others, or not installed): GitHub answers 404 for it. */
    public synchronized void unreachableRepository(String repository) {
        repo(repository).unreachable = true;
    }

    /**
     * A pull request merged into the default branch: closed, {@code merged_at}, {@code merged_by}, its head commit and
     * the commit the merge (or squash) made on the base branch, which {@code commits/{sha}/pulls} answers it for.
     */
    public synchronized ObjectNode mergedPullRequest(String repository, int number, String author, String title, String headSha,
            String mergeCommitSha, String mergedBy, Instant mergedAt, String... labels) {
        Repo r = repo(repository);
        pullRequest(repository, number, author, headSha, r.defaultBranch, title, labels);
        ObjectNode pr = item(repository, number).node;
        pr.put("state", "closed").put("closed_at", time(mergedAt)).put("merged_at", time(mergedAt))
                .put("updated_at", time(mergedAt)).put("merge_commit_sha", mergeCommitSha);
        pr.set("merged_by", user(mergedBy));
        return pullView(item(repository, number));
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A check run written by another app (the bot must not mistake it for its own). */
    public synchronized ObjectNode checkRunByApp(String repository, String headSha, String name, long byAppId,
            String bySlug, String conclusion) {
        ObjectNode body = mapper.createObjectNode().put("name", name).put("head_sha", headSha).put("status", "completed")
                .put("conclusion", conclusion);
        body.putObject("output").put("title", name).put("summary", "");
        return addCheckRun(repository, body, byAppId, bySlug);
    }

    /** A completed check run of this app, as the bot wrote it earlier (e.g. {@code review-rules} on a merged head). */
    public synchronized ObjectNode botCheckRun(String repository, String headSha, String name, String conclusion) {
        return checkRunByApp(repository, headSha, name, appId, APP_SLUG, conclusion);
    }

    // ---- reading, for tests and the sandbox page ----------------------------------------------------------

    /** An issue, or a PR as the issues API shows it; null when there is none. */
    public synchronized ObjectNode issue(String repository, int number) {
        Item item = item(repository, number);
        return item == null ? null : issueView(item);
    }

    public synchronized ObjectNode pullRequest(String repository, int number) {
        Item item = item(repository, number);
        return item == null || !item.pullRequest ? null : pullView(item);
    }

    /** The comments of an issue or PR, oldest first (empty when there is no such issue). */
    public synchronized List<ObjectNode> comments(String repository, int number) {
        Item item = item(repository, number);
        return item == null ? List.of() : item.comments.stream().map(ObjectNode::deepCopy).toList();
    }

    /** Every check run ever written, oldest first, each with a {@code repository} field (not served by the API). */
    public synchronized List<ObjectNode> checkRuns() {
        return checkRuns.stream().map(r -> {
            ObjectNode copy = r.node().deepCopy();
            copy.put("repository", r.repository());
            return copy;
        }).toList();
    }

    /** The latest check run of that name by this app on the commit, or null. */
    public synchronized ObjectNode latestCheckRun(String repository, String sha, String name) {
        List<Run> runs = checkRunsByCommit.getOrDefault(lower(repository) + "@" + sha, List.of());
        for (int i = runs.size() - 1; i >= 0; i--) {
            ObjectNode run = runs.get(i).node();
            if (run.path("app").path("id").asLong() == appId && name.equals(run.path("name").asText())) {
                ObjectNode copy = run.deepCopy();
                copy.put("repository", runs.get(i).repository());
                return copy;
            }
        }
        return null;
    }

    /** The latest check run of that name by this app on the PR's current head, or null. */
    public synchronized ObjectNode latestCheckRun(String repository, int number, String name) {
        Item item = item(repository, number);
        return item == null || !item.pullRequest ? null
                : latestCheckRun(repository, item.node.path("head").path("sha").asText(), name);
    }

    /** Everything, for the sandbox page and its JSON twin. */
    public synchronized ObjectNode snapshot() {
        ObjectNode all = mapper.createObjectNode();
        ArrayNode prs = all.putArray("pullRequests");
        ArrayNode issues = all.putArray("issues");
        for (Item item : items.values()) {
            if (!item.pullRequest) {
                issues.add(item.node.deepCopy());
                continue;
            }
            ObjectNode pr = item.node.deepCopy();
            pr.put("repository", lower(item.repository));
            pr.set("reviews", mapper.valueToTree(item.reviews));
            pr.set("comments", mapper.valueToTree(item.comments));
            ArrayNode runs = pr.putArray("checkRuns");
            for (String name : List.of("review-rules", "release-freeze")) {
                ObjectNode run = latestCheckRun(item.repository, item.node.path("head").path("sha").asText(), name);
                if (run != null) {
                    runs.add(run);
                }
            }
            prs.add(pr);
        }
        all.put("checkRunsWritten", checkRuns.size());
        ArrayNode r = all.putArray("reactions");
        reactions.forEach(n -> r.add(n.path("comment_id").asLong() + ":" + n.path("content").asText()));
        return all;
    }

    ObjectNode user(String login) {
        ObjectNode user = mapper.createObjectNode();
        boolean bot = login.endsWith("[bot]");
        user.put("login", login).put("id", Math.abs((long) lower(login).hashCode())).put("type", bot ? "Bot" : "User")
                .put("html_url", webBase + "/" + (bot ? "apps/" + login.replace("[bot]", "") : login));
        return user;
    }

    static String sha(String repository, int number, int revision) {
        String seed = Integer.toHexString((repository + "#" + number + "@" + revision).hashCode());
        StringBuilder sha = new StringBuilder();
        while (sha.length() < 40) {
            sha.append(seed);
        }
        return sha.substring(0, 40);
    }

    // ---- what the REST API serves and writes (null: 404) ---------------------------------------------------

    synchronized ObjectNode app() {
        ObjectNode app = mapper.createObjectNode().put("id", appId).put("slug", appSlug).put("name", appSlug)
                .put("html_url", webBase + "/apps/" + appSlug);
        app.putObject("owner").put("login", org).put("type", "Organization");
        app.putArray("events");
        app.putObject("permissions");
        return app;
    }

    private final List<JsonNode> hookDeliveries = new ArrayList<>();

    /** The app's webhook deliveries, newest first, as {@code GET /app/hook/deliveries} lists them. */
    public synchronized void hookDeliveries(List<? extends JsonNode> deliveries) {
        hookDeliveries.clear();
        hookDeliveries.addAll(deliveries);
    }

    synchronized List<JsonNode> hookDeliveries() {
        return List.copyOf(hookDeliveries);
    }

    synchronized List<JsonNode> installations() {
        return installedOn == null ? List.of() : List.of(installation(installationId));
    }

    synchronized ObjectNode installation(long id) {
        if (id != installationId) {
            return null;
        }
        String account = installedOn == null ? org : installedOn;
        ObjectNode installation = mapper.createObjectNode().put("id", installationId).put("app_id", appId)
                .put("app_slug", appSlug).put("target_type", "Organization").put("repository_selection", "selected")
                .put("access_tokens_url", apiBase + "/app/installations/" + installationId + "/access_tokens")
                .put("repositories_url", apiBase + "/installation/repositories")
                .put("html_url", webBase + "/organizations/" + account + "/settings/installations/" + installationId);
        installation.putObject("account").put("login", account).put("type", "Organization")
                .put("id", Math.abs((long) lower(account).hashCode()));
        installation.putObject("permissions");
        installation.putArray("events");
        return installation;
    }

    synchronized List<JsonNode> installationRepositories() {
        return repos.values().stream().filter(r -> r.installed).map(r -> (JsonNode) repositoryView(r)).toList();
    }

    private ObjectNode repositoryView(Repo r) {
        String owner = r.fullName.substring(0, r.fullName.indexOf('/'));
        ObjectNode repo = mapper.createObjectNode();
        repo.put("id", r.id).put("name", r.fullName.substring(owner.length() + 1)).put("full_name", r.fullName)
                .put("private", false).put("archived", false).put("default_branch", r.defaultBranch)
                .put("html_url", webBase + "/" + r.fullName).put("url", apiBase + "/repos/" + r.fullName);
        repo.putObject("owner").put("login", owner).put("type", "Organization");
        return repo;
    }

    /** A repository; null (404) when the installation cannot see it. */
    synchronized ObjectNode repository(String owner, String name) {
        Repo r = repoOrEmpty(owner + "/" + name);
        return r.unreachable ? null : repositoryView(r);
    }

    /** GitHub's compare of two refs: the summary and every commit of {@code head} not in {@code base}, oldest first. */
    record Compared(ObjectNode summary, List<JsonNode> commits) {
    }

    /**
     * {@code GET /repos/{repo}/compare/{base}...{head}}: 404 when the repository or either ref is unknown, 422 when
     * the two share no commit; refs are tags, branches or shas (7 or more
     * hex digits).
     */
    synchronized Lookup<Compared> compare(String repository, String base, String head) {
        Repo r = repoOrEmpty(repository);
        if (r.unreachable) {
            return Lookup.missing("Not Found");
        }
        String baseSha = resolve(r, base);
        String headSha = resolve(r, head);
        if (baseSha == null || headSha == null) {
            return Lookup.missing("Not Found");
        }
        List<String> headLine = line(r, headSha);
        List<String> baseLine = line(r, baseSha);
        Set<String> inBase = new java.util.HashSet<>(baseLine);
        String mergeBase = headLine.stream().filter(inBase::contains).findFirst().orElse(null);
        if (mergeBase == null) {
            return new Lookup<>(null, 422, "No common ancestor between " + base + " and " + head + ".");
        }
        List<String> ahead = new ArrayList<>(headLine.subList(0, headLine.indexOf(mergeBase)));
        java.util.Collections.reverse(ahead);
        int behind = baseLine.indexOf(mergeBase);
        String status = ahead.isEmpty() && behind == 0 ? "identical" : behind == 0 ? "ahead" : ahead.isEmpty() ? "behind" : "diverged";
        ObjectNode summary = mapper.createObjectNode();
        String basehead = base + "..." + head;
        summary.put("url", apiBase + "/repos/" + r.fullName + "/compare/" + basehead)
                .put("html_url", webBase + "/" + r.fullName + "/compare/" + basehead)
                .put("permalink_url", webBase + "/" + r.fullName + "/compare/" + r.fullName.replace('/', ':') + ":"
                        + baseSha.substring(0, 7) + "..." + r.fullName.replace('/', ':') + ":" + headSha.substring(0, 7))
                .put("diff_url", webBase + "/" + r.fullName + "/compare/" + basehead + ".diff")
                .put("patch_url", webBase + "/" + r.fullName + "/compare/" + basehead + ".patch");
        summary.set("base_commit", commitView(r, r.commits.get(baseSha)));
        summary.set("merge_base_commit", commitView(r, r.commits.get(mergeBase)));
        summary.put("status", status).put("ahead_by", ahead.size()).put("behind_by", behind).put("total_commits", ahead.size());
        List<JsonNode> commits = new ArrayList<>();
        for (String sha : ahead) {
            commits.add(commitView(r, r.commits.get(sha)));
        }
        return Lookup.of(new Compared(summary, commits));
    }

    /** The commit a ref names (a tag, a branch, a sha or its prefix of 7 or more), or null. */
    private static String resolve(Repo r, String ref) {
        String name = ref.startsWith("refs/tags/") ? ref.substring("refs/tags/".length())
                : ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
        if (r.tags.containsKey(name)) {
            return r.tags.get(name);
        }
        if (r.heads.containsKey(lower(name))) {
            return r.heads.get(lower(name));
        }
        if (name.matches("[0-9a-fA-F]{7,40}")) {
            List<String> found = r.commits.keySet().stream().filter(sha -> sha.startsWith(lower(name))).toList();
            return found.size() == 1 ? found.get(0) : null;
        }
        return null;
    }

    /** The commit and its ancestors, newest first. */
    private static List<String> line(Repo r, String sha) {
        List<String> line = new ArrayList<>();
        for (String at = sha; at != null && r.commits.containsKey(at); at = r.commits.get(at).parent()) {
            line.add(at);
        }
        return line;
    }

    private ObjectNode commitView(Repo r, CommitNode c) {
        ObjectNode commit = mapper.createObjectNode();
        String api = apiBase + "/repos/" + r.fullName;
        commit.put("sha", c.sha()).put("node_id", "C_" + c.sha().substring(0, 20)).put("url", api + "/commits/" + c.sha())
                .put("html_url", webBase + "/" + r.fullName + "/commit/" + c.sha())
                .put("comments_url", api + "/commits/" + c.sha() + "/comments");
        ObjectNode git = commit.putObject("commit");
        for (String who : List.of("author", "committer")) {
            git.putObject(who).put("name", who.equals("author") ? c.author() : "GitHub")
                    .put("email", (who.equals("author") ? c.author() : "noreply") + "@users.noreply.github.com")
                    .put("date", time(c.at()));
        }
        git.put("message", c.message()).put("comment_count", 0).put("url", api + "/git/commits/" + c.sha());
        git.putObject("tree").put("sha", sha1("tree " + c.sha())).put("url", api + "/git/trees/" + sha1("tree " + c.sha()));
        git.putObject("verification").put("verified", false).put("reason", "unsigned").putNull("signature")
                .putNull("payload").putNull("verified_at");
        commit.set("author", user(c.author()));
        commit.set("committer", user("web-flow"));
        ArrayNode parents = commit.putArray("parents");
        if (c.parent() != null) {
            parents.addObject().put("sha", c.parent()).put("url", api + "/commits/" + c.parent())
                    .put("html_url", webBase + "/" + r.fullName + "/commit/" + c.parent());
        }
        return commit;
    }

    /** A file at a ref (a branch, {@code refs/heads/..}, a PR's head commit or {@code refs/pull/N/head}); see {@link Lookup}. */
    synchronized Lookup<ObjectNode> content(String repository, String path, String ref) {
        Repo r = repoOrEmpty(repository);
        if (r.unreachable) {
            return Lookup.missing("Not Found");
        }
        String tag = ref == null ? null : ref.startsWith("refs/tags/") ? ref.substring("refs/tags/".length()) : ref;
        String branch;
        String text;
        if (tag != null && r.tagFiles.containsKey(tag) && !r.files.containsKey(lower(tag))) {
            // the file as it was when the tag was made
            branch = tag;
            text = r.tagFiles.get(tag).get(path);
        } else {
            branch = ref == null ? r.defaultBranch : branchOf(r, ref);
            if (branch == null) {
                return Lookup.missing("No commit found for the ref " + ref);
            }
            text = r.files.getOrDefault(lower(branch), Map.of()).get(path);
            if (text == null && !lower(branch).equals(lower(r.defaultBranch))) {
                text = r.files.getOrDefault(lower(r.defaultBranch), Map.of()).get(path);
            }
        }
        if (text == null) {
            return Lookup.missing("Not Found");
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ObjectNode content = mapper.createObjectNode();
        content.put("type", "file").put("encoding", "base64").put("size", bytes.length)
                .put("name", path.substring(path.lastIndexOf('/') + 1)).put("path", path).put("sha", blobSha(bytes))
                .put("content", java.util.Base64.getMimeEncoder(60, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes) + "\n")
                .put("url", apiBase + "/repos/" + r.fullName + "/contents/" + path + "?ref=" + branch)
                .put("html_url", webBase + "/" + r.fullName + "/blob/" + branch + "/" + path);
        return Lookup.of(content);
    }

    /** The branch a ref names, or null when no commit has that name. */
    private String branchOf(Repo r, String ref) {
        String name = ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
        if (lower(name).equals(lower(r.defaultBranch)) || r.files.containsKey(lower(name))) {
            return name;
        }
        Matcher pull = Pattern.compile("refs/pull/(\\d+)/(head|merge)").matcher(ref);
        for (Item item : items.values()) {
            if (!item.pullRequest || !lower(item.repository).equals(lower(r.fullName))) {
                continue;
            }
            JsonNode head = item.node.path("head");
            if (name.equals(head.path("sha").asText()) || name.equals(head.path("ref").asText())
                    || (pull.matches() && Integer.parseInt(pull.group(1)) == item.number())) {
                return head.path("ref").asText();
            }
        }
        return null;
    }

    private static String blobSha(byte[] bytes) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized ObjectNode licence(String repository) {
        Repo r = repoOrEmpty(repository);
        if (r.licence == null) {
            return null;
        }
        ObjectNode licence = mapper.createObjectNode().put("name", "LICENSE").put("path", "LICENSE");
        licence.putObject("license").put("key", lower(r.licence)).put("spdx_id", r.licence).put("name", r.licence);
        return licence;
    }

    /** The required status checks of a branch; 403 when the app may not read protection, 404 when there is none. */
    synchronized Lookup<ObjectNode> requiredStatusChecks(String repository, String branch) {
        Repo r = repoOrEmpty(repository);
        if (!r.protectionReadable) {
            return Lookup.forbidden("Resource not accessible by integration");
        }
        List<String> contexts = r.requiredChecks.get(lower(branch));
        if (contexts == null) {
            return Lookup.missing("Branch not protected");
        }
        ObjectNode checks = mapper.createObjectNode().put("strict", true)
                .put("url", apiBase + "/repos/" + r.fullName + "/branches/" + branch + "/protection/required_status_checks");
        ArrayNode ctx = checks.putArray("contexts");
        ArrayNode list = checks.putArray("checks");
        for (String c : contexts) {
            ctx.add(c);
            list.addObject().put("context", c).putNull("app_id");
        }
        return Lookup.of(checks);
    }

    /** The PRs of a repository in a state (open, closed, all), newest first; null when there is no repository. */
    synchronized List<JsonNode> pullRequests(String repository, String state) {
        List<JsonNode> found = new ArrayList<>();
        String prefix = lower(repository) + "#";
        for (Map.Entry<String, Item> e : items.entrySet()) {
            Item item = e.getValue();
            if (e.getKey().startsWith(prefix) && item.pullRequest
                    && ("all".equals(state) || state.equals(item.node.path("state").asText()))) {
                found.add(pullView(item));
            }
        }
        java.util.Collections.reverse(found);
        return found;
    }

    /**
     * What {@code GET /repos/{repo}/commits/{sha}/pulls} lists: the merged PR whose merge (or squash) commit it is,
     * and the PRs whose head it is; merged ones first, as GitHub names "the merged pull request that introduced the
     * commit" before the others.
     */
    synchronized List<JsonNode> pullRequestsOfCommit(String repository, String sha) {
        List<JsonNode> merged = new ArrayList<>();
        List<JsonNode> others = new ArrayList<>();
        for (Item item : items.values()) {
            if (!item.pullRequest || !lower(item.repository).equals(lower(repository))) {
                continue;
            }
            boolean mergeCommit = sha.equals(item.node.path("merge_commit_sha").asText(null));
            if (mergeCommit || sha.equals(item.node.path("head").path("sha").asText())) {
                (item.node.path("merged_at").isTextual() ? merged : others).add(pullView(item));
            }
        }
        merged.addAll(others);
        return merged;
    }

    private ObjectNode pullView(Item item) {
        ObjectNode pr = item.node.deepCopy();
        pr.put("url", apiBase + "/repos/" + item.repository + "/pulls/" + item.number());
        pr.put("merged", pr.path("merged_at").isTextual());
        if (!pr.has("merged_at")) {
            pr.putNull("merged_at").putNull("merged_by").putNull("merge_commit_sha");
        }
        return pr;
    }

    private ObjectNode issueView(Item item) {
        ObjectNode issue = item.node.deepCopy();
        issue.put("url", apiBase + "/repos/" + item.repository + "/issues/" + item.number());
        issue.put("repository_url", apiBase + "/repos/" + item.repository);
        issue.put("comments", item.comments.size());
        if (item.pullRequest) {
            issue.remove(List.of("head", "base", "draft", "merged", "merged_at", "merged_by", "merge_commit_sha"));
            ObjectNode pull = issue.putObject("pull_request");
            pull.put("url", apiBase + "/repos/" + item.repository + "/pulls/" + item.number())
                    .put("html_url", item.node.path("html_url").asText());
            pull.set("merged_at", item.node.path("merged_at").isTextual() ? item.node.get("merged_at")
                    : mapper.nullNode());
        }
        return issue;
    }

    synchronized List<JsonNode> reviews(String repository, int number) {
        Item item = item(repository, number);
        return item == null || !item.pullRequest ? null : item.reviews.stream().map(n -> (JsonNode) n.deepCopy()).toList();
    }

    synchronized List<JsonNode> commentsOf(String repository, int number) {
        Item item = item(repository, number);
        return item == null ? null : item.comments.stream().map(n -> (JsonNode) n.deepCopy()).toList();
    }

    /** The bot comments; null when there is no such issue. */
    synchronized ObjectNode botComment(String repository, int number, String body) {
        Item item = item(repository, number);
        return item == null ? null : addComment(item, new Comment(ids.incrementAndGet(), botLogin(), body, Instant.now()));
    }

    /** The bot edits an issue (title, body, state, labels); null when there is none. */
    synchronized ObjectNode editIssue(String repository, int number, JsonNode patch) {
        Item item = item(repository, number);
        if (item == null) {
            return null;
        }
        for (String field : List.of("title", "body", "state")) {
            if (patch.has(field)) {
                item.node.set(field, patch.get(field));
            }
        }
        if (patch.has("labels")) {
            List<String> names = new ArrayList<>();
            patch.get("labels").forEach(l -> names.add(l.isObject() ? l.path("name").asText() : l.asText()));
            setLabels(repository, item.node, names);
        }
        item.node.put("updated_at", now());
        return issueView(item);
    }

    synchronized ArrayNode labelsOf(String repository, int number) {
        Item item = item(repository, number);
        return item == null ? null : ((ArrayNode) item.node.path("labels")).deepCopy();
    }

    /** Adds labels to an issue (creating missing repository labels); null when there is no such issue. */
    synchronized ArrayNode addLabels(String repository, int number, List<String> names) {
        Item item = item(repository, number);
        if (item == null) {
            return null;
        }
        ArrayNode labels = (ArrayNode) item.node.withArray("labels");
        for (String name : names) {
            boolean present = false;
            for (JsonNode l : labels) {
                present |= l.path("name").asText().equalsIgnoreCase(name);
            }
            if (!present) {
                labels.add(label(repo(repository), name));
            }
        }
        return labels.deepCopy();
    }

    /** Removes a label from an issue: the remaining labels; a missing label or issue is a {@link Lookup#missing}. */
    synchronized Lookup<ArrayNode> removeLabel(String repository, int number, String name) {
        Item item = item(repository, number);
        if (item == null) {
            return Lookup.missing("Not Found");
        }
        ArrayNode labels = (ArrayNode) item.node.path("labels");
        for (int i = labels.size() - 1; i >= 0; i--) {
            if (labels.get(i).path("name").asText().equalsIgnoreCase(name)) {
                labels.remove(i);
                return Lookup.of(labels.deepCopy());
            }
        }
        return Lookup.missing("Label does not exist");
    }

    synchronized ObjectNode repositoryLabel(String repository, String name) {
        Repo r = repoOrEmpty(repository);
        ObjectNode label = r.labels.get(lower(name));
        return label == null ? null : label.deepCopy();
    }

    /** Creates a repository label; null when one of that name exists (GitHub: 422 already_exists). */
    synchronized ObjectNode createLabel(String repository, String name, String color, String description) {
        Repo r = repo(repository);
        if (r.labels.containsKey(lower(name))) {
            return null;
        }
        ObjectNode label = mapper.createObjectNode();
        label.put("id", ids.incrementAndGet()).put("name", name).put("color", color == null ? "ededed" : color)
                .put("default", false);
        if (description == null) {
            label.putNull("description");
        } else {
            label.put("description", description);
        }
        r.labels.put(lower(name), label);
        return label.deepCopy();
    }

    /** The bot reacts to a comment: the reaction and whether it is new; null when there is no such comment. */
    synchronized Map.Entry<ObjectNode, Boolean> react(long commentId, String content) {
        return react(commentId, botLogin(), content);
    }

    /** Someone (a person, or the bot in an earlier life) reacted to a comment; null when there is no such comment. */
    public synchronized Map.Entry<ObjectNode, Boolean> react(long commentId, String login, String content) {
        if (!commentsById.containsKey(commentId)) {
            return null;
        }
        for (ObjectNode r : reactions) {
            if (r.path("comment_id").asLong() == commentId && r.path("content").asText().equals(content)
                    && r.path("user").path("login").asText().equalsIgnoreCase(login)) {
                ObjectNode shown = r.deepCopy();
                shown.remove("comment_id");
                return Map.entry(shown, false);
            }
        }
        ObjectNode reaction = mapper.createObjectNode();
        reaction.put("id", ids.incrementAndGet()).put("content", content).put("created_at", now());
        reaction.set("user", user(login));
        reaction.put("comment_id", commentId);
        reactions.add(reaction);
        ObjectNode shown = reaction.deepCopy();
        shown.remove("comment_id");
        return Map.entry(shown, true);
    }

    /** The reactions to a comment, oldest first, optionally only of one content; null when there is no such comment. */
    synchronized List<JsonNode> reactionsOf(long commentId, String content) {
        if (!commentsById.containsKey(commentId)) {
            return null;
        }
        List<JsonNode> out = new ArrayList<>();
        for (ObjectNode r : reactions) {
            if (r.path("comment_id").asLong() == commentId && (content == null || r.path("content").asText().equals(content))) {
                ObjectNode shown = r.deepCopy();
                shown.remove("comment_id");
                out.add(shown);
            }
        }
        return out;
    }

    synchronized List<JsonNode> releases(String repository) {
        Repo r = repoOrEmpty(repository);
        return r.releases.stream().map(n -> (JsonNode) n.deepCopy()).toList();
    }

    synchronized String permission(String repository, String login) {
        Repo r = repoOrEmpty(repository);
        return r.permissions.getOrDefault(lower(login), "read");
    }

    synchronized List<JsonNode> teamMembers(String organisation, String slug) {
        List<String> members = teams.get(lower(organisation + "/" + slug));
        return members == null ? null : members.stream().map(m -> (JsonNode) user(m)).toList();
    }

    synchronized ObjectNode profile(String login) {
        ObjectNode user = user(login);
        String company = companies.get(lower(login));
        if (company == null) {
            user.putNull("company");
        } else {
            user.put("company", company);
        }
        user.putNull("name");
        return user;
    }

    /** The bot creates a check run. */
    synchronized ObjectNode createCheckRun(String repository, JsonNode body) {
        return addCheckRun(repository, body, appId, appSlug);
    }

    private ObjectNode addCheckRun(String repository, JsonNode body, long byAppId, String bySlug) {
        repo(repository);
        ObjectNode run = mapper.createObjectNode();
        long id = ids.incrementAndGet();
        run.put("id", id).put("status", "queued").putNull("conclusion").put("started_at", now()).putNull("completed_at");
        body.fields().forEachRemaining(e -> run.set(e.getKey(), e.getValue().deepCopy()));
        if (run.hasNonNull("conclusion") && !body.has("status")) {
            run.put("status", "completed");
        }
        if ("completed".equals(run.path("status").asText()) && run.path("completed_at").isNull()) {
            run.put("completed_at", now());
        }
        run.put("url", apiBase + "/repos/" + repository + "/check-runs/" + id)
                .put("html_url", webBase + "/" + repository + "/runs/" + id);
        run.putObject("app").put("id", byAppId).put("slug", bySlug).put("name", bySlug);
        Run stored = new Run(repository, run);
        checkRuns.add(stored);
        checkRunsById.put(id, stored);
        checkRunsByCommit.computeIfAbsent(lower(repository) + "@" + run.path("head_sha").asText(), k -> new ArrayList<>())
                .add(stored);
        return run.deepCopy();
    }

    /** The bot updates its check run; null when there is none of that id in the repository. */
    synchronized ObjectNode updateCheckRun(String repository, long id, JsonNode body) {
        Run run = checkRunsById.get(id);
        if (run == null || !lower(run.repository()).equals(lower(repository))) {
            return null;
        }
        body.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("head_sha")) {
                run.node().set(e.getKey(), e.getValue().deepCopy());
            }
        });
        if (run.node().hasNonNull("conclusion") && !body.has("status")) {
            run.node().put("status", "completed");
        }
        return run.node().deepCopy();
    }

    synchronized ObjectNode checkRun(String repository, long id) {
        Run run = checkRunsById.get(id);
        return run == null || !lower(run.repository()).equals(lower(repository)) ? null : run.node().deepCopy();
    }

    /**
     * A commit's check runs, newest first: of one app ({@code appFilter}, null: any), of one name (null: any), and
     * with {@code latestOnly} only the newest run of each name and app (GitHub's {@code filter=latest}).
     */
    synchronized List<JsonNode> checkRuns(String repository, String sha, String name, Long appFilter, boolean latestOnly) {
        List<Run> runs = checkRunsByCommit.getOrDefault(lower(repository) + "@" + sha, List.of());
        List<JsonNode> found = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = runs.size() - 1; i >= 0; i--) {
            ObjectNode run = runs.get(i).node();
            long app = run.path("app").path("id").asLong();
            if ((name != null && !name.equals(run.path("name").asText())) || (appFilter != null && app != appFilter)) {
                continue;
            }
            if (latestOnly && !seen.add(app + "/" + run.path("name").asText())) {
                continue;
            }
            found.add(run.deepCopy());
        }
        return found;
    }

    /**
     * GitHub's issue search, for the qualifiers the bot uses: {@code org:}, {@code user:}, {@code repo:},
     * {@code is:}/{@code type:} issue or pr, {@code is:}/{@code state:} open or closed, {@code updated:} (a day, with
 * {@code >=}, {@code >}, {@code <=} or {@code <}), {@code label:} (quoted,
     * comma-separated means any of; several {@code label:} all of), any of them negated with {@code -}, and words
     * (in the title or body). Newest first.
     */
    synchronized List<JsonNode> search(String query) {
        List<String> terms = new ArrayList<>();
        Matcher m = Pattern.compile("-?\\w+:(?:\"[^\"]*\"|[^\\s,\"]+)(?:,(?:\"[^\"]*\"|[^\\s,\"]+))*|\"[^\"]*\"|\\S+")
                .matcher(query == null ? "" : query);
        while (m.find()) {
            terms.add(m.group());
        }
        List<JsonNode> found = new ArrayList<>();
        for (Item item : items.values()) {
            String repository = lower(item.repository);
            boolean matches = true;
            for (String term : terms) {
                boolean negated = term.startsWith("-") && term.indexOf(':') > 0;
                String t = negated ? term.substring(1) : term;
                int colon = t.indexOf(':');
                String q = colon < 0 || t.startsWith("\"") ? "" : lower(t.substring(0, colon));
                String v = q.isEmpty() ? t.replace("\"", "") : t.substring(colon + 1);
                String state = item.node.path("state").asText();
                boolean hit = switch (q) {
                    case "org", "user" -> repository.startsWith(lower(v) + "/");
                    case "repo" -> repository.equals(lower(v));
                    case "is", "type", "state" -> switch (lower(v)) {
                        case "issue" -> !item.pullRequest;
                        case "pr" -> item.pullRequest;
                        case "open" -> "open".equals(state);
                        case "closed" -> !"open".equals(state);
                        default -> true;
                    };
                    case "label" -> {
                        boolean any = false;
                        for (String wanted : v.split(",")) {
                            String w = wanted.replace("\"", "").trim();
                            for (JsonNode l : item.node.path("labels")) {
                                any |= l.path("name").asText().equalsIgnoreCase(w);
                            }
                        }
                        yield any;
                    }
                    case "updated" -> matchesDate(item.node.path("updated_at").asText(null), v);
                    case "" -> (item.node.path("title").asText() + " " + item.node.path("body").asText())
                            .toLowerCase(Locale.ROOT).contains(lower(v));
                    default -> true;
                };
                matches &= negated != hit;
            }
            if (matches) {
                ObjectNode hit = issueView(item);
                hit.put("score", 1.0);
                found.add(hit);
            }
        }
        java.util.Collections.reverse(found);
        return found;
    }

    /** A date qualifier's value ({@code >=2026-10-24}, {@code <2026-10-24}, {@code 2026-10-24}) against a timestamp. */
    static boolean matchesDate(String timestamp, String value) {
        if (timestamp == null) {
            return false;
        }
        String day = timestamp.substring(0, Math.min(10, timestamp.length()));
        String op = value.startsWith(">=") || value.startsWith("<=") ? value.substring(0, 2)
                : value.startsWith(">") || value.startsWith("<") ? value.substring(0, 1) : "";
        int c = day.compareTo(value.substring(op.length()));
        return switch (op) {
            case ">=" -> c >= 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            case "<" -> c < 0;
            default -> c == 0;
        };
    }

    /** An answer that is either a value or a GitHub error (status and message). */
    record Lookup<T>(T value, int status, String message) {
        static <T> Lookup<T> of(T value) {
            return new Lookup<>(value, 200, null);
        }

        static <T> Lookup<T> missing(String message) {
            return new Lookup<>(null, 404, message);
        }

        static <T> Lookup<T> forbidden(String message) {
            return new Lookup<>(null, 403, message);
        }
    }
}
