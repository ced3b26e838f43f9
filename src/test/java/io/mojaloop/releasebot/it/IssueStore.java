package io.mojaloop.releasebot.it;

import java.util.LinkedHashMap;
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
