package io.mojaloop.releasebot.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * The stateful part of the fake GitHub: check runs created or updated through POST/PATCH are what later GETs of
 * a commit's check runs return, as on GitHub (newest first, filtered by check_name and app_id).
 */
public class CheckRunStore implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "check-runs";
    private static final Pattern CREATE = Pattern.compile("/repos/([^/]+/[^/]+)/check-runs");
    private static final Pattern UPDATE = Pattern.compile("/repos/([^/]+/[^/]+)/check-runs/(\\d+)");
    private static final Pattern LIST = Pattern.compile("/repos/([^/]+/[^/]+)/commits/([^/]+)/check-runs");

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<ObjectNode> runs = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final long appId;

    public CheckRunStore(long appId) {
        this.appId = appId;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    public synchronized void clear() {
        runs.clear();
    }

    public synchronized List<ObjectNode> all() {
        return List.copyOf(runs);
    }

    /** The latest run of that name on that commit, or null. */
    public synchronized ObjectNode latest(String repository, String sha, String name) {
        ObjectNode best = null;
        for (ObjectNode run : runs) {
            if (run.path("repository").asText().equals(repository) && run.path("head_sha").asText().equals(sha)
                    && run.path("name").asText().equals(name)) {
                best = run;
            }
        }
        return best;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String path = request.getUrl().split("\\?")[0];
        try {
            Matcher m;
            if (request.getMethod().getName().equals("POST") && (m = CREATE.matcher(path)).matches()) {
                ObjectNode run = (ObjectNode) mapper.readTree(request.getBodyAsString());
                run.put("id", ids.incrementAndGet());
                run.put("repository", m.group(1));
                run.set("app", mapper.createObjectNode().put("id", appId));
                runs.add(run);
                return json(201, run);
            }
            if (request.getMethod().getName().equals("PATCH") && (m = UPDATE.matcher(path)).matches()) {
                long id = Long.parseLong(m.group(2));
                for (ObjectNode run : runs) {
                    if (run.path("id").asLong() == id) {
                        JsonNode patch = mapper.readTree(request.getBodyAsString());
                        patch.fields().forEachRemaining(e -> run.set(e.getKey(), e.getValue()));
                        return json(200, run);
                    }
                }
                return json(404, mapper.createObjectNode().put("message", "Not Found"));
            }
            if (request.getMethod().getName().equals("GET") && (m = LIST.matcher(path)).matches()) {
                QueryParameter name = request.queryParameter("check_name");
                ArrayNode list = mapper.createArrayNode();
                for (int i = runs.size() - 1; i >= 0; i--) {
                    ObjectNode run = runs.get(i);
                    if (run.path("repository").asText().equals(m.group(1)) && run.path("head_sha").asText().equals(m.group(2))
                            && (!name.isPresent() || name.firstValue().equals(run.path("name").asText()))) {
                        list.add(run);
                    }
                }
                ObjectNode page = mapper.createObjectNode();
                page.put("total_count", list.size());
                page.set("check_runs", list);
                return json(200, page);
            }
        } catch (Exception e) {
            return json(500, mapper.createObjectNode().put("message", e.toString()));
        }
        return serveEvent.getResponseDefinition();
    }

    private static ResponseDefinition json(int status, JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body.toString()).build();
    }
}
