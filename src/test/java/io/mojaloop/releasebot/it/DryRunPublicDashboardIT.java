package io.mojaloop.releasebot.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Dry-run with the dashboard open to anyone (the default): it says how much would have been written, not what. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = FakeGitHub.class, restrictToAnnotatedClass = true, initArgs = @ResourceArg(name = "dry-run", value = "true"))
class DryRunPublicDashboardIT {

    FakeGitHub github;

    @Test
    void theWritesTextIsNotShownToAnonymousViewers() {
        github.reset();
        github.installedOn("dry");
        github.orgConfig("dry", "reviews:\n  required-approvals: 2\n");
        github.installationRepositories("dry/.github", "dry/central-ledger");
        github.pullRequest("dry/central-ledger", 5, "eve", ReviewRulesIT.SHA, "main", "feat: x");
        Webhooks.send("pull_request", Webhooks.pullRequest("opened", "dry/central-ledger", 5, "eve", ReviewRulesIT.SHA))
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> github.requests("GET", "/repos/dry/central-ledger/commits/").size() >= 1);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() -> given().get("/releases").then().extract().asString()
                .contains("dry/central-ledger#5"));

        String dashboard = given().get("/releases").then().statusCode(200).extract().asString();
        assertThat(dashboard).contains("Dry-run: nothing is written to GitHub").contains("Writes that would have been made: ")
                .doesNotContain("/repos/dry/central-ledger/check-runs")
                .doesNotContain("review-rules: failure (0 of 2 organisations, 0 of 2 approvals)");
        assertThat(github.writes()).isEmpty();
    }
}
