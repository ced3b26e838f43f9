package io.mojaloop.releasebot.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The bot behind an Ingress ({@code release-bot.http.trusted-proxies} names it): each client is limited by its own
 * address, wrong tokens are limited per client, and the dashboard is cheap and discreet for anonymous viewers.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = FakeGitHub.class, restrictToAnnotatedClass = true)
@TestProfile(ClientLimitsIT.BehindAProxy.class)
class ClientLimitsIT {

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("release-bot.http.trusted-proxies", "127.0.0.0/8,::1", "release-bot.api.requests-per-minute", "12",
                    "release-bot.api.failed-tokens-per-minute", "3");
        }
    }

    FakeGitHub github;

    @BeforeEach
    void reset() {
        github.reset();
    }

    /** A request as the proxy forwards it: X-Forwarded-For ends with the address the proxy saw. */
    static RequestSpecification from(String forwardedFor) {
        return given().header("X-Forwarded-For", forwardedFor);
    }

    @Test
    void eachClientBehindTheProxyHasItsOwnBudget() {
        // 12 a minute, refilled continuously (one every 5 s): a client that keeps asking is soon refused. Every other
        // request claims another address at the left of X-Forwarded-For; the proxy appended the one it saw, and that
        // is the one counted: were the claims believed, they would all pass and the loop would run twice as long
        int allowed = 0;
        Response last;
        while ((last = from(allowed % 2 == 0 ? "203.0.113.10" : "198.51.100." + allowed + ", 203.0.113.10")
                .body("reviews: {}\n").post("/api/v1/validate")).statusCode() == 200 && allowed < 60) {
            allowed++;
        }
        assertThat(allowed).as("requests allowed before the first 429").isBetween(12, 20);
        last.then().statusCode(429).header("Retry-After", equalTo("60"));
        // another client behind the same proxy is not affected
        from("203.0.113.11").body("reviews: {}\n").post("/api/v1/validate").then().statusCode(200);
    }

    @Test
    void wrongReportTokensAreLimitedPerClient() {
        // 3 wrong tokens a minute in this profile (10 by default), refilled one every 20 s
        String report = "{\"name\":\"GP Tests\"}";
        int wrong = 0;
        Response last;
        while ((last = ttk(from("203.0.113.20"), "wrong-" + wrong, report)).statusCode() == 403 && wrong < 20) {
            wrong++;
        }
        assertThat(wrong).as("wrong tokens answered 403 before the first 429").isBetween(3, 4);
        last.then().statusCode(429).header("Retry-After", equalTo("60"));
        // while it is limited, no guess is checked, not even a right one
        ttk(from("203.0.113.20"), FakeGitHub.REPORT_TOKEN, report).then().statusCode(429);
        // another client's right token still works (the report is judged: not a report)
        ttk(from("203.0.113.21"), FakeGitHub.REPORT_TOKEN, "{\"pad\":1}").then().statusCode(400);

        Map<String, Object> preview = Map.of("org", "mojaloop", "pullRequest", Map.of("repository", "mojaloop/x", "title", "x"));
        wrong = 0;
        while ((last = from("203.0.113.22").header("Authorization", "Bearer wrong-" + wrong).contentType("application/json")
                .body(preview).post("/api/v1/preview")).statusCode() == 401 && wrong < 20) {
            wrong++;
        }
        assertThat(wrong).as("wrong tokens answered 401 before the first 429").isBetween(3, 4);
        last.then().statusCode(429);
        assertThat(github.writes()).isEmpty();
    }

    static Response ttk(RequestSpecification request, String token, String body) {
        return request.header("Authorization", "Bearer " + token).contentType("application/json").body(body)
                .post("/api/v1/releases/v99.0.0/ttk-reports");
    }

    @Test
    void theDashboardIsCheapAndShowsAnonymousViewersNoPrivateRepository() throws Exception {
        String org = "dash-org";
        github.installedOn(org);
        github.orgConfig(org, "reviews:\n  required-approvals: 2\n");
        // the installation lists the .github repository and one public service; hidden-service is not listed as public
        github.installationRepositories(org + "/.github", org + "/open-service");
        github.pullRequest(org + "/open-service", 1, "eve", ReviewRulesIT.SHA, "main", "feat: open");
        github.pullRequest(org + "/hidden-service", 2, "eve", ReviewRulesIT.SHA, "main", "feat: hidden");
        Webhooks.send("pull_request", Webhooks.pullRequest("opened", org + "/open-service", 1, "eve", ReviewRulesIT.SHA))
                .then().statusCode(200);
        Webhooks.send("pull_request", Webhooks.pullRequest("opened", org + "/hidden-service", 2, "eve", ReviewRulesIT.SHA))
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "failure".equals(github.conclusion(org + "/open-service", ReviewRulesIT.SHA, "review-rules"))
                && "failure".equals(github.conclusion(org + "/hidden-service", ReviewRulesIT.SHA, "review-rules")));

        Response first = from("203.0.113.30").get("/releases");
        first.then().statusCode(200);
        String page = first.asString();
        assertThat(page).contains(org + "/open-service#1").doesNotContain("hidden-service")
                .contains("not shown");

        // what a page may load and who may frame it
        String csp = first.getHeader("Content-Security-Policy");
        assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'").contains("script-src 'none'");
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page);
        assertThat(style.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(csp).contains("style-src 'sha256-" + hash + "'");
        assertThat(first.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(first.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

        // many views, few GitHub calls: what the page reads is kept for a while (the resync, 15 s after the start,
        // may list the installations once meanwhile)
        github.clearRequests();
        for (int i = 0; i < 40; i++) {
            from("203.0.113.31").get("/releases").then().statusCode(200).body(containsString(org + "/open-service#1"));
        }
        assertThat(github.requests("GET", "/app/installations").size() + github.requests("GET", "/installation/repositories").size()
                + github.requests("GET", "/repos/" + org + "/.github/").size())
                .as("GitHub reads of what the page shows, for 40 views").isLessThanOrEqualTo(3);

        // and one client cannot make it render without end: 60 a minute (refilled one a second)
        int views = 40;
        Response view;
        while ((view = from("203.0.113.31").get("/releases")).statusCode() == 200 && views < 400) {
            views++;
        }
        assertThat(views).as("views before the first 429").isBetween(60, 399);
        view.then().statusCode(429).header("Retry-After", equalTo("60"));
        from("203.0.113.32").get("/releases").then().statusCode(200);
    }
}
