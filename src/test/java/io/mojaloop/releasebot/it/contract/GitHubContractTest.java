package io.mojaloop.releasebot.it.contract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mojaloop.releasebot.sandbox.SimulatedGitHub;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer;
import io.vertx.core.Vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract check against GitHub's real published description (the file .ci/github-openapi fetches): requests the
 * bot's kind of work sends pass, requests GitHub does not allow fail with a message naming what is wrong. The schema
 * subset's own rules are pinned on small inline schemas.
 */
class GitHubContractTest {

    static final GitHubContract GITHUB = SpecFile.shared();
    static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void nothingLeftForTheExtension() {
        // the hook test below records violations on purpose and takes them itself
        assertThat(ContractCheck.drain()).isEmpty();
    }

    private static List<String> check(String method, String pathAndQuery) {
        return GITHUB.violations(method, pathAndQuery, null);
    }

    private static List<String> check(String method, String pathAndQuery, String body) {
        return GITHUB.violations(method, pathAndQuery, body);
    }

    @Test
    void theDescriptionIsTheWholeOfGitHubsRestApi() {
        assertThat(GITHUB.operationCount()).isGreaterThan(1000);
        assertThat(GITHUB.version()).isNotBlank();
        assertThat(SpecFile.loadMillis).isGreaterThanOrEqualTo(0);
    }

    @Test
    void requestsGitHubAllowsPass() {
        assertThat(check("GET", "/repos/mojaloop/central-ledger/pulls?state=open&per_page=100")).isEmpty();
        assertThat(check("GET", "/repos/mojaloop/.github/contents/release-bot.yml")).isEmpty();
        assertThat(check("GET", "/repos/mojaloop/helm/contents/charts/central-ledger/Chart.yaml")).isEmpty();
        assertThat(check("GET", "/repos/o/r/commits/0123abc/check-runs?check_name=review-rules&per_page=100")).isEmpty();
        assertThat(check("GET", "/repos/o/r/commits/0123abc/check-runs?app_id=424242&filter=latest")).isEmpty();
        assertThat(check("POST", "/repos/o/r/check-runs", """
                {"name":"review-rules","head_sha":"0123abc","status":"completed","conclusion":"success",
                 "completed_at":"2026-11-24T10:00:00Z","output":{"title":"2 of 2 approvals","summary":"ok"}}""")).isEmpty();
        assertThat(check("PATCH", "/repos/o/r/check-runs/12", """
                {"status":"in_progress","output":{"title":"t","summary":"s"}}""")).isEmpty();
        assertThat(check("PATCH", "/repos/o/r/issues/4300", "{\"body\":\"text\",\"milestone\":null}")).isEmpty();
        assertThat(check("POST", "/repos/o/r/issues/12/labels", "{\"labels\":[\"release-candidate\"]}")).isEmpty();
        assertThat(check("POST", "/repos/o/r/issues/comments/7001/reactions", "{\"content\":\"+1\"}")).isEmpty();
        assertThat(check("DELETE", "/repos/o/r/issues/12/labels/rc%2Fv17.2.0%20now")).isEmpty();
        assertThat(check("GET", "/search/issues?q=org%3Amojaloop+is%3Aissue+label%3Abug&per_page=100")).isEmpty();
        assertThat(check("GET", "/orgs/mojaloop/teams/release-managers/members?per_page=100")).isEmpty();
        assertThat(check("GET", "/repos/o/r/collaborators/some-one/permission")).isEmpty();
        assertThat(check("POST", "/app/installations/1/access_tokens")).isEmpty();
        // a property named like a prose keyword is a property ("description" is required here)
        assertThat(check("POST", "/repos/o/r/security-advisories/reports",
                "{\"summary\":\"s\",\"description\":\"d\"}")).isEmpty();
    }

    @Test
    void pathTemplatesMatchLikeGitHubsRouter() {
        // a multi-segment parameter in the middle of a template
        assertThat(check("GET", "/repos/o/r/branches/release/v17.2/protection/required_status_checks")).isEmpty();
        // a literal segment wins over a parameter; a parameter's schema decides whether it matches at all
        assertThat(check("GET", "/repos/o/r/issues/comments?sort=created")).isEmpty();
        assertThat(check("GET", "/repos/o/r/issues/42?sort=created")).singleElement().asString()
                .contains("issues/get (GET /repos/{owner}/{repo}/issues/{issue_number})", "'sort' is not declared");
        assertThat(check("GET", "/repos/o/r/check-runs/not-a-number")).singleElement().asString()
                .contains("no such operation");
        // two parameters in one segment
        assertThat(check("GET", "/repos/o/r/compare/main...feature/x")).isEmpty();
    }

    @Test
    void anUnknownPathFails() {
        assertThat(check("GET", "/repos/o/r/frobnicate")).singleElement().asString()
                .contains("GET /repos/o/r/frobnicate", "no such operation", "no path template matches");
    }

    @Test
    void aMethodThePathDoesNotHaveFails() {
        assertThat(check("PUT", "/repos/o/r/check-runs", "{\"name\":\"x\",\"head_sha\":\"y\"}")).singleElement().asString()
                .contains("no such operation", "matches only POST /repos/{owner}/{repo}/check-runs");
    }

    @Test
    void anUndeclaredQueryParameterFails() {
        assertThat(check("GET", "/repos/o/r/pulls?status=open")).singleElement().asString()
                .contains("pulls/list (GET /repos/{owner}/{repo}/pulls)", "query parameter 'status' is not declared", "state, head, base");
    }

    @Test
    void aQueryValueOutsideItsSchemaFails() {
        assertThat(check("GET", "/repos/o/r/pulls?state=merged")).singleElement().asString()
                .contains("query parameter 'state'", "\"merged\" is not one of [open, closed, all]");
        assertThat(check("GET", "/repos/o/r/pulls?per_page=many")).singleElement().asString()
                .contains("query parameter 'per_page'", "where the schema wants integer");
    }

    @Test
    void aMissingRequiredQueryParameterFails() {
        assertThat(check("GET", "/search/issues?per_page=100")).singleElement().asString()
                .contains("search/issues-and-pull-requests", "required query parameter 'q' is missing");
    }

    @Test
    void aBodyPropertyOfTheWrongTypeFails() {
        assertThat(check("POST", "/repos/o/r/check-runs", "{\"name\":\"review-rules\",\"head_sha\":12}")).singleElement().asString()
                .contains("checks/create", "body.head_sha: integer 12 where the schema wants string");
    }

    @Test
    void aMissingRequiredBodyPropertyFails() {
        assertThat(check("POST", "/repos/o/r/check-runs", "{\"name\":\"review-rules\"}")).singleElement().asString()
                .contains("checks/create", "body: required property 'head_sha' is missing");
    }

    @Test
    void aCheckRunConclusionGitHubDoesNotKnowFails() {
        assertThat(check("PATCH", "/repos/o/r/check-runs/12", "{\"status\":\"completed\",\"conclusion\":\"passed\"}"))
                .singleElement().asString()
                .contains("checks/update (PATCH /repos/{owner}/{repo}/check-runs/{check_run_id})",
                        "body.conclusion: \"passed\" is not one of [action_required, cancelled, failure, neutral, success, skipped");
    }

    @Test
    void aPropertyTheSchemaClosesOutFails() {
        assertThat(check("PATCH", "/repos/o/r/import/authors/3", "{\"name\":\"n\",\"login\":\"l\"}")).singleElement().asString()
                .contains("body.login: property 'login' is not allowed (additionalProperties is false; the schema allows email, name)");
    }

    @Test
    void aNullWhereTheSchemaIsNotNullableFails() {
        assertThat(check("PATCH", "/repos/o/r/issues/3", "{\"state\":null}")).singleElement().asString()
                .contains("body.state: null is not allowed");
    }

    @Test
    void aBodyWhereNoneIsTakenOrNoneWhereOneIsRequiredFails() {
        assertThat(check("DELETE", "/repos/o/r/issues/12/labels/bug", "{\"x\":1}")).singleElement().asString()
                .contains("takes no request body");
        assertThat(check("POST", "/repos/o/r/issues/comments/7001/reactions")).singleElement().asString()
                .contains("requires a request body");
        assertThat(check("POST", "/repos/o/r/issues/comments/7001/reactions", "not json")).singleElement().asString()
                .contains("not JSON");
    }

    // --- the schema subset on its own -------------------------------------------------------------------------

    private static List<String> schema(String schema, String value) throws IOException {
        return JsonSchemaSubset.violations(JSON.readTree(schema), JSON.readTree(value), "v");
    }

    @Test
    void typesAreJsonTypes() throws IOException {
        assertThat(schema("{\"type\":\"integer\"}", "3")).isEmpty();
        assertThat(schema("{\"type\":\"integer\"}", "3.5")).singleElement().asString().contains("number 3.5 where the schema wants integer");
        assertThat(schema("{\"type\":\"number\"}", "3.5")).isEmpty();
        assertThat(schema("{\"type\":\"boolean\"}", "\"true\"")).singleElement().asString().contains("string \"true\"");
        assertThat(schema("{\"type\":\"object\"}", "[]")).hasSize(1);
        assertThat(schema("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}", "[\"a\",2]"))
                .singleElement().asString().contains("v[1]: integer 2");
        assertThat(schema("{}", "{\"anything\":[1]}")).isEmpty();
    }

    @Test
    void nullIsAllowedOnlyWhereTheSchemaSaysNullable() throws IOException {
        assertThat(schema("{\"type\":\"string\",\"nullable\":true}", "null")).isEmpty();
        assertThat(schema("{\"type\":\"string\"}", "null")).hasSize(1);
        assertThat(schema("{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\",\"nullable\":true}]}", "null")).isEmpty();
        assertThat(schema("{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}", "null")).hasSize(1);
    }

    @Test
    void alternativesNeedOneThatMatches() throws IOException {
        String oneOf = "{\"oneOf\":[{\"type\":\"array\",\"items\":{\"type\":\"string\"}},{\"type\":\"object\",\"required\":[\"name\"]}]}";
        assertThat(schema(oneOf, "[\"a\"]")).isEmpty();
        assertThat(schema(oneOf, "{\"name\":\"a\"}")).isEmpty();
        assertThat(schema(oneOf, "{\"nom\":\"a\"}")).singleElement().asString()
                .contains("matches none of the 2 alternatives of oneOf", "(1) array of string", "(2) object: v: required property 'name'");
        assertThat(schema("{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}", "true")).hasSize(1);
        assertThat(schema("{\"allOf\":[{\"required\":[\"a\"]},{\"required\":[\"b\"]}]}", "{\"a\":1}"))
                .singleElement().asString().contains("'b' is missing");
    }

    @Test
    void additionalPropertiesCanBeASchema() throws IOException {
        String map = "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}";
        assertThat(schema(map, "{\"a\":\"x\"}")).isEmpty();
        assertThat(schema(map, "{\"a\":1}")).singleElement().asString().contains("v.a: integer 1");
    }

    @Test
    void lengthsCountsAndBoundsAreChecked() throws IOException {
        assertThat(schema("{\"type\":\"string\",\"maxLength\":3}", "\"abcd\"")).singleElement().asString().contains("more than maxLength 3");
        assertThat(schema("{\"type\":\"array\",\"minItems\":1}", "[]")).singleElement().asString().contains("fewer than minItems 1");
        assertThat(schema("{\"type\":\"integer\",\"maximum\":100}", "101")).singleElement().asString().contains("more than maximum 100");
        assertThat(schema("{\"type\":\"string\",\"format\":\"date-time\"}", "\"2026-11-24T10:00:00Z\"")).isEmpty();
        assertThat(schema("{\"type\":\"string\",\"format\":\"date-time\"}", "\"2026-11-24\"")).singleElement().asString()
                .contains("is not a date-time");
    }

    @Test
    void aDescriptionThatIsNotOpenApiIsRefused() {
        assertThatThrownBy(() -> GitHubContract.read(new ByteArrayInputStream("{\"openapi\":\"3.0.3\"}".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("no operations");
    }

    @Test
    void aSmallDescriptionIsReadTheSameWay() throws IOException {
        String doc = """
                {"openapi":"3.0.3","info":{"version":"t"},"paths":{"/things/{id}":{
                  "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer"}}],
                  "put":{"operationId":"things/put","responses":{"200":{"description":"huge, never read"}},
                    "requestBody":{"required":true,"content":{"application/json":{"schema":{"type":"object",
                      "properties":{"description":{"type":"string"}},"additionalProperties":false}}}}}}},
                 "x-webhooks":{"ignored":{}}}""";
        GitHubContract small = GitHubContract.read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)));
        assertThat(small.operationCount()).isEqualTo(1);
        assertThat(small.violations("PUT", "/things/7", "{\"description\":\"d\"}")).isEmpty();
        assertThat(small.violations("PUT", "/things/7", "{\"title\":\"d\"}")).singleElement().asString()
                .contains("things/put (PUT /things/{id})", "'title' is not allowed");
        assertThat(small.violations("PUT", "/things/seven", "{}")).singleElement().asString().contains("no such operation");
    }

    @Test
    void queryAndPathValuesAreDecoded() {
        assertThat(GitHubContract.decode("a%2Fb%20c+d", false)).isEqualTo("a/b c+d");
        assertThat(GitHubContract.decode("a%2Fb%20c+d", true)).isEqualTo("a/b c d");
        assertThat(GitHubContract.decode("%E2%9C%93%", false)).isEqualTo("✓%");
    }

    // --- where the description comes from ---------------------------------------------------------------------

    @Test
    void onCiAMissingDescriptionFailsInsteadOfBeingFetchedOrSkipped(@TempDir Path dir) {
        Path missing = dir.resolve("api.github.com.deref.json");
        assertThatThrownBy(() -> SpecFile.locate(missing.toString(), true, Path.of(".ci", "github-openapi")))
                .hasMessageContaining("GitHub's REST description is missing: " + missing)
                .hasMessageContaining("never skipped")
                .hasMessageContaining("bash .ci/github-openapi");
        assertThat(missing).doesNotExist();
    }

    @Test
    void elsewhereAMissingDescriptionIsFetchedOrTheMessageSaysHow(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("api.github.com.deref.json");
        Path failing = Files.writeString(dir.resolve("fetch"), "echo 'npm: not found' >&2; exit 3\n");
        assertThatThrownBy(() -> SpecFile.locate(missing.toString(), false, failing))
                .hasMessageContaining("Could not fetch GitHub's REST description to " + missing)
                .hasMessageContaining("exit 3").hasMessageContaining("npm: not found")
                .hasMessageContaining("npm pack @octokit/openapi");
        Path working = Files.writeString(dir.resolve("fetch-ok"), "printf '{}' > \"$1\"\n");
        assertThat(SpecFile.locate(missing.toString(), false, working)).isEqualTo(missing).exists();
        assertThatThrownBy(() -> SpecFile.locate(null, false, working)).hasMessageContaining("-Dgithub-openapi.spec");
    }

    // --- the hook ----------------------------------------------------------------------------------------------

    @Test
    void theSimulatedGitHubRecordsWhatTheDescriptionDoesNotAllow() throws Exception {
        Vertx vertx = Vertx.vertx();
        SimulatedGitHubServer server = new SimulatedGitHubServer(new SimulatedGitHub(1, 1, "o", "https://github.com"));
        server.addRequestListener(ContractCheck.forGitHub()::request);
        try {
            int port = server.start(vertx, "127.0.0.1", 0, 1);
            HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
            String base = "http://127.0.0.1:" + port;
            http.send(HttpRequest.newBuilder(URI.create(base + "/repos/o/r/pulls?state=open")).build(), HttpResponse.BodyHandlers.discarding());
            http.send(HttpRequest.newBuilder(URI.create(base + "/repos/o/r/check-runs/5"))
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"conclusion\":\"passed\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());
        } finally {
            server.stop();
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
        List<ContractCheck.Violation> recorded = ContractCheck.drain();
        assertThat(recorded).singleElement().satisfies(v -> {
            assertThat(v.message()).contains("PATCH /repos/o/r/check-runs/5", "\"passed\" is not one of");
            assertThat(v.test()).isEqualTo("GitHubContractTest.theSimulatedGitHubRecordsWhatTheDescriptionDoesNotAllow()");
        });
        assertThatThrownBy(() -> GitHubContractExtension.fail(recorded)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 request(s) to GitHub that GitHub's published REST API description")
                .hasMessageContaining("[during GitHubContractTest.theSimulatedGitHubRecordsWhatTheDescriptionDoesNotAllow()]");
    }

    @Test
    void theExtensionRunsForEveryTestClassWithoutBeingNamed() {
        // this class does not name GitHubContractExtension: auto-detection registered it
        assertThat(GitHubContractExtension.active).isTrue();
    }
}
