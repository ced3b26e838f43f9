package io.mojaloop.releasebot.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.mojaloop.releasebot.bot.WorkQueue;
import io.quarkiverse.githubapp.GitHubEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Runs before quarkus-github-app's webhook route and answers, without dispatching, what should not be dispatched:
 * <ul>
 * <li>503 with {@code Retry-After} when the work queue is full (GitHub can redeliver; counted, never dropped
 * silently);</li>
 * <li>400 for a body that is not a JSON object;</li>
 * <li>200 "duplicate" for a delivery id already handled or in flight, so a redelivered event does nothing twice
 * (only correctly signed deliveries are remembered; a failed one is forgotten so its redelivery runs).</li>
 * </ul>
 * A new delivery whose {@code X-Hub-Signature-256} it has verified against the webhook secret is acknowledged at
 * once (200) and dispatched afterwards, on a worker thread, to quarkus-github-app's dispatcher: GitHub's wait does
 * not include parsing and dispatching, and deliveries are not serialised per connection as quarkus-github-app's own
 * (ordered, blocking) route does ({@code release-bot.webhook.acknowledge-before-dispatch}, default true). Anything
 * else (no secret configured, a missing or wrong signature, an empty body) goes on to quarkus-github-app's route,
 * which answers 400 to a bad signature in prod mode.
 * <p>
 * It also counts every delivery by event and action.
 */
@ApplicationScoped
public class WebhookInputGuard {

    private static final Logger LOG = Logger.getLogger(WebhookInputGuard.class);

    @ConfigProperty(name = "quarkus.github-app.webhook-url-path", defaultValue = "/")
    String path;

    @ConfigProperty(name = "release-bot.webhook.max-body-size", defaultValue = "26214400")
    long maxBodySize;

    @ConfigProperty(name = "release-bot.webhook.remembered-deliveries", defaultValue = "10000")
    int rememberedDeliveries;

    @ConfigProperty(name = "quarkus.github-app.webhook-secret")
    Optional<String> webhookSecret;

    @ConfigProperty(name = "release-bot.webhook.acknowledge-before-dispatch", defaultValue = "true")
    boolean acknowledgeBeforeDispatch;

    @ConfigProperty(name = "quarkus.github-app.app-name")
    Optional<String> appName;

    @Inject
    WorkQueue work;

    @Inject
    Event<GitHubEvent> dispatcher;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    private Deliveries deliveries;

    void init(@Observes Router router) {
        deliveries = new Deliveries(rememberedDeliveries);
        registry.gauge("release_bot_webhooks_remembered", deliveries, Deliveries::size);
        router.post(path).order(-1000).handler(BodyHandler.create().setBodyLimit(maxBodySize)).handler(this::guard);
    }

    private void guard(RoutingContext ctx) {
        String delivery = ctx.request().getHeader("X-GitHub-Delivery");
        String event = String.valueOf(ctx.request().getHeader("X-GitHub-Event"));
        if (work.full()) {
            refuse(ctx, "busy", 503, "Busy: the release bot's work queue is full; redeliver this webhook later.");
            return;
        }
        Buffer body = ctx.body().buffer();
        String action = "";
        JsonObject json = null;
        if (body != null && body.length() > 0) {
            try {
                Object value = Json.decodeValue(body);
                if (!(value instanceof JsonObject object)) {
                    throw new DecodeException("not a JSON object");
                }
                json = object;
                action = object.getValue("action") instanceof String a ? a : "";
            } catch (DecodeException e) {
                refuse(ctx, "malformed-json", 400, "Malformed JSON: a GitHub webhook body must be a JSON object.");
                return;
            }
        }
        registry.counter("release_bot_events", "event", event, "action", action).increment();
        if (delivery != null && !delivery.isBlank() && signedCorrectly(ctx, body)) {
            switch (deliveries.begin(delivery)) {
                case HANDLED, IN_FLIGHT -> {
                    registry.counter("release_bot_webhooks_duplicate", "event", event).increment();
                    LOG.infof("Webhook delivery %s (%s) seen before: not handled again", delivery, event);
                    ctx.response().setStatusCode(200).putHeader("Content-Type", "text/plain")
                            .end("Duplicate delivery " + delivery + ": already handled.");
                    return;
                }
                case NEW -> {
                    if (acknowledgeBeforeDispatch && json != null && hasSecret()) {
                        acknowledgeThenDispatch(ctx, AcknowledgedDelivery.of(delivery, event,
                                action.isEmpty() ? null : action, appName.orElse(null),
                                body.toString(StandardCharsets.UTF_8), json));
                        return;
                    }
                    ctx.addEndHandler(done -> deliveries.end(delivery,
                            done.succeeded() && ctx.response().getStatusCode() < 300));
                }
            }
        }
        ctx.next();
    }

    /**
     * Answers 200 now, then dispatches on a worker (unordered: deliveries don't wait for each other). A delivery
     * whose dispatch fails is forgotten, so its redelivery runs; the resync heals meanwhile.
     */
    private void acknowledgeThenDispatch(RoutingContext ctx, AcknowledgedDelivery delivery) {
        ctx.response().setStatusCode(200).end();
        long acknowledged = System.nanoTime();
        vertx.executeBlocking(() -> {
            dispatcher.fire(delivery);
            return null;
        }, false).onComplete(done -> {
            deliveries.end(delivery.getDeliveryId(), done.succeeded());
            registry.timer("release_bot_webhook_dispatch", "event", delivery.getEvent(), "outcome",
                    done.succeeded() ? "dispatched" : "failed").record(System.nanoTime() - acknowledged, TimeUnit.NANOSECONDS);
            if (done.failed()) {
                registry.counter("release_bot_webhooks_failed", "event", delivery.getEvent()).increment();
                LOG.errorf(done.cause(), "Webhook delivery %s (%s) acknowledged but its dispatch failed (the resync will heal)",
                        delivery.getDeliveryId(), delivery.getEventAction());
            }
        });
    }

    private boolean hasSecret() {
        return webhookSecret.isPresent() && !webhookSecret.get().isBlank();
    }

    private void refuse(RoutingContext ctx, String reason, int status, String message) {
        registry.counter("release_bot_webhooks_refused", "reason", reason).increment();
        LOG.warnf("Webhook delivery %s refused (%d, %s)", ctx.request().getHeader("X-GitHub-Delivery"), status, reason);
        var response = ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain");
        if (status == 503) {
            response.putHeader("Retry-After", "30");
        }
        response.end(message);
    }

    /** Only a delivery GitHub really sent may claim its id (without a secret, as in tests, every delivery may). */
    private boolean signedCorrectly(RoutingContext ctx, Buffer body) {
        if (!hasSecret()) {
            return true;
        }
        String signature = ctx.request().getHeader("X-Hub-Signature-256");
        if (signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal(body == null ? new byte[0] : body.getBytes());
            byte[] given = HexFormat.of().parseHex(signature.substring("sha256=".length()));
            return MessageDigest.isEqual(expected, given);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
