package io.mojaloop.releasebot.it;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.Response;

/**
 * Real webhook payloads (GitHub's own examples, copied from octokit/webhooks into src/test/resources), adapted to
 * a test's repository, PR and people, signed with HMAC-SHA256 like GitHub signs them, and POSTed to the app.
 */
public final class Webhooks {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Webhooks() {
    }

    public static ObjectNode example(String path) {
        try (InputStream in = Webhooks.class.getResourceAsStream("/github-webhook-examples/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No example payload " + path);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Points an example at a repository ("org/name") and the test installation. */
    public static ObjectNode at(ObjectNode payload, String repository, String sender) {
        String owner = repository.substring(0, repository.indexOf('/'));
        ObjectNode repo = (ObjectNode) payload.get("repository");
        repo.put("full_name", repository).put("name", repository.substring(owner.length() + 1))
                .put("default_branch", "main");
        ((ObjectNode) repo.get("owner")).put("login", owner).put("type", "Organization");
        payload.putObject("installation").put("id", FakeGitHub.INSTALLATION_ID);
        ObjectNode s = payload.putObject("sender");
        s.put("login", sender).put("type", sender.endsWith("[bot]") ? "Bot" : "User").put("id", Math.abs(sender.hashCode()));
        return payload;
    }

    public static ObjectNode pullRequest(String action, String repository, int number, String author, String sha) {
        ObjectNode payload = at(example("pull_request/opened.payload.json"), repository, author);
        payload.put("action", action).put("number", number);
        ObjectNode pr = (ObjectNode) payload.get("pull_request");
        pr.put("number", number);
        ((ObjectNode) pr.get("user")).put("login", author);
        ((ObjectNode) pr.get("head")).put("sha", sha);
        return payload;
    }

    /**
     * A {@code pull_request.opened} as GitHub sends it for a PR the fake has: its {@code pull_request} is the fake's
     * own view of the PR (what {@code GET /repos/{repo}/pulls/{n}} answers, {@code updated_at} included), as fresh
     * as the payload of a PR opened just now.
     */
    public static ObjectNode opened(FakeGitHub github, String repository, int number) {
        ObjectNode pr = github.state().pullRequest(repository, number);
        ObjectNode payload = pullRequest("opened", repository, number, pr.path("user").path("login").asText(),
                pr.path("head").path("sha").asText());
        payload.set("pull_request", pr);
        return payload;
    }

    public static ObjectNode review(String repository, int number, String reviewer, String state, String sha) {
        ObjectNode payload = at(example("pull_request_review/submitted.payload.json"), repository, reviewer);
        ObjectNode pr = (ObjectNode) payload.get("pull_request");
        pr.put("number", number);
        ((ObjectNode) pr.get("head")).put("sha", sha);
        ObjectNode review = (ObjectNode) payload.get("review");
        review.put("state", state).put("commit_id", sha);
        ((ObjectNode) review.get("user")).put("login", reviewer);
        return payload;
    }

    public static ObjectNode comment(String repository, int number, boolean pullRequest, long commentId, String author,
            String body) {
        ObjectNode payload = at(example("issue_comment/created.with-installation.payload.json"), repository, author);
        ObjectNode issue = (ObjectNode) payload.get("issue");
        issue.put("number", number);
        if (pullRequest) {
            issue.putObject("pull_request").put("url", "https://api.github.com/repos/" + repository + "/pulls/" + number);
        } else {
            issue.remove("pull_request");
        }
        ObjectNode comment = (ObjectNode) payload.get("comment");
        comment.put("id", commentId).put("body", body);
        ((ObjectNode) comment.get("user")).put("login", author);
        return payload;
    }

    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a correctly signed delivery. */
    public static Response send(String event, ObjectNode payload) {
        return send(event, payload.toString(), UUID.randomUUID().toString());
    }

    public static Response send(String event, String body, String deliveryId) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return given().contentType("application/json")
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", deliveryId)
                .header("X-Hub-Signature-256", sign(bytes, FakeGitHub.WEBHOOK_SECRET))
                .body(bytes)
                .post("/");
    }
}
