package io.mojaloop.releasebot.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * RELEASE_BOT_DRY_RUN=true: the bot reads and evaluates for real, writes nothing, and shows what it would have written
 * (on a dashboard the deployment declares to be behind authentication; {@link DryRunPublicDashboardIT} for one that is not).
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = FakeGitHub.class, restrictToAnnotatedClass = true, initArgs = @ResourceArg(name = "dry-run", value = "true"))
@TestProfile(DryRunIT.PrivateDashboard.class)
class DryRunIT {

    public static class PrivateDashboard implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("release-bot.dashboard.private", "true");
        }
    }

    FakeGitHub github;

    @Test
    void evaluatesForRealAndWritesNothing() {
        github.reset();
        github.installedOn("dry");
        github.orgConfig("dry", "reviews:\n  required-approvals: 2\n");
        github.pullRequest("dry/central-ledger", 5, "eve", ReviewRulesIT.SHA, "main", "feat: x");
        Webhooks.send("pull_request", Webhooks.pullRequest("opened", "dry/central-ledger", 5, "eve", ReviewRulesIT.SHA))
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> github.requests("GET", "/repos/dry/central-ledger/commits/").size() >= 1);
        // the reads happened (PR, reviews, existing check runs); no write reached GitHub
        assertThat(github.requests("GET", "/repos/dry/central-ledger/pulls/5")).isNotEmpty();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> github.writes().isEmpty());

        String dashboard = given().get("/releases").then().statusCode(200).extract().asString();
        assertThat(dashboard).contains("Dry-run: nothing is written to GitHub")
                .contains("POST <code>/repos/dry/central-ledger/check-runs</code>")
                .contains("review-rules: failure (0 of 2 organisations, 0 of 2 approvals)");
    }
}
