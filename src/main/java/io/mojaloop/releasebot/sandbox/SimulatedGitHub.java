package io.mojaloop.releasebot.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The state of a small simulated GitHub: repositories, pull requests, reviews, comments, labels, teams, people,
 * files and check runs, kept in memory and served by {@link SimulatedGitHubServer} with the same JSON shapes as
 * GitHub's REST API. Only what the bot reads and writes is modelled. Thread-safe (every method synchronised).
 */
public class SimulatedGitHub {

    public static final String BOT_LOGIN = "mojaloop-release-bot[bot]";

    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicLong ids = new AtomicLong(1000);
    final long appId;
    final long installationId;
    final String org;

    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<String> repositories = new ArrayList<>();
    private final Map<String, ObjectNode> pulls = new LinkedHashMap<>();
    private final Map<String, ObjectNode> issues = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> releases = new LinkedHashMap<>();
    private final Map<String, List<String>> repoLabels = new LinkedHashMap<>();
    private final Map<String, String> permissions = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> reviews = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> comments = new LinkedHashMap<>();
    private final Map<String, List<String>> teams = new LinkedHashMap<>();
    private final Map<String, String> companies = new LinkedHashMap<>();
    private final List<ObjectNode> checkRuns = new ArrayList<>();
    private final List<String> reactions = new ArrayList<>();

    public SimulatedGitHub(long appId, long installationId, String org) {
        this.appId = appId;
        this.installationId = installationId;
        this.org = org;
    }

    private static String key(String repository, int number) {
        return (repository + "#" + number).toLowerCase(Locale.ROOT);
    }

    // ---- seeding and changes made by "people" -------------------------------------------------------------

    public synchronized void repository(String name) {
        repositories.add(org + "/" + name);
    }

    public synchronized void file(String repository, String path, String text) {
        files.put((repository + ":" + path).toLowerCase(Locale.ROOT), text);
    }

    public synchronized void team(String slug, String... members) {
        teams.put(slug, List.of(members));
    }

    public synchronized void person(String login, String company) {
        companies.put(login.toLowerCase(Locale.ROOT), company);
    }

    public synchronized ObjectNode openPullRequest(String repository, int number, String author, String title, String base) {
        ObjectNode pr = mapper.createObjectNode();
        pr.put("id", ids.incrementAndGet()).put("number", number).put("state", "open").put("title", title)
                .put("draft", false).put("html_url", "https://github.example/" + repository + "/pull/" + number)
                .put("created_at", Instant.now().toString());
        pr.set("user", user(author));
        pr.putObject("head").put("sha", sha(repository, number, 1)).put("ref", "feature/" + number);
        pr.putObject("base").put("ref", base);
        pr.putArray("labels");
        pulls.put(key(repository, number), pr);
        return pr.deepCopy();
    }

    public synchronized ObjectNode openIssue(String repository, int number, String author, String title, String body,
            String... labels) {
        ObjectNode issue = mapper.createObjectNode();
        issue.put("id", ids.incrementAndGet()).put("number", number).put("state", "open").put("title", title)
                .put("body", body).put("html_url", "https://github.example/" + repository + "/issues/" + number)
                .put("created_at", Instant.now().toString());
        issue.set("user", user(author));
        ArrayNode ls = issue.putArray("labels");
        for (String l : labels) {
            ls.addObject().put("name", l);
        }
        issues.put(key(repository, number), issue);
        return issue.deepCopy();
    }

    public synchronized ObjectNode closeIssue(String repository, int number) {
        ObjectNode issue = issues.get(key(repository, number));
        issue.put("state", "closed");
        return issue.deepCopy();
    }

    /** An issue (or a PR, as the issues API shows it). */
    public synchronized ObjectNode issue(String repository, int number) {
        ObjectNode issue = issues.get(key(repository, number));
        if (issue != null) {
            return issue.deepCopy();
        }
        ObjectNode pr = pulls.get(key(repository, number));
        if (pr == null) {
            return null;
        }
        ObjectNode asIssue = pr.deepCopy();
        asIssue.putObject("pull_request").put("url", "https://github.example/" + repository + "/pull/" + number);
        return asIssue;
    }

    synchronized ObjectNode editIssue(String repository, int number, JsonNode patch) {
        ObjectNode issue = issues.get(key(repository, number));
        if (issue == null) {
            return null;
        }
        patch.fields().forEachRemaining(e -> issue.set(e.getKey(), e.getValue()));
        return issue.deepCopy();
    }

    public synchronized ObjectNode publishRelease(String repository, String tag, boolean prerelease) {
        ObjectNode release = mapper.createObjectNode();
        release.put("id", ids.incrementAndGet()).put("tag_name", tag).put("name", tag).put("prerelease", prerelease)
                .put("draft", false).put("published_at", Instant.now().toString())
                .put("html_url", "https://github.example/" + repository + "/releases/tag/" + tag).put("body", "");
        releases.computeIfAbsent(repository.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(0, release);
        return release.deepCopy();
    }

    synchronized List<ObjectNode> releases(String repository) {
        return releases.getOrDefault(repository.toLowerCase(Locale.ROOT), List.of()).stream().map(ObjectNode::deepCopy).toList();
    }

    public synchronized void permission(String repository, String login, String permission) {
        permissions.put((repository + "/" + login).toLowerCase(Locale.ROOT), permission);
    }

    synchronized String permission(String repository, String login) {
        return permissions.getOrDefault((repository + "/" + login).toLowerCase(Locale.ROOT), "read");
    }

    synchronized boolean hasLabel(String repository, String name) {
        return repoLabels.getOrDefault(repository.toLowerCase(Locale.ROOT), List.of()).contains(name);
    }

    synchronized void createLabel(String repository, String name) {
        repoLabels.computeIfAbsent(repository.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(name);
    }

    synchronized ArrayNode labelsOf(String repository, int number) {
        ObjectNode item = issues.containsKey(key(repository, number)) ? issues.get(key(repository, number))
                : pulls.get(key(repository, number));
        return item == null ? mapper.createArrayNode() : ((ArrayNode) item.path("labels")).deepCopy();
    }

    synchronized void removeLabel(String repository, int number, String name) {
        ObjectNode item = issues.containsKey(key(repository, number)) ? issues.get(key(repository, number))
                : pulls.get(key(repository, number));
        if (item != null) {
            ArrayNode labels = (ArrayNode) item.path("labels");
            for (int i = labels.size() - 1; i >= 0; i--) {
                if (labels.get(i).path("name").asText().equals(name)) {
                    labels.remove(i);
                }
            }
        }
    }

    /**
     * GitHub's issue search, for the qualifiers the bot uses: {@code org:}, {@code repo:}, {@code is:issue},
     * {@code is:pr}, {@code is:open}, {@code is:closed} and {@code label:} (quoted, comma-separated means any of).
     */
    synchronized List<ObjectNode> search(String query, String baseUrl) {
        List<String> terms = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+:(?:\"[^\"]*\"|[^\\s,\"]+)(?:,(?:\"[^\"]*\"|[^\\s,\"]+))*)|\\S+")
                .matcher(query);
        while (m.find()) {
            terms.add(m.group());
        }
        List<ObjectNode> found = new ArrayList<>();
        List<Map.Entry<String, ObjectNode>> all = new ArrayList<>(issues.entrySet());
        all.addAll(pulls.entrySet());
        for (Map.Entry<String, ObjectNode> e : all) {
            String repository = e.getKey().substring(0, e.getKey().indexOf('#'));
            ObjectNode item = e.getValue();
            boolean pr = pulls.containsValue(item);
            boolean matches = true;
            for (String term : terms) {
                int colon = term.indexOf(':');
                String q = colon < 0 ? "" : term.substring(0, colon).toLowerCase(Locale.ROOT);
                String v = colon < 0 ? term : term.substring(colon + 1);
                matches &= switch (q) {
                    case "org" -> repository.startsWith(v.toLowerCase(Locale.ROOT) + "/");
                    case "repo" -> repository.equals(v.toLowerCase(Locale.ROOT));
                    case "is" -> switch (v) {
                        case "issue" -> !pr;
                        case "pr" -> pr;
                        case "open" -> "open".equals(item.path("state").asText());
                        case "closed" -> !"open".equals(item.path("state").asText());
                        default -> true;
                    };
                    case "label" -> {
                        boolean any = false;
                        for (String wanted : v.split(",")) {
                            String w = wanted.replace("\"", "").trim();
                            for (JsonNode l : item.path("labels")) {
                                any |= l.path("name").asText().equalsIgnoreCase(w);
                            }
                        }
                        yield any;
                    }
                    default -> true;
                };
            }
            if (matches) {
                ObjectNode hit = item.deepCopy();
                hit.put("repository_url", baseUrl + "/repos/" + repository);
                if (pr) {
                    hit.putObject("pull_request").put("url", baseUrl + "/repos/" + repository + "/pulls/" + item.path("number").asInt());
                }
                found.add(hit);
            }
        }
        return found;
    }

    public synchronized ObjectNode review(String repository, int number, String reviewer, String state) {
        ObjectNode pr = pulls.get(key(repository, number));
        ObjectNode review = mapper.createObjectNode();
        review.put("id", ids.incrementAndGet()).put("state", state.toUpperCase(Locale.ROOT))
                .put("commit_id", pr.path("head").path("sha").asText()).put("submitted_at", Instant.now().toString())
                .put("body", "");
        review.set("user", user(reviewer));
        reviews.computeIfAbsent(key(repository, number), k -> new ArrayList<>()).add(review);
        return review.deepCopy();
    }

    public synchronized ObjectNode comment(String repository, int number, String author, String body) {
        ObjectNode comment = mapper.createObjectNode();
        comment.put("id", ids.incrementAndGet()).put("body", body).put("created_at", Instant.now().toString())
                .put("html_url", "https://github.example/" + repository + "/issues/" + number);
        comment.set("user", user(author));
        comments.computeIfAbsent(key(repository, number), k -> new ArrayList<>()).add(comment);
        return comment.deepCopy();
    }

    public synchronized ObjectNode pullRequest(String repository, int number) {
        ObjectNode pr = pulls.get(key(repository, number));
        return pr == null ? null : pr.deepCopy();
    }

    ObjectNode user(String login) {
        ObjectNode user = mapper.createObjectNode();
        user.put("login", login).put("id", Math.abs(login.hashCode())).put("type", login.endsWith("[bot]") ? "Bot" : "User");
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

    // ---- what the API serves ------------------------------------------------------------------------------

    synchronized String file(String repository, String path) {
        return files.get((repository + ":" + path).toLowerCase(Locale.ROOT));
    }

    synchronized List<String> repositories() {
        return List.copyOf(repositories);
    }

    synchronized List<ObjectNode> openPullRequests(String repository) {
        String prefix = (repository + "#").toLowerCase(Locale.ROOT);
        return pulls.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(Map.Entry::getValue).filter(pr -> "open".equals(pr.path("state").asText()))
                .map(ObjectNode::deepCopy).toList();
    }

    synchronized List<ObjectNode> pullRequestsWithHead(String repository, String sha) {
        return openPullRequests(repository).stream().filter(pr -> sha.equals(pr.path("head").path("sha").asText())).toList();
    }

    synchronized List<ObjectNode> reviews(String repository, int number) {
        return reviews.getOrDefault(key(repository, number), List.of()).stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized List<ObjectNode> comments(String repository, int number) {
        return comments.getOrDefault(key(repository, number), List.of()).stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized List<String> teamMembers(String slug) {
        return teams.get(slug);
    }

    synchronized ObjectNode profile(String login) {
        ObjectNode user = user(login);
        String company = companies.get(login.toLowerCase(Locale.ROOT));
        if (company == null) {
            user.putNull("company");
        } else {
            user.put("company", company);
        }
        return user;
    }

    synchronized ArrayNode addLabels(String repository, int number, JsonNode names) {
        ObjectNode pr = issues.containsKey(key(repository, number)) ? issues.get(key(repository, number))
                : pulls.get(key(repository, number));
        ArrayNode labels = pr == null ? mapper.createArrayNode() : (ArrayNode) pr.withArray("labels");
        for (JsonNode name : names) {
            boolean present = false;
            for (JsonNode l : labels) {
                present |= l.path("name").asText().equalsIgnoreCase(name.asText());
            }
            if (!present) {
                labels.addObject().put("name", name.asText()).put("color", "ededed");
            }
        }
        return labels.deepCopy();
    }

    synchronized void react(long commentId, String content) {
        reactions.add(commentId + ":" + content);
    }

    synchronized ObjectNode createCheckRun(String repository, JsonNode body) {
        ObjectNode run = mapper.createObjectNode();
        run.put("id", ids.incrementAndGet()).put("repository", repository);
        run.setAll((ObjectNode) body.deepCopy());
        run.putObject("app").put("id", appId).put("slug", "mojaloop-release-bot");
        checkRuns.add(run);
        return run.deepCopy();
    }

    synchronized ObjectNode updateCheckRun(String repository, long id, JsonNode body) {
        for (ObjectNode run : checkRuns) {
            if (run.path("id").asLong() == id && run.path("repository").asText().equalsIgnoreCase(repository)) {
                run.setAll((ObjectNode) body.deepCopy());
                return run.deepCopy();
            }
        }
        return null;
    }

    synchronized List<ObjectNode> checkRuns(String repository, String sha, String name) {
        List<ObjectNode> found = new ArrayList<>();
        for (int i = checkRuns.size() - 1; i >= 0; i--) {
            ObjectNode run = checkRuns.get(i);
            if (run.path("repository").asText().equalsIgnoreCase(repository) && sha.equals(run.path("head_sha").asText())
                    && (name == null || name.equals(run.path("name").asText()))) {
                found.add(run.deepCopy());
            }
        }
        return found;
    }

    /** The latest check run of that name on the PR's current head, or null. */
    public synchronized ObjectNode latestCheckRun(String repository, int number, String name) {
        ObjectNode pr = pulls.get(key(repository, number));
        if (pr == null) {
            return null;
        }
        List<ObjectNode> runs = checkRuns(repository, pr.path("head").path("sha").asText(), name);
        return runs.isEmpty() ? null : runs.get(0);
    }

    /** Everything, for the sandbox page and its JSON twin. */
    public synchronized ObjectNode snapshot() {
        ObjectNode all = mapper.createObjectNode();
        ArrayNode prs = all.putArray("pullRequests");
        for (Map.Entry<String, ObjectNode> e : pulls.entrySet()) {
            ObjectNode pr = e.getValue().deepCopy();
            String repository = e.getKey().substring(0, e.getKey().indexOf('#'));
            pr.put("repository", repository);
            pr.set("reviews", mapper.valueToTree(reviews.getOrDefault(e.getKey(), List.of())));
            pr.set("comments", mapper.valueToTree(comments.getOrDefault(e.getKey(), List.of())));
            ArrayNode runs = pr.putArray("checkRuns");
            for (String name : List.of("review-rules", "release-freeze")) {
                List<ObjectNode> found = checkRuns(repository, pr.path("head").path("sha").asText(), name);
                if (!found.isEmpty()) {
                    runs.add(found.get(0));
                }
            }
            prs.add(pr);
        }
        all.put("checkRunsWritten", checkRuns.size());
        all.set("issues", mapper.valueToTree(issues.values()));
        all.set("reactions", mapper.valueToTree(reactions));
        return all;
    }
}
