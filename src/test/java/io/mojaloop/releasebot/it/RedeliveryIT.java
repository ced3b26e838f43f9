package io.mojaloop.releasebot.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged app asks GitHub to redeliver the webhook deliveries that failed (here every 2 s): once each, as the
 * app (a JWT signed with its private key, not an installation token).
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = FakeGitHub.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "redelivery", value = "true"), @ResourceArg(name = "redelivery-initial-delay", value = "1s"),
        @ResourceArg(name = "redelivery-every", value = "2s") })
class RedeliveryIT {

    FakeGitHub github;

    static String delivery(long id, String guid, Instant at, boolean redelivery, int status) {
        return """
                {"id":%d,"guid":"%s","delivered_at":"%s","redelivery":%s,"status":"%s","status_code":%d,
                 "event":"pull_request","action":"opened","installation_id":1}"""
                .formatted(id, guid, at, redelivery, status == 200 ? "OK" : "failed", status);
    }

    @Test
    void failedDeliveriesAreRedeliveredOnceByTheApp() throws Exception {
        Instant now = Instant.now();
        github.webhookDeliveries(
                delivery(80, "g-79", now.minusSeconds(30), true, 200), // 79 was redelivered already
                delivery(79, "g-79", now.minusSeconds(60), false, 0),
                delivery(78, "g-78", now.minusSeconds(90), false, 200),
                delivery(77, "g-77", now.minusSeconds(120), false, 503)); // refused while the queue was full
        await().atMost(Duration.ofSeconds(30)).until(() -> !github.requests("POST", "/app/hook/deliveries/").isEmpty());
        // two more runs: nothing asked for twice, nothing else asked for
        Thread.sleep(4500);
        var attempts = github.requests("POST", "/app/hook/deliveries/");
        assertThat(attempts).extracting(r -> r.pathAndQuery()).containsExactly("/app/hook/deliveries/77/attempts");
        JsonNode claims = verifiedClaims(attempts.get(0).header("Authorization"));
        assertThat(claims.path("iss").asText()).isEqualTo(String.valueOf(FakeGitHub.APP_ID));
        assertThat(github.requests("GET", "/app/hook/deliveries")).allSatisfy(r -> assertThat(r.header("Authorization"))
                .isNotEqualTo("Bearer ghs_fake_installation_token"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("release_bot_webhooks_redelivered_total 1.0");
    }

    /** The claims of the app's JWT, after checking its RS256 signature with the app's public key. */
    static JsonNode verifiedClaims(String authorization) throws Exception {
        assertThat(authorization).startsWith("Bearer ");
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        assertThat(parts).hasSize(3);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(FakeGitHub.APP_KEYS.getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signed with the app's private key").isTrue();
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    }
}
