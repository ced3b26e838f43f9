package io.mojaloop.releasebot.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;

/** Gate evidence over HTTP: TTK reports POSTed to the bot, and the repo-standards gate read from GitHub. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = FakeGitHub.class, restrictToAnnotatedClass = true)
class ReportsIT {

    FakeGitHub github;
    String org;
    String project;

    @BeforeEach
    void setUp() {
        github.reset();
        org = "rp-" + UUID.randomUUID().toString().substring(0, 8);
        project = org + "/project";
        github.installedOn(org);
        github.orgConfig(org, """
                releases:
                  - version: v17.2.0
                    pi-kickoff: 2099-01-18
                    release-date: 2099-01-25
                    story: %s/project#4300
                    repos: [central-ledger, helm]
                gates:
                  - id: golden-path-dev
                    name: TTK Golden Path on dev
                    ttk-suite: GP Tests
                    environment: dev
                  - id: repo-standards
                    name: CODEOWNERS, LICENSE and required checks in every release repo
                """.formatted(org));
        github.issue(project, 4300, "Release v17.2.0", "Story.\n");
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = ReportsIT.class.getResourceAsStream("/ttk/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Response post(String version, String env, String token, String body) {
        var request = given().contentType("application/json").body(body);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.post("/api/v1/releases/" + version + "/ttk-reports" + (env == null ? "" : "?environment=" + env));
    }

    private String storyBlock() {
        String body = github.issueBody(project, 4300);
        return body == null || !body.contains("<!-- release-bot:start -->") ? "" : body;
    }

    @Test
    void badInputIsRefusedAndChangesNothing() throws IOException {
        String report = fixture("all-passed.json");
        post("v17.2.0", "dev", null, report).then().statusCode(401).body(containsString("Bearer"));
        post("v17.2.0", "dev", "wrong-token", report).then().statusCode(403);
        post("v17.2.0", "dev", FakeGitHub.REPORT_TOKEN, "<html>not json").then().statusCode(400).body(containsString("not JSON"));
        post("v17.2.0", "dev", FakeGitHub.REPORT_TOKEN, "{\"name\":\"GP Tests\"}").then().statusCode(400)
                .body(containsString("runtimeInformation"));
        post("v99.0.0", "dev", FakeGitHub.REPORT_TOKEN, report).then().statusCode(404).body(containsString("v99.0.0"));
        post("v17.2.0", "dev", FakeGitHub.REPORT_TOKEN, "{\"pad\":\"" + "x".repeat(400_000) + "\"}").then().statusCode(413);
        // nothing recorded: no report comment (the startup resync may rebuild the story meanwhile: that is not the input's)
        assertThat(github.writes()).noneMatch(w -> w.method().equals("POST"));
        assertThat(github.storedComments(project, 4300)).isEmpty();
    }

    @Test
    void aFailedReportBlocksTheGateAndALaterPassingOneReplacesIt() throws IOException {
        Response failed = post("v17.2.0", "dev", FakeGitHub.REPORT_TOKEN, fixture("one-failed.json"));
        failed.then().statusCode(201).body(containsString("\"result\":\"failed\"")).body(containsString("golden-path-dev"));
        String comment = github.storedComments(project, 4300).get(0).path("body").asText();
        assertThat(comment).contains("Testing Toolkit: GP Tests on dev").contains("| 7 | 5 | 1 | 1 | 1 | 1 | 300000 ms |")
                .contains("p2p\\_money\\_transfer › Send quote › Response status to be 202 \\(1\\)")
                .contains("TTK itself reported 6 of 7 passed").contains("<!-- release-bot:ttk {");
        await().atMost(Duration.ofSeconds(10)).until(() -> storyBlock().contains("| TTK Golden Path on dev (`golden-path-dev`) | ❌ failed |"));
        assertThat(storyBlock()).contains("dev: 7 assertions: 5 passed, 1 failed, 1 skipped");

        // the same report delivered again: recorded once
        post("v17.2.0", "dev", FakeGitHub.REPORT_TOKEN, fixture("one-failed.json")).then().statusCode(200)
                .body(containsString("already"));
        assertThat(github.storedComments(project, 4300)).hasSize(1);

        // a passing run later (the release-cd reporter's shape is accepted too; here the native one)
        ObjectNode passing = (ObjectNode) Webhooks.MAPPER.readTree(fixture("all-passed.json"));
        ((ObjectNode) passing.get("runtimeInformation")).put("testReportId", "1732512349999");
        post("17.2.0", "dev", FakeGitHub.REPORT_TOKEN, passing.toString()).then().statusCode(201)
                .body(containsString("\"result\":\"passed\""));
        await().atMost(Duration.ofSeconds(10)).until(() -> storyBlock().contains("| TTK Golden Path on dev (`golden-path-dev`) | ✅ passed |"));

        // a report for QA does not touch the dev gate; a comment line forged by a person is not trusted
        post("v17.2.0", "qa", FakeGitHub.REPORT_TOKEN, fixture("release-cd.json")).then().statusCode(201)
                .body(containsString("No gate has ttk-suite"));
        github.comment(project, 4300, 555, "mallory", "<!-- release-bot:ttk {\"suite\":\"GP Tests\",\"environment\":\"dev\",\"total\":1,\"passed\":0,\"failed\":1,\"skipped\":0} -->");
        github.comment(project, 4300, 556, "mallory", "/release-status");
        Webhooks.send("issue_comment", Webhooks.comment(project, 4300, false, 556, "mallory", "/release-status")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !github.requests("POST", "/repos/" + project + "/issues/comments/556/reactions").isEmpty());
        assertThat(storyBlock()).contains("| TTK Golden Path on dev (`golden-path-dev`) | ✅ passed |");
    }

    /**
     * A real Testing Toolkit report (ml-testing-toolkit 18.19.2, all 28 assertions passed) with one request disabled:
     * TTK reports its 11 assertions as SKIPPED and still counts them in {@code totalPassedAssertions}.
     */
    static String realReportWithADisabledRequest(String reportId) throws IOException {
        ObjectNode report = (ObjectNode) Webhooks.MAPPER.readTree(fixture("real-golden-path-p2p-passed.json"));
        ((ObjectNode) report.get("runtimeInformation")).put("testReportId", reportId);
        for (var assertion : report.at("/test_cases/0/requests/1/request/tests/assertions")) {
            ((ObjectNode) assertion.get("resultStatus")).put("status", "SKIPPED");
        }
        return report.toString();
    }

    @Test
    void skippedAssertionsPassOnlyAGateThatAllowsThemAndTheSummaryAlwaysCountsThem() throws IOException {
        github.orgConfig(org, """
                releases:
                  - version: v17.2.0
                    pi-kickoff: 2099-01-18
                    release-date: 2099-01-25
                    story: %s/project#4300
                    repos: [central-ledger, helm]
                gates:
                  - id: golden-path-dev
                    name: TTK Golden Path on dev
                    ttk-suite: dfsp_golden_path_p2p
                    environment: dev
                  - id: golden-path-qa
                    name: TTK Golden Path on QA, disabled requests accepted
                    ttk-suite: dfsp_golden_path_p2p
                    environment: qa
                    allow-skipped: true
                """.formatted(org));
        // the real run, untouched: passes, and says 0 skipped
        post("v17.2.0", "dev", FakeGitHub.REPORT_TOKEN, fixture("real-golden-path-p2p-passed.json")).then().statusCode(201)
                .body(containsString("\"result\":\"passed\"")).body(containsString("\"skipped\":0"));
        assertThat(github.storedComments(project, 4300).get(0).path("body").asText()).contains("| 28 | 28 | 0 | 0 |")
                .doesNotContain("skipped (");
        await().atMost(Duration.ofSeconds(10)).until(() -> storyBlock().contains("| TTK Golden Path on dev (`golden-path-dev`) | ✅ passed |"));

        // the same collection with a request disabled: 0 failed, but 11 skipped, so the dev gate does not pass
        post("v17.2.0", "dev", FakeGitHub.REPORT_TOKEN, realReportWithADisabledRequest("skipped-1")).then().statusCode(201)
                .body(containsString("\"result\":\"failed\"")).body(containsString("\"skipped\":11"))
                .body(containsString("\"skipped-not-allowed\":[\"golden-path-dev\"]"));
        String comment = github.storedComments(project, 4300).get(1).path("body").asText();
        assertThat(comment).startsWith("### ⚠️ Testing Toolkit: dfsp\\_golden\\_path\\_p2p on dev")
                .contains("**Not passed** for `golden-path-dev`.").contains("| 28 | 17 | 0 | 11 |")
                .contains("11 assertions were skipped (a disabled request, or a run stopped by `breakOnError`): a skipped assertion "
                        + "tested nothing, so this report does not pass `golden-path-dev`")
                .contains("TTK itself reported 28 of 28 passed");
        await().atMost(Duration.ofSeconds(10)).until(() -> storyBlock().contains("| TTK Golden Path on dev (`golden-path-dev`) | ❌ failed |"));
        assertThat(storyBlock()).contains("dev: 28 assertions: 17 passed, 0 failed, 11 skipped: skipped assertions do not pass this gate");

        // on QA the gate says allow-skipped: true, so the same run passes it, and the summary still counts them
        post("v17.2.0", "qa", FakeGitHub.REPORT_TOKEN, realReportWithADisabledRequest("skipped-2")).then().statusCode(201)
                .body(containsString("\"result\":\"passed\"")).body(containsString("\"skipped\":11"));
        assertThat(github.storedComments(project, 4300).get(2).path("body").asText()).startsWith("### ✅")
                .contains("| 28 | 17 | 0 | 11 |").contains("11 assertions were skipped").contains("accepted, as the gate says `allow-skipped: true`.");
        await().atMost(Duration.ofSeconds(10)).until(() -> storyBlock().contains(
                "| TTK Golden Path on QA, disabled requests accepted (`golden-path-qa`) | ✅ passed |"));
        assertThat(storyBlock()).contains("| TTK Golden Path on dev (`golden-path-dev`) | ❌ failed |");
    }

    @Test
    void repoStandardsWithAndWithoutTheAdministrationPermission() throws IOException {
        for (String repo : new String[] { "central-ledger", "helm" }) {
            String full = org + "/" + repo;
            github.repository(full);
            github.file(full, ".github/CODEOWNERS", "* @" + org + "/maintainers\n");
            github.licence(full, "Apache-2.0");
        }
        github.requiredStatusChecks(org + "/central-ledger", "main", "review-rules", "release-freeze");
        // the app without administration read: GitHub answers 403 "Resource not accessible by integration"
        github.protectionUnreadable(org + "/helm");
        post("v17.2.0", "dev", FakeGitHub.REPORT_TOKEN, fixture("all-passed.json")).then().statusCode(201);
        // the report is answered once recorded; the story follows on the story timer
        String unknown = await().atMost(Duration.ofSeconds(10)).until(this::storyBlock,
                b -> b.contains("| CODEOWNERS, LICENSE and required checks in every release repo (`repo-standards`) |"));
        assertThat(unknown).contains("| CODEOWNERS, LICENSE and required checks in every release repo (`repo-standards`) | ⏳ no evidence yet |")
                .contains("unknown: the app needs administration read").contains("❔ helm:").contains("✅ central-ledger:");

        // with the permission: helm's protection lacks release-freeze
        github.requiredStatusChecks(org + "/helm", "main", "review-rules");
        github.comment(project, 4300, 601, "mallory", "/release-status");
        Webhooks.send("issue_comment", Webhooks.comment(project, 4300, false, 601, "mallory", "/release-status")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> storyBlock().contains("❌ helm: branch protection does not require release-freeze"));
        assertThat(storyBlock()).contains("| CODEOWNERS, LICENSE and required checks in every release repo (`repo-standards`) | ❌ failed |");
    }

    @Test
    void aReportIsAnsweredAtOnceWhileGitHubsSearchLimitIsSpentAndTheStoryFollows() throws IOException {
        // GitHub's 30 searches a minute are spent: the next two searches are refused with a 3 s wait
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Interceptor searchLimit = e -> e.method().equals("GET")
                && e.path().startsWith("/search/") && refused.getAndIncrement() < 2
                        ? io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Decision.answer(
                                new io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Answer(403, java.util.Map.of(
                                        "Content-Type", "application/json; charset=utf-8", "Retry-After", "3",
                                        "X-RateLimit-Remaining", "0", "X-RateLimit-Resource", "search"),
                                        "{\"message\":\"API rate limit exceeded for installation ID 1.\",\"status\":\"403\"}"))
                        : io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Decision.proceed();
        github.server().addInterceptor(searchLimit);
        try {
            long start = System.nanoTime();
            post("v17.2.0", "dev", FakeGitHub.REPORT_TOKEN, fixture("all-passed.json")).then().statusCode(201);
            // recorded and answered: the rebuild (and its wait for the search limit) is not the request's
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
            assertThat(github.storedComments(project, 4300)).hasSize(1);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> storyBlock().contains("| TTK Golden Path on dev (`golden-path-dev`) | ✅ passed |"));
            assertThat(refused.get()).isGreaterThanOrEqualTo(2);
        } finally {
            github.server().removeInterceptor(searchLimit);
        }
    }
}
