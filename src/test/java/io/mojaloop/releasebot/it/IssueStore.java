package io.mojaloop.releasebot.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Stateful issues for the fake GitHub: a PATCH of an issue's body is what the next GET returns, and a test can
 * edit the body as a person would.
 */
public class IssueStore implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "issues";
    private static final Pattern ISSUE = Pattern.compile("/repos/([^/]+/[^/]+)/issues/(\\d+)");
    private static final Pattern COMMENTS = Pattern.compile("/repos/([^/]+/[^/]+)/issues/(\\d+)/comments");
    private final Map<String, com.fasterxml.jackson.databind.node.ArrayNode> comments = new LinkedHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong ids = new java.util.concurrent.atomic.AtomicLong(900_000);
    private final long appId;

    public IssueStore(long appId) {
        this.appId = appId;
    }

    /** A comment by a person (or, with {@code app}, by this app), as GitHub lists it. */
    public synchronized ObjectNode addComment(String repository, int number, long id, String author, String body, boolean app) {
        ObjectNode c = mapper.createObjectNode();
        c.put("id", id).put("body", body).put("created_at", java.time.Instant.now().toString())
                .put("html_url", "https://github.com/" + repository + "/issues/" + number + "#issuecomment-" + id);
        c.putObject("user").put("login", app ? "mojaloop-release-bot[bot]" : author).put("type", app ? "Bot" : "User");
        if (app) {
            c.putObject("performed_via_github_app").put("id", appId).put("slug", "mojaloop-release-bot");
        }
        comments.computeIfAbsent(repository + "#" + number, k -> mapper.createArrayNode()).add(c);
        return c;
    }

    public synchronized List<JsonNode> comments(String repository, int number) {
        List<JsonNode> list = new java.util.ArrayList<>();
        comments.getOrDefault(repository + "#" + number, mapper.createArrayNode()).forEach(list::add);
        return list;
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, ObjectNode> issues = new LinkedHashMap<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    public synchronized void clear() {
        issues.clear();
        comments.clear();
    }

    public synchronized void put(String repository, int number, String title, String body) {
        ObjectNode issue = mapper.createObjectNode();
        issue.put("number", number).put("title", title).put("state", "open").put("body", body)
                .put("html_url", "https://github.com/" + repository + "/issues/" + number);
        issue.putObject("user").put("login", "release-lead").put("type", "User");
        issues.put(repository + "#" + number, issue);
    }

    public synchronized String body(String repository, int number) {
        ObjectNode issue = issues.get(repository + "#" + number);
        return issue == null ? null : issue.path("body").asText(null);
    }

    /** A person edits the body. */
    public synchronized void edit(String repository, int number, String body) {
        issues.get(repository + "#" + number).put("body", body);
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        Matcher cm = COMMENTS.matcher(request.getUrl().split("\\?")[0]);
        if (cm.matches()) {
            try {
                if (request.getMethod().getName().equals("POST")) {
                    JsonNode posted = mapper.readTree(request.getBodyAsString());
                    return json(201, addComment(cm.group(1), Integer.parseInt(cm.group(2)), ids.incrementAndGet(), null,
                            posted.path("body").asText(), true));
                }
                return json(200, comments.getOrDefault(cm.group(1) + "#" + cm.group(2), mapper.createArrayNode()));
            } catch (Exception e) {
                return json(500, mapper.createObjectNode().put("message", e.toString()));
            }
        }
        Matcher m = ISSUE.matcher(request.getUrl().split("\\?")[0]);
        if (!m.matches()) {
            return serveEvent.getResponseDefinition();
        }
        ObjectNode issue = issues.get(m.group(1) + "#" + m.group(2));
        if (issue == null) {
            return json(404, mapper.createObjectNode().put("message", "Not Found"));
        }
        try {
            if (request.getMethod().getName().equals("PATCH")) {
                JsonNode patch = mapper.readTree(request.getBodyAsString());
                patch.fields().forEachRemaining(e -> issue.set(e.getKey(), e.getValue()));
            }
            return json(200, issue);
        } catch (Exception e) {
            return json(500, mapper.createObjectNode().put("message", e.toString()));
        }
    }

    private static ResponseDefinition json(int status, JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body.toString()).build();
    }
}
