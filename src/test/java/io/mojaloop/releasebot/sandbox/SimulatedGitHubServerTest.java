package io.mojaloop.releasebot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Answer;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Decision;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Exchange;
import io.vertx.core.Vertx;

/** The simulated GitHub answers in GitHub's shapes: pagination, conditional requests, check-run filters, errors. */
class SimulatedGitHubServerTest {

    static final String REPO = "mojaloop/central-ledger";
    static final ObjectMapper MAPPER = new ObjectMapper();

    Vertx vertx;
    SimulatedGitHub github;
    SimulatedGitHubServer server;
    HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(5)).build();
    String token;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        github = new SimulatedGitHub(77, 1, "mojaloop", "https://github.com");
        server = new SimulatedGitHubServer(github);
        server.start(vertx, "127.0.0.1", 0, 2);
        HttpResponse<String> issued = send("POST", "/app/installations/1/access_tokens", "Bearer header.payload.signature", null, Map.of());
        assertThat(issued.statusCode()).isEqualTo(201);
        token = MAPPER.readTree(issued.body()).path("token").asText();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    HttpResponse<String> send(String method, String pathOrUrl, String authorization, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : server.base() + pathOrUrl))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathOrUrl, Map<String, String> headers) throws Exception {
        return send("GET", pathOrUrl, "Bearer " + token, null, headers);
    }

    HttpResponse<String> get(String pathOrUrl) throws Exception {
        return get(pathOrUrl, Map.of());
    }

    HttpResponse<String> write(String method, String path, String json) throws Exception {
        return send(method, path, "Bearer " + token, json, Map.of("Content-Type", "application/json"));
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return MAPPER.readTree(response.body());
    }

    static Map<String, String> links(HttpResponse<String> response) {
        Map<String, String> links = new java.util.HashMap<>();
        Matcher m = Pattern.compile("<([^>]+)>;\\s*rel=\"(\\w+)\"").matcher(response.headers().firstValue("Link").orElse(""));
        while (m.find()) {
            links.put(m.group(2), m.group(1));
        }
        return links;
    }

    @Test
    void listsArePagedWithAbsoluteLinksToTheNextAndLastPage() throws Exception {
        for (int n = 1; n <= 45; n++) {
            github.pullRequest(REPO, n, "eve", String.format("%040x", n), "main", "fix: " + n);
        }
        HttpResponse<String> first = get("/repos/" + REPO + "/pulls?state=open&per_page=20");
        assertThat(json(first)).hasSize(20);
        Map<String, String> links = links(first);
        assertThat(links.get("next")).isEqualTo(server.base() + "/repos/" + REPO + "/pulls?state=open&per_page=20&page=2");
        assertThat(links.get("last")).isEqualTo(server.base() + "/repos/" + REPO + "/pulls?state=open&per_page=20&page=3");
        assertThat(links).doesNotContainKeys("prev", "first");

        List<Integer> numbers = new ArrayList<>();
        json(first).forEach(pr -> numbers.add(pr.path("number").asInt()));
        String next = links.get("next");
        while (next != null) {
            HttpResponse<String> page = get(next);
            json(page).forEach(pr -> numbers.add(pr.path("number").asInt()));
            next = links(page).get("next");
            if (next == null) {
                assertThat(json(page)).hasSize(5);
                assertThat(links(page)).containsKeys("prev", "first").doesNotContainKeys("next", "last");
            }
        }
        assertThat(numbers).hasSize(45).doesNotHaveDuplicates();
        // GitHub's default page size is 30, and a single page has no Link header
        assertThat(json(get("/repos/" + REPO + "/pulls"))).hasSize(30);
        assertThat(get("/repos/" + REPO + "/pulls?per_page=100").headers().firstValue("Link")).isEmpty();
    }

    @Test
    void aConditionalGetOfAnUnchangedResourceIs304WithoutBodyOrCost() throws Exception {
        github.openIssue(REPO, 7, "carol", "A bug", "It breaks.");
        HttpResponse<String> first = get("/repos/" + REPO + "/issues/7/comments");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        long remaining = Long.parseLong(first.headers().firstValue("X-RateLimit-Remaining").orElseThrow());

        HttpResponse<String> again = get("/repos/" + REPO + "/issues/7/comments", Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);
        assertThat(again.headers().firstValue("X-GitHub-Request-Id")).isPresent();
        assertThat(again.headers().firstValue("X-RateLimit-Limit")).contains("5000");
        assertThat(again.headers().firstValue("X-RateLimit-Reset")).isPresent();
        assertThat(again.headers().firstValue("X-RateLimit-Remaining")).contains(String.valueOf(remaining));

        github.comment(REPO, 7, "dave", "Seen on QA too.");
        HttpResponse<String> changed = get("/repos/" + REPO + "/issues/7/comments", Map.of("If-None-Match", etag));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
        assertThat(json(changed)).hasSize(1);
        assertThat(changed.headers().firstValue("X-RateLimit-Remaining")).contains(String.valueOf(remaining - 1));
    }

    @Test
    void checkRunsAreFilteredByAppNameAndLatest() throws Exception {
        String sha = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
        String run = "{\"name\":\"review-rules\",\"head_sha\":\"" + sha + "\",\"status\":\"completed\",\"conclusion\":\"%s\","
                + "\"output\":{\"title\":\"t\",\"summary\":\"s\"}}";
        HttpResponse<String> created = write("POST", "/repos/" + REPO + "/check-runs", run.formatted("failure"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).path("app").path("id").asLong()).isEqualTo(77);
        assertThat(json(created).path("app").path("slug").asText()).isEqualTo(SimulatedGitHub.APP_SLUG);
        write("POST", "/repos/" + REPO + "/check-runs", run.formatted("success"));
        write("POST", "/repos/" + REPO + "/check-runs", run.formatted("neutral").replace("review-rules", "release-freeze"));
        github.checkRunByApp(REPO, sha, "review-rules", 99, "someone-else", "failure");

        String list = "/repos/" + REPO + "/commits/" + sha + "/check-runs";
        JsonNode all = json(get(list + "?filter=all"));
        assertThat(all.path("total_count").asInt()).isEqualTo(4);
        assertThat(all.path("check_runs")).hasSize(4);

        JsonNode ours = json(get(list + "?app_id=77&check_name=review-rules"));
        assertThat(ours.path("total_count").asInt()).isEqualTo(1);
        assertThat(ours.path("check_runs").get(0).path("conclusion").asText()).isEqualTo("success");

        JsonNode latest = json(get(list + "?app_id=77"));
        assertThat(latest.path("check_runs")).extracting(r -> r.path("name").asText())
                .containsExactlyInAnyOrder("review-rules", "release-freeze");

        JsonNode theirs = json(get(list + "?app_id=99"));
        assertThat(theirs.path("check_runs")).extracting(r -> r.path("app").path("slug").asText()).containsExactly("someone-else");

        long id = ours.path("check_runs").get(0).path("id").asLong();
        HttpResponse<String> patched = write("PATCH", "/repos/" + REPO + "/check-runs/" + id,
                "{\"conclusion\":\"failure\",\"output\":{\"title\":\"t2\",\"summary\":\"s2\"}}");
        assertThat(json(patched).path("output").path("title").asText()).isEqualTo("t2");
        assertThat(github.latestCheckRun(REPO, sha, "review-rules").path("conclusion").asText()).isEqualTo("failure");
    }

    @Test
    void aCompareListsTheCommitsBetweenTwoTagsOldestFirstInGitHubsShape() throws Exception {
        github.tagCommits(REPO, "v19.3.0", "feat: the start");
        List<String> shas = github.tagCommits(REPO, "v19.7.4", "feat(mojaloop/#3122): distributed lock (#1172)",
                "fix(mojaloop/3058): rounding (#1180)\n\nBREAKING CHANGE: none really");
        JsonNode compare = json(get("/repos/" + REPO + "/compare/v19.3.0...v19.7.4"));
        assertThat(compare.path("status").asText()).isEqualTo("ahead");
        assertThat(compare.path("ahead_by").asInt()).isEqualTo(2);
        assertThat(compare.path("behind_by").asInt()).isZero();
        assertThat(compare.path("total_commits").asInt()).isEqualTo(2);
        assertThat(compare.path("commits")).extracting(c -> c.path("sha").asText()).containsExactlyElementsOf(shas);
        assertThat(compare.path("commits").get(1).path("commit").path("message").asText())
                .isEqualTo("fix(mojaloop/3058): rounding (#1180)\n\nBREAKING CHANGE: none really");
        assertThat(compare.path("commits").get(1).path("parents").get(0).path("sha").asText()).isEqualTo(shas.get(0));
        assertThat(compare.path("base_commit").path("sha").asText()).isEqualTo(compare.path("merge_base_commit").path("sha").asText());
        assertThat(compare.path("files").isArray()).isTrue();
        // the other way round: behind, nothing listed; and by sha, branch or refs/tags/
        JsonNode back = json(get("/repos/" + REPO + "/compare/v19.7.4...v19.3.0"));
        assertThat(back.path("status").asText()).isEqualTo("behind");
        assertThat(back.path("behind_by").asInt()).isEqualTo(2);
        assertThat(back.path("commits")).isEmpty();
        assertThat(json(get("/repos/" + REPO + "/compare/v19.3.0..." + shas.get(0).substring(0, 7)))
                .path("total_commits").asInt()).isEqualTo(1);
        assertThat(json(get("/repos/" + REPO + "/compare/v19.7.4...main")).path("status").asText()).isEqualTo("identical");
    }

    @Test
    void aCompareIsPagedAndListsAtMost250CommitsWithTheirTotal() throws Exception {
        github.tag(REPO, "v1.0.0");
        String[] messages = new String[312];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = "chore: commit " + (i + 1);
        }
        github.tagCommits(REPO, "v2.0.0", messages);
        List<String> titles = new ArrayList<>();
        String next = "/repos/" + REPO + "/compare/v1.0.0...v2.0.0?per_page=100";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = get(next);
            assertThat(json(page).path("total_commits").asInt()).isEqualTo(312);
            assertThat(json(page).has("files")).isEqualTo(pages == 0);
            json(page).path("commits").forEach(c -> titles.add(c.path("commit").path("message").asText()));
            next = links(page).get("next");
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(titles).hasSize(250).startsWith("chore: commit 1").endsWith("chore: commit 250");
        // without paging: one answer, the newest 250
        JsonNode whole = json(get("/repos/" + REPO + "/compare/v1.0.0...v2.0.0"));
        assertThat(whole.path("commits")).hasSize(250);
        assertThat(whole.path("commits").get(249).path("commit").path("message").asText()).isEqualTo("chore: commit 312");
    }

    @Test
    void aCompareOfAnUnknownRefIs404AndOfUnrelatedHistories422() throws Exception {
        github.tagCommits(REPO, "v1.0.0", "feat: one");
        github.unrelatedTag(REPO, "v9.0.0", "feat: elsewhere");
        HttpResponse<String> unknown = get("/repos/" + REPO + "/compare/v1.0.0...v1.0.1");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("message").asText()).isEqualTo("Not Found");
        HttpResponse<String> unrelated = get("/repos/" + REPO + "/compare/v1.0.0...v9.0.0");
        assertThat(unrelated.statusCode()).isEqualTo(422);
        assertThat(json(unrelated).path("message").asText()).isEqualTo("No common ancestor between v1.0.0 and v9.0.0.");
        github.unreachableRepository("mojaloop/private-thing");
        assertThat(get("/repos/mojaloop/private-thing").statusCode()).isEqualTo(404);
        assertThat(get("/repos/mojaloop/private-thing/compare/a...b").statusCode()).isEqualTo(404);
    }

    @Test
    void aFileIsReadAsItWasAtATag() throws Exception {
        github.file("mojaloop/helm", "mojaloop/Chart.yaml", "appVersion: \"central-ledger: v19.3.0\"\n");
        github.tag("mojaloop/helm", "v17.1.0");
        github.file("mojaloop/helm", "mojaloop/Chart.yaml", "appVersion: \"central-ledger: v19.7.4\"\n");
        github.tag("mojaloop/helm", "v17.2.0-rc.1");
        github.fileAtTag("mojaloop/helm", "v17.2.0-rc.1", "mojaloop/values.yaml", "x: 1\n");
        github.file("mojaloop/helm", "mojaloop/Chart.yaml", "appVersion: \"central-ledger: v20.0.0\"\n");
        String path = "/repos/mojaloop/helm/contents/mojaloop/Chart.yaml";
        assertThat(text(json(get(path + "?ref=v17.1.0")))).contains("v19.3.0");
        assertThat(text(json(get(path + "?ref=refs/tags/v17.2.0-rc.1")))).contains("v19.7.4");
        assertThat(json(get(path + "?ref=v17.1.0")).path("html_url").asText()).endsWith("/blob/v17.1.0/mojaloop/Chart.yaml");
        assertThat(text(json(get(path)))).contains("v20.0.0");
        assertThat(get("/repos/mojaloop/helm/contents/mojaloop/values.yaml?ref=v17.2.0-rc.1").statusCode()).isEqualTo(200);
        assertThat(get("/repos/mojaloop/helm/contents/mojaloop/values.yaml?ref=v17.1.0").statusCode()).isEqualTo(404);
        assertThat(get(path + "?ref=v9.9.9").statusCode()).isEqualTo(404);
    }

    static String text(JsonNode content) {
        return new String(java.util.Base64.getMimeDecoder().decode(content.path("content").asText()), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aMergedPullRequestIsFoundByItsMergeCommitAndShowsWhoMergedIt() throws Exception {
        List<String> shas = github.commits(REPO, "feat: x (#7)");
        github.mergedPullRequest(REPO, 7, "eve", "feat: x", "aaaabbbbccccddddeeeeffff0000111122223333", shas.get(0), "henry",
                Instant.parse("2026-12-10T10:00:00Z"), "review-exception");
        github.pullRequest(REPO, 8, "eve", "9999bbbbccccddddeeeeffff0000111122223333", "main", "fix: open");
        JsonNode pr = json(get("/repos/" + REPO + "/pulls/7"));
        assertThat(pr.path("merged").asBoolean()).isTrue();
        assertThat(pr.path("state").asText()).isEqualTo("closed");
        assertThat(pr.path("merged_at").asText()).isEqualTo("2026-12-10T10:00:00Z");
        assertThat(pr.path("merged_by").path("login").asText()).isEqualTo("henry");
        assertThat(pr.path("merge_commit_sha").asText()).isEqualTo(shas.get(0));
        assertThat(pr.path("labels").get(0).path("name").asText()).isEqualTo("review-exception");
        JsonNode open = json(get("/repos/" + REPO + "/pulls/8"));
        assertThat(open.path("merged").asBoolean()).isFalse();
        assertThat(open.path("merged_at").isNull()).isTrue();
        assertThat(json(get("/repos/" + REPO + "/commits/" + shas.get(0) + "/pulls"))).extracting(p -> p.path("number").asInt())
                .containsExactly(7);
        assertThat(json(get("/repos/" + REPO + "/commits/aaaabbbbccccddddeeeeffff0000111122223333/pulls")))
                .extracting(p -> p.path("number").asInt()).containsExactly(7);
        assertThat(json(get("/repos/" + REPO + "/issues/7")).path("pull_request").path("merged_at").asText())
                .isEqualTo("2026-12-10T10:00:00Z");
    }

    @Test
    void errorsHaveGitHubsShape() throws Exception {
        HttpResponse<String> missing = get("/repos/" + REPO + "/pulls/404");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("message").asText()).isEqualTo("Not Found");
        assertThat(json(missing).path("documentation_url").asText()).startsWith("https://docs.github.com/");

        assertThat(write("POST", "/repos/" + REPO + "/labels", "{\"name\":\"bug\",\"color\":\"d73a4a\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> again = write("POST", "/repos/" + REPO + "/labels", "{\"name\":\"bug\",\"color\":\"d73a4a\"}");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(json(again).path("message").asText()).isEqualTo("Validation Failed");
        assertThat(json(again).path("errors").get(0).path("code").asText()).isEqualTo("already_exists");

        HttpResponse<String> noSha = write("POST", "/repos/" + REPO + "/check-runs", "{\"name\":\"x\"}");
        assertThat(noSha.statusCode()).isEqualTo(422);
        assertThat(json(noSha).path("message").asText()).contains("head_sha");
        HttpResponse<String> tooLong = write("POST", "/repos/" + REPO + "/check-runs", "{\"name\":\"x\",\"head_sha\":\"abc\","
                + "\"output\":{\"title\":\"t\",\"summary\":\"" + "x".repeat(65_536) + "\"}}");
        assertThat(tooLong.statusCode()).isEqualTo(422);

        // an issue body: 65,536 characters are accepted, one more is refused as GitHub refuses it
        github.openIssue(REPO, 77, "henry", "Release story", "");
        assertThat(write("PATCH", "/repos/" + REPO + "/issues/77", "{\"body\":\"" + "x".repeat(65_536) + "\"}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> bodyTooLong = write("PATCH", "/repos/" + REPO + "/issues/77", "{\"body\":\"" + "x".repeat(65_537) + "\"}");
        assertThat(bodyTooLong.statusCode()).isEqualTo(422);
        assertThat(json(bodyTooLong).path("message").asText()).isEqualTo("Validation Failed");
        assertThat(json(bodyTooLong).path("errors").get(0).path("field").asText()).isEqualTo("body");
        assertThat(json(bodyTooLong).path("errors").get(0).path("message").asText())
                .isEqualTo("body is too long (maximum is 65536 characters)");
        assertThat(github.issue(REPO, 77).path("body").asText()).hasSize(65_536);

        github.protectionUnreadable(REPO);
        HttpResponse<String> forbidden = get("/repos/" + REPO + "/branches/main/protection/required_status_checks");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(json(forbidden).path("message").asText()).isEqualTo("Resource not accessible by integration");

        assertThat(send("GET", "/repos/" + REPO + "/pulls", null, null, Map.of()).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/repos/" + REPO + "/pulls", "Bearer ghs_wrong", null, Map.of()).statusCode()).isEqualTo(401);
        assertThat(write("POST", "/repos/" + REPO + "/labels", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void searchAnswersInItsWrapperWithStateFromTheSimulation() throws Exception {
        github.openIssue(REPO, 1201, "carol", "Rounding", "Loses a cent", "bug", "priority: high");
        github.openIssue(REPO, 1202, "carol", "Typo", "In the docs", "docs");
        github.pullRequest(REPO, 5, "eve", "5".repeat(40), "main", "fix: rounding", "bug");
        JsonNode found = json(get("/search/issues?q=" + java.net.URLEncoder.encode(
                "org:mojaloop is:issue is:open label:bug label:\"priority: high\",\"priority: medium\"", "UTF-8")));
        assertThat(found.path("total_count").asInt()).isEqualTo(1);
        assertThat(found.path("incomplete_results").asBoolean(true)).isFalse();
        assertThat(found.path("items").get(0).path("number").asInt()).isEqualTo(1201);
        assertThat(found.path("items").get(0).path("repository_url").asText()).isEqualTo(server.base() + "/repos/" + REPO);

        JsonNode prs = json(get("/search/issues?q=" + java.net.URLEncoder.encode("org:mojaloop is:pr label:bug", "UTF-8")));
        assertThat(prs.path("items")).extracting(i -> i.path("number").asInt()).containsExactly(5);
        assertThat(prs.path("items").get(0).has("pull_request")).isTrue();
    }

    @Test
    void filesAreReadFromTheDefaultBranchUnlessARefNamesAnother() throws Exception {
        github.file(REPO, ".github/release-bot.yml", "reviews:\n  required-approvals: 2\n");
        github.fileOnBranch(REPO, "feature/4", ".github/release-bot.yml", "reviews:\n  required-approvals: 0\n");
        github.pullRequest(REPO, 4, "eve", "4".repeat(40), "main", "chore: relax");
        String path = "/repos/" + REPO + "/contents/.github/release-bot.yml";
        assertThat(decode(get(path))).contains("required-approvals: 2");
        assertThat(decode(get(path + "?ref=feature/4"))).contains("required-approvals: 0");
        assertThat(decode(get(path + "?ref=" + "4".repeat(40)))).contains("required-approvals: 0");
        assertThat(decode(get(path + "?ref=refs/pull/4/head"))).contains("required-approvals: 0");
        assertThat(get(path + "?ref=nowhere").statusCode()).isEqualTo(404);
        assertThat(get("/repos/" + REPO + "/contents/missing.yml").statusCode()).isEqualTo(404);
    }

    static String decode(HttpResponse<String> response) throws Exception {
        return new String(java.util.Base64.getMimeDecoder().decode(json(response).path("content").asText()), "UTF-8");
    }

    @Test
    void listenersSeeEveryRequestAndInterceptorsMayDelayOrAnswerInOrder() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Exchange> answered = new CopyOnWriteArrayList<>();
        server.addRequestListener((method, pathAndQuery, headers, body) -> seen.add(method + " " + pathAndQuery + " "
                + headers.get("content-type") + " " + body));
        server.addExchangeListener(new SimulatedGitHubServer.ExchangeListener() {
            @Override
            public void answered(Exchange exchange) {
                answered.add(exchange);
            }
        });
        List<String> order = new CopyOnWriteArrayList<>();
        server.addInterceptor(r -> {
            order.add("first");
            return Decision.delay(300);
        });
        server.addInterceptor(r -> {
            order.add("second");
            return r.write() ? Decision.answer(Answer.secondaryRateLimit(1)) : Decision.proceed();
        });
        server.addInterceptor(r -> {
            order.add("third");
            return Decision.proceed();
        });
        github.openIssue(REPO, 9, "carol", "x", "y");

        long start = System.nanoTime();
        HttpResponse<String> refused = write("POST", "/repos/" + REPO + "/issues/9/comments", "{\"body\":\"hello\"}");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(json(refused).path("message").asText()).contains("secondary rate limit");
        assertThat(github.comments(REPO, 9)).isEmpty();
        assertThat(order).containsExactly("first", "second");

        assertThat(get("/repos/" + REPO + "/issues/9").statusCode()).isEqualTo(200);
        assertThat(order).containsExactly("first", "second", "first", "second", "third");
        assertThat(seen).contains("POST /repos/" + REPO + "/issues/9/comments [application/json] {\"body\":\"hello\"}");
        assertThat(answered).extracting(Exchange::status).containsExactly(403, 200);
        assertThat(answered.get(0).responseHeaders().get("x-github-request-id")).isNotEmpty();
    }

    @Test
    void aRequestCutOffBeforeItsBodyArrivedIsNeitherSeenNorActedOn() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        server.addRequestListener((method, pathAndQuery, headers, body) -> seen.add(method + " " + pathAndQuery + " " + body));
        github.openIssue(REPO, 9, "carol", "x", "y");
        long before = server.requests();
        URI base = URI.create(server.base());
        // what a client killed mid-send leaves: the headers promise 40 bytes, 5 arrive, the connection closes
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("POST /repos/" + REPO + "/issues/9/comments HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{\"bo")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }
        // a whole request afterwards shows the server has gone past the cut-off one
        assertThat(get("/repos/" + REPO + "/issues/9").statusCode()).isEqualTo(200);
        assertThat(seen).containsExactly("GET /repos/" + REPO + "/issues/9 ");
        assertThat(server.requests()).isEqualTo(before + 1);
        assertThat(github.comments(REPO, 9)).isEmpty();
    }

    @Test
    void pastThePrimaryLimitGitHubAnswers403UntilTheReset() throws Exception {
        server.primaryRateLimit(2);
        assertThat(get("/users/eve").statusCode()).isEqualTo(200);
        HttpResponse<String> last = get("/users/eve");
        assertThat(last.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        HttpResponse<String> over = get("/users/eve");
        assertThat(over.statusCode()).isEqualTo(403);
        assertThat(json(over).path("message").asText()).startsWith("API rate limit exceeded");
        assertThat(over.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        assertThat(Long.parseLong(over.headers().firstValue("X-RateLimit-Reset").orElseThrow()))
                .isGreaterThan(Instant.now().getEpochSecond());
    }

    @Test
    void labelsCommentsAndReactionsChangeTheState() throws Exception {
        github.pullRequest(REPO, 12, "eve", "c".repeat(40), "main", "fix: x");
        github.comment(REPO, 12, 501, "da-lead", "/review-exception urgent");
        assertThat(json(write("POST", "/repos/" + REPO + "/issues/12/labels", "{\"labels\":[\"review-exception\"]}")))
                .extracting(l -> l.path("name").asText()).containsExactly("review-exception");
        assertThat(write("POST", "/repos/" + REPO + "/issues/comments/501/reactions", "{\"content\":\"+1\"}").statusCode())
                .isEqualTo(201);
        assertThat(write("POST", "/repos/" + REPO + "/issues/comments/501/reactions", "{\"content\":\"+1\"}").statusCode())
                .isEqualTo(200);
        assertThat(write("POST", "/repos/" + REPO + "/issues/comments/999/reactions", "{\"content\":\"+1\"}").statusCode())
                .isEqualTo(404);
        HttpResponse<String> reply = write("POST", "/repos/" + REPO + "/issues/12/comments", "{\"body\":\"Granted.\"}");
        assertThat(reply.statusCode()).isEqualTo(201);
        assertThat(json(reply).path("user").path("login").asText()).isEqualTo(SimulatedGitHub.BOT_LOGIN);
        assertThat(json(reply).path("performed_via_github_app").path("id").asLong()).isEqualTo(77);
        assertThat(json(get("/repos/" + REPO + "/issues/12")).path("labels")).extracting(l -> l.path("name").asText())
                .containsExactly("review-exception");
        assertThat(write("DELETE", "/repos/" + REPO + "/issues/12/labels/review-exception", null).statusCode()).isEqualTo(200);
        assertThat(write("DELETE", "/repos/" + REPO + "/issues/12/labels/review-exception", null).statusCode()).isEqualTo(404);
        assertThat(write("POST", "/repos/" + REPO + "/issues/404/comments", "{\"body\":\"x\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void reactionsAreListedWithWhoReactedAndTheAppAnswersWithItsSlug() throws Exception {
        github.pullRequest(REPO, 12, "eve", "c".repeat(40), "main", "fix: x");
        github.comment(REPO, 12, 501, "da-lead", "/review-exception urgent");
        github.react(501, "alice", "+1");
        write("POST", "/repos/" + REPO + "/issues/comments/501/reactions", "{\"content\":\"+1\"}");
        write("POST", "/repos/" + REPO + "/issues/comments/501/reactions", "{\"content\":\"eyes\"}");
        assertThat(json(get("/repos/" + REPO + "/issues/comments/501/reactions?content=%2B1&per_page=100")))
                .extracting(r -> r.path("user").path("login").asText() + " " + r.path("user").path("type").asText() + " "
                        + r.path("content").asText())
                .containsExactly("alice User +1", SimulatedGitHub.BOT_LOGIN + " Bot +1");
        assertThat(json(get("/repos/" + REPO + "/issues/comments/501/reactions"))).hasSize(3);
        assertThat(get("/repos/" + REPO + "/issues/comments/999/reactions").statusCode()).isEqualTo(404);

        github.appSlug("ml-release-bot");
        try {
            HttpResponse<String> reply = write("POST", "/repos/" + REPO + "/issues/12/comments", "{\"body\":\"Granted.\"}");
            assertThat(json(reply).path("user").path("login").asText()).isEqualTo("ml-release-bot[bot]");
            assertThat(json(reply).path("performed_via_github_app").path("slug").asText()).isEqualTo("ml-release-bot");
            JsonNode app = json(send("GET", "/app", "Bearer header.payload.signature", null, Map.of()));
            assertThat(app.path("slug").asText()).isEqualTo("ml-release-bot");
            assertThat(app.path("id").asLong()).isEqualTo(77);
        } finally {
            github.appSlug(SimulatedGitHub.APP_SLUG);
        }
    }
}
