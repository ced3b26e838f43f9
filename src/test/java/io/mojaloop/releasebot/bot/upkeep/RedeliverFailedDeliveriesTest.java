package io.mojaloop.releasebot.bot.upkeep;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mojaloop.releasebot.github.AppDeliveries;
import io.mojaloop.releasebot.github.AppJwt;
import io.mojaloop.releasebot.github.GitHubApi;
import io.mojaloop.releasebot.github.LocalGitHub;
import io.mojaloop.releasebot.github.LocalGitHub.Answer;
import io.mojaloop.releasebot.github.model.HookDelivery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redelivery of failed webhook deliveries against a GitHub on loopback that lists deliveries as GitHub does
 * (newest first, 100 a page, {@code Link} with a cursor) and accepts new attempts with 202.
 */
class RedeliverFailedDeliveriesTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final KeyPair KEYS = keys();

    LocalGitHub github;
    /** What GitHub lists, newest first. */
    final List<String> deliveries = new CopyOnWriteArrayList<>();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    RedeliverFailedDeliveries redeliver;

    static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String delivery(long id, String guid, Instant at, boolean redelivery, int status) {
        return """
                {"id":%d,"guid":"%s","delivered_at":"%s","redelivery":%s,"duration":0.2,"status":"%s","status_code":%d,
                 "event":"pull_request","action":"opened","installation_id":1,"repository_id":9}"""
                .formatted(id, guid, at, redelivery, status == 200 ? "OK" : "Invalid HTTP Response: " + status, status);
    }

    @BeforeEach
    void start() throws Exception {
        github = new LocalGitHub();
        github.on("GET", "/app/hook/deliveries", r -> {
            int from = r.uri().contains("cursor=") ? Integer.parseInt(r.uri().replaceAll(".*cursor=(\\d+).*", "$1")) : 0;
            int to = Math.min(deliveries.size(), from + 100);
            Answer page = Answer.json(200, "[" + String.join(",", deliveries.subList(from, to)) + "]");
            return to < deliveries.size()
                    ? page.with("Link", "<" + github.base() + "/app/hook/deliveries?per_page=100&cursor=" + to + ">; rel=\"next\"")
                    : page;
        });
        github.on("POST", "/app/hook/deliveries/", r -> Answer.json(202, "{}"));
        redeliver = instance();
    }

    RedeliverFailedDeliveries instance() {
        RedeliverFailedDeliveries r = new RedeliverFailedDeliveries();
        r.enabled = true;
        r.maxPerRun = 50;
        r.lookback = Duration.ofHours(24);
        r.registry = registry;
        r.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(KEYS.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        r.deliveries = new AppDeliveries(new GitHubApi(0, github.base(), new AppJwt("424242", pem, r.clock), HttpClient.newHttpClient(),
                new ObjectMapper(), GitHubApi.Settings.DEFAULTS, (m, p, s, w) -> {
                }, null));
        return r;
    }

    List<String> redeliveredIds() {
        List<String> ids = new ArrayList<>();
        for (LocalGitHub.Request r : github.requests("POST", "/app/hook/deliveries/")) {
            ids.add(r.path().replaceAll("/app/hook/deliveries/(\\d+)/attempts", "$1"));
        }
        return ids;
    }

    @Test
    void failedDeliveriesAreRedeliveredOnceOldestFirstAsTheApp() throws Exception {
        deliveries.addAll(List.of(
                delivery(9, "g4", NOW.minusSeconds(60), true, 200), // g4's redelivery went through
                delivery(8, "g5", NOW.minusSeconds(120), false, 200), // fine
                delivery(7, "g3", NOW.minusSeconds(180), true, 503), // g3 was redelivered and failed again: left alone
                delivery(6, "g6", NOW.minusSeconds(240), false, 503), // busy: redeliver
                delivery(5, "g4", NOW.minusSeconds(300), false, 502), // redelivered already (9)
                delivery(4, "g3", NOW.minusSeconds(360), false, 0), // redelivered already (7)
                delivery(3, "g2", NOW.minusSeconds(420), false, 400), // a bad request would fail again
                delivery(2, "g1", NOW.minusSeconds(3600), false, 0), // the app was down: redeliver
                delivery(1, "g0", NOW.minus(Duration.ofHours(25)), false, 503))); // before the lookback
        assertThat(redeliver.run()).extracting(HookDelivery::guid).containsExactly("g1", "g6");
        assertThat(redeliveredIds()).containsExactly("2", "6");
        assertThat(registry.counter("release_bot_webhooks_redelivered").count()).isEqualTo(2);
        // as the app: a JWT signed with its key, not an installation token
        for (LocalGitHub.Request r : github.requests)
            assertThat(claims(r.header("Authorization")).path("iss").asText()).isEqualTo("424242");

        // the next run: GitHub does not list the new attempts yet, and they are not asked for again
        assertThat(redeliver.run()).isEmpty();
        // after a restart, GitHub lists them (redelivery: true, same guid): still not asked for again
        deliveries.add(0, delivery(10, "g6", NOW.minusSeconds(5), true, 200));
        deliveries.add(0, delivery(11, "g1", NOW.minusSeconds(4), true, 503));
        assertThat(instance().run()).isEmpty();
        assertThat(redeliveredIds()).containsExactly("2", "6");
    }

    @Test
    void atMostMaxPerRunARunTheRestInTheNextRuns() throws Exception {
        for (int i = 5; i >= 1; i--) {
            deliveries.add(delivery(i, "g" + i, NOW.minusSeconds(600 - 60 * i), false, 503));
        }
        redeliver.maxPerRun = 2;
        assertThat(redeliver.run()).extracting(HookDelivery::guid).containsExactly("g1", "g2");
        assertThat(redeliver.run()).extracting(HookDelivery::guid).containsExactly("g3", "g4");
        assertThat(redeliver.run()).extracting(HookDelivery::guid).containsExactly("g5");
        assertThat(redeliver.run()).isEmpty();
        assertThat(redeliveredIds()).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void pagesAreFollowedOnlyBackToTheLastCheck() throws Exception {
        for (int i = 250; i >= 1; i--) {
            // one failure on the second page; the third page is older than the lookback
            Instant at = i > 50 ? NOW.minusSeconds(300 - i) : NOW.minus(Duration.ofHours(30)).minusSeconds(i);
            deliveries.add(delivery(i, "g" + i, at, false, i == 120 ? 504 : 200));
        }
        assertThat(redeliver.run()).extracting(HookDelivery::guid).containsExactly("g120");
        assertThat(github.requests("GET", "/app/hook/deliveries")).hasSize(3);
        github.requests.clear();
        // the next run stops at the first page: everything older was looked at
        deliveries.add(0, delivery(251, "g251", NOW.minusSeconds(1), false, 200));
        redeliver.run();
        assertThat(github.requests("GET", "/app/hook/deliveries")).hasSize(1);
    }

    @Test
    void nothingIsRedeliveredInDryRun() throws Exception {
        deliveries.add(delivery(1, "g1", NOW.minusSeconds(60), false, 503));
        redeliver.dryRun = true;
        redeliver.scheduled();
        assertThat(redeliver.run()).isEmpty();
        assertThat(github.requests).isEmpty();
    }

    /** The claims of a bearer JWT, after checking its signature with the app's public key. */
    static JsonNode claims(String authorization) throws Exception {
        assertThat(authorization).startsWith("Bearer ");
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        assertThat(parts).hasSize(3);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(KEYS.getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signed with the app's key").isTrue();
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    }
}
