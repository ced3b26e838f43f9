package io.mojaloop.releasebot.sandbox;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mojaloop.releasebot.render.Texts;
import io.mojaloop.releasebot.web.PageHeaders;

/** What the bot did in the sandbox: {@code /sandbox} for people, {@code /sandbox/state} as JSON. 404 elsewhere. */
@Path("/sandbox")
public class SandboxPage {

    @Inject
    Sandbox sandbox;
    @Inject
    Texts texts;
    @Inject
    ObjectMapper mapper;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        check();
        @SuppressWarnings("unchecked")
        Map<String, Object> state = mapper.convertValue(rendered(sandbox.github().snapshot()), Map.class);
        return PageHeaders.html(texts.render("sandbox/page.html", Map.of("steps", sandbox.steps(), "finished", sandbox.finished(),
                "state", state, "org", Sandbox.ORG)));
    }

    @GET
    @Path("/state")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> state() {
        check();
        return Map.of("finished", sandbox.finished(), "steps", sandbox.steps(), "github", sandbox.github().snapshot());
    }

    /** The snapshot with the HTML GitHub would show beside each Markdown text: {@code bodyHtml}, {@code summaryHtml}, {@code textHtml}. */
    static ObjectNode rendered(ObjectNode snapshot) {
        for (JsonNode issue : snapshot.path("issues")) {
            ((ObjectNode) issue).put("bodyHtml", GitHubMarkdown.html(issue.path("body").asText(null)));
        }
        for (JsonNode pr : snapshot.path("pullRequests")) {
            for (JsonNode run : pr.path("checkRuns")) {
                JsonNode output = run.path("output");
                if (output instanceof ObjectNode o) {
                    o.put("summaryHtml", GitHubMarkdown.html(o.path("summary").asText(null)));
                    o.put("textHtml", GitHubMarkdown.html(o.path("text").asText(null)));
                }
            }
            for (JsonNode comment : pr.path("comments")) {
                ((ObjectNode) comment).put("bodyHtml", GitHubMarkdown.html(comment.path("body").asText(null)));
            }
        }
        return snapshot;
    }

    private void check() {
        if (!sandbox.enabled() || sandbox.github() == null) {
            throw new NotFoundException();
        }
    }
}
