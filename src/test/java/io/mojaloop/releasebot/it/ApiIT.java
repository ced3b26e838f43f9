package io.mojaloop.releasebot.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;

/** Validate and preview: answers from the real policy and templates, and nothing written to GitHub. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = FakeGitHub.class, restrictToAnnotatedClass = true)
class ApiIT {

    static final String CONFIG = """
            reviews:
              exception-approvers: [design-authority]
            affiliations:
              Infitx: [alice, bob]
              Crosslake: [carol]
            freeze:
              exception-approvers: [release-managers]
            releases:
              - version: v17.2.0
                pi-kickoff: 2027-01-18
                release-date: 2027-01-25
                timezone: UTC
                repos: [central-ledger, helm]
            """;

    FakeGitHub github;

    @BeforeEach
    void reset() {
        github.reset();
    }

    @Test
    void validateAnswersProblemsWithLineAndColumn() {
        given().body(CONFIG).post("/api/v1/validate").then().statusCode(200).body("valid", equalTo(true));
        JsonPath broken = given().body("reviews:\n  required-approvals: two\nfreeze:\n  colour: blue\n").post("/api/v1/validate")
                .then().statusCode(200).extract().jsonPath();
        assertThat(broken.getBoolean("valid")).isFalse();
        assertThat(broken.getInt("problems[0].line")).isEqualTo(2);
        assertThat(broken.getInt("problems[0].column")).isEqualTo(23);
        assertThat(broken.getString("problems[1].message")).contains("unknown key colour");
        given().queryParam("file", ".github/release-bot.yml").body("freeze:\n  branches: [dev]\n").post("/api/v1/validate")
                .then().statusCode(200).body("problems[0].message", containsString("only reviews may be overridden"));
        given().body("x".repeat(300_000)).post("/api/v1/validate").then().statusCode(413);
    }

    static Map<String, Object> request(String at, String title) {
        return Map.of("config", CONFIG, "at", at, "pullRequest", Map.of("repository", "mojaloop/central-ledger", "base", "main",
                "title", title, "author", "eve", "headSha", "abc123abc123abc123abc123abc123abc123abcd",
                "reviews", java.util.List.of(Map.of("login", "alice", "state", "APPROVED", "commit", "abc123abc123abc123abc123abc123abc123abcd"),
                        Map.of("login", "carol", "state", "APPROVED", "commit", "abc123abc123abc123abc123abc123abc123abcd"))));
    }

    @Test
    void wouldThisPrPassOnTheTwelfth() {
        JsonPath onTheTwelfth = given().contentType("application/json").body(request("2027-01-12T09:00:00Z", "feat: bulk quote expiry"))
                .post("/api/v1/preview").then().statusCode(200).extract().jsonPath();
        assertThat(onTheTwelfth.getString("reviewRules.conclusion")).isEqualTo("success");
        assertThat(onTheTwelfth.getString("reviewRules.title")).isEqualTo("2 of 2 organisations, 2 of 2 approvals");
        assertThat(onTheTwelfth.getString("releaseFreeze.conclusion")).isEqualTo("failure");
        assertThat(onTheTwelfth.getString("releaseFreeze.title")).isEqualTo("Blocked by the bug-fix freeze of v17.2.0 until Mon 25 Jan 2027");
        assertThat(onTheTwelfth.getString("releaseFreeze.text")).contains("/freeze-exception");

        JsonPath inNovember = given().contentType("application/json").body(request("2026-11-01T00:00:00Z", "feat: bulk quote expiry"))
                .post("/api/v1/preview").then().statusCode(200).extract().jsonPath();
        assertThat(inNovember.getString("releaseFreeze.conclusion")).isEqualTo("success");

        given().contentType("application/json").body(Map.of("config", "reviews: [", "pullRequest", Map.of("repository", "a/b", "title", "x")))
                .post("/api/v1/preview").then().statusCode(200).body("validConfig", equalTo(false));
        given().contentType("application/json").body(Map.of("org", "mojaloop", "pullRequest", Map.of("repository", "a/b", "title", "x")))
                .post("/api/v1/preview").then().statusCode(401);
        given().contentType("application/json").body("{\"pullRequest\":{}}").post("/api/v1/preview").then().statusCode(400);
        assertThat(github.writes()).isEmpty();
    }

    @Test
    void aBodyDeclaredTooLargeIsRefusedBeforeItIsSent() throws IOException {
        for (String path : new String[] { "/api/v1/validate", "/api/v1/preview" }) {
            try (RawHttp c = RawHttp.open()) {
                c.head("POST", path, "Content-Type: application/json", "Content-Length: 30000000");
                assertThat(c.status(Duration.ofSeconds(10))).as(path).isEqualTo(413);
            }
        }
    }

    @Test
    void aChunkedBodyIsNotReadPastTheLimit() throws IOException {
        long written = 0;
        try (RawHttp c = RawHttp.open()) {
            c.head("POST", "/api/v1/validate", "Content-Type: application/yaml", "Transfer-Encoding: chunked");
            byte[] data = "# padding\n".repeat(6554).substring(0, 65536).getBytes();
            byte[] chunk;
            byte[] size = "10000\r\n".getBytes();
            chunk = new byte[size.length + data.length + 2];
            System.arraycopy(size, 0, chunk, 0, size.length);
            System.arraycopy(data, 0, chunk, size.length, data.length);
            chunk[chunk.length - 2] = '\r';
            chunk[chunk.length - 1] = '\n';
            try {
                while (written < 30_000_000) {
                    c.write(chunk);
                    written += data.length;
                }
            } catch (IOException expected) {
                // the bot stopped reading and closed the connection
            }
        }
        assertThat(written).as("bytes the bot let a client send past the 256 KiB limit").isLessThan(8_000_000);
        given().body(CONFIG).post("/api/v1/validate").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void previewWithAnOrganisationStaysInsideIt() {
        github.installedOn("pv-org");
        github.orgConfig("pv-org", CONFIG);
        Map<String, Object> elsewhere = Map.of("org", "pv-org", "at", "2026-11-01T00:00:00Z",
                "pullRequest", Map.of("repository", "victim-org/central-ledger", "title", "feat: x", "author", "eve"));
        given().contentType("application/json").header("Authorization", "Bearer " + FakeGitHub.REPORT_TOKEN).body(elsewhere)
                .post("/api/v1/preview").then().statusCode(400).body("error", containsString("pv-org"));
        // nothing was read (and so nothing cached) for the other organisation
        assertThat(github.requests("GET", "/repos/victim-org/")).isEmpty();

        Map<String, Object> inside = Map.of("org", "pv-org", "at", "2026-11-01T00:00:00Z",
                "pullRequest", Map.of("repository", "PV-Org/central-ledger", "title", "feat: x", "author", "eve"));
        given().contentType("application/json").header("Authorization", "Bearer " + FakeGitHub.REPORT_TOKEN).body(inside)
                .post("/api/v1/preview").then().statusCode(200).body("validConfig", equalTo(true))
                .body("releaseFreeze.conclusion", equalTo("success"));
        assertThat(github.writes()).isEmpty();
    }
}
