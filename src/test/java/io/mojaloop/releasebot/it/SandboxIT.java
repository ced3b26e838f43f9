package io.mojaloop.releasebot.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * What the README's sandbox command shows, checked: the packaged app in the {@code sandbox} profile plays its
 * script against the simulated GitHub, and the outcome is the one the README promises.
 */
@QuarkusIntegrationTest
@TestProfile(SandboxIT.SandboxProfile.class)
class SandboxIT {

    public static class SandboxProfile implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "sandbox";
        }

        /** What the sandbox profile sets, stated again so no other test's fake GitHub settings can leak in. */
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.github-app.instance-endpoint", "http://127.0.0.1:8089",
                    "quarkus.github-app.webhook-secret", "sandbox-webhook-secret",
                    "quarkus.github-app.app-id", "4242");
        }
    }

    @Test
    void theScriptShowsFailingThenPassingReviewsAFreezeAndExceptions() {
        JsonPath state = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().get("/sandbox/state").then().statusCode(200).extract().jsonPath(),
                        s -> s.getBoolean("finished"));
        List<Map<String, Object>> steps = state.getList("steps");
        assertThat(steps).hasSize(15);
        assertThat(outcome(state, 3)).contains("review-rules: failure - 1 of 2 organisations, 2 of 2 approvals");
        assertThat(outcome(state, 4)).contains("review-rules: success - 2 of 2 organisations, 3 approvals, 2 needed");
        assertThat(outcome(state, 1)).anyMatch(l -> l.startsWith("release-freeze: success - Allowed"));
        assertThat(outcome(state, 5)).anyMatch(l -> l.startsWith("release-freeze: failure - Blocked by the feature freeze of v17.2.0"));
        assertThat(outcome(state, 6)).anyMatch(l -> l.startsWith("release-freeze: failure"))
                .anyMatch(l -> l.startsWith("bot replied:") && l.contains("release-managers"));
        assertThat(outcome(state, 7)).anyMatch(l -> l.startsWith("release-freeze: success - Freeze exception granted by henry"))
                .contains("labels: freeze-exception");
        assertThat(outcome(state, 8)).anyMatch(l -> l.startsWith("review-rules: failure - 1 of 2 organisations, 1 of 2 approvals"));
        assertThat(outcome(state, 9)).anyMatch(l -> l.startsWith("review-rules: success - Review exception granted by grace"))
                .contains("labels: review-exception");

        // the release story, from its calendar to READY
        assertThat(outcome(state, 10)).contains("story: Release v17.2.0: BLOCKED")
                .anyMatch(l -> l.contains("BLOCKED** by **No critical, high or medium priority bugs open**"));
        assertThat(outcome(state, 11)).contains("labels: release-candidate, rc: v17.2.0-rc.1");
        assertThat(outcome(state, 14)).contains("story: Release v17.2.0: BLOCKED");
        assertThat(outcome(state, 15)).contains("story: Release v17.2.0: READY", "story: **READY**: every gate has passed.");
        String story = state.getString("github.issues.find { it.number == 4300 }.body");
        assertThat(story).startsWith("# Release v17.2.0").contains("- [ ] Community call announcement")
                .contains("[v17.2.0-rc.1](https://github.example/mojaloop/helm/releases/tag/v17.2.0-rc.1)")
                .contains("| freeze | henry | Agreed at the PI planning");

        // the dashboard draws the calendar and shows the gates the story holds
        String dashboard = given().get("/releases").then().statusCode(200).extract().asString();
        assertThat(dashboard).contains("<svg class=\"timeline\"").contains("<rect class=\"feature\"")
                .contains("<rect class=\"bugfix\"").contains("class=\"today\"").contains("verdict READY")
                .contains("<td>TTK Golden Path on dev</td><td>✅ passed</td>")
                .contains("<code>review-rules</code>");

        // the release's contents: two umbrella versions, the components between them, the audit of their merged PRs
        assertThat(story).contains("### Contents")
                .contains("5 of 8 components changed since [v17.1.0](https://github.example/mojaloop/helm/releases/tag/v17.1.0), "
                        + "read at the candidate tag [v17.2.0-rc.1](https://github.example/mojaloop/helm/releases/tag/v17.2.0-rc.1)")
                .contains("| central-ledger | v19.3.0 | v19.7.4 | minor | 1 | 1 | **1** ⚠️ |")
                .contains("[v17.2.0 notes](http://localhost:8080/api/v1/releases/v17.2.0/notes)")
                .contains("### Audit").contains("| henry | Merged without meeting the review rule (`review-rules` was `failure`")
                .contains("⚠️ **Passed only by a review exception**")
                .contains("Merged during a freeze (feature freeze) without a freeze exception");
        String notes = given().get("/api/v1/releases/v17.2.0/notes").then().statusCode(200).extract().asString();
        assertThat(notes).contains("## 1. New Features").contains("timeout handler distributed lock");

        String page = given().get("/sandbox").then().statusCode(200).extract().asString();
        assertThat(page).contains("central-ledger#101").contains("Blocked by the feature freeze");
        // rendered as GitHub would: the story's sections are HTML tables, people's text stays text
        assertThat(page).contains("<h3>Contents</h3>").contains("<th>Component</th>")
                .contains("<td>central-ledger</td>\n<td>v19.3.0</td>\n<td>v19.7.4</td>\n<td>minor</td>")
                .contains("<h3>Audit</h3>").contains("<th>Pull request</th>")
                .doesNotContain("<pre># Release v17.2.0").doesNotContain("release-bot:start");
    }

    @Test
    void thePagesForPeopleCannotBeFramedOrRunScripts() {
        for (String path : new String[] { "/sandbox", "/releases" }) {
            io.restassured.response.Response page = given().get(path);
            page.then().statusCode(200);
            assertThat(page.getHeader("Content-Security-Policy")).as(path).contains("default-src 'none'")
                    .contains("script-src 'none'").contains("frame-ancestors 'none'").contains("style-src 'sha256-");
            assertThat(page.getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(page.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> outcome(JsonPath state, int step) {
        return (List<String>) state.getList("steps", Map.class).get(step - 1).get("outcome");
    }
}
