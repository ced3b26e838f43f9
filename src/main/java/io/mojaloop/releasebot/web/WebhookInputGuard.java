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

/**
 * Runs before quarkus-github-app's webhook route and answers, without dispatching, what should not be dispatched.
 * In this order, so that nobody without the webhook secret can make the bot keep anything:
 * <ol>
 * <li>503 with {@code Retry-After} when the work queue is full (GitHub can redeliver; counted, never dropped
 * silently), before the body is read;</li>
 * <li>the body is read by {@link BoundedBody}, never to a file: 413 when it is declared or turns out larger than
 * {@code release-bot.webhook.max-body-size} (25 MiB, GitHub's own cap), 503 when
 * {@code release-bot.webhook.max-bodies-in-flight} bodies or {@code release-bot.webhook.max-buffered-bytes} bytes are
 * already being read; the signature is computed while it arrives;</li>
 * <li>400 when a webhook secret is configured and {@code X-Hub-Signature-256} is missing or wrong: nothing of the
 * request is parsed, counted by name or remembered;</li>
 * <li>400 for a signed body that is not a JSON object;</li>
 * <li>200 "duplicate" for a delivery id already handled or in flight, so a redelivered event does nothing twice (a
 * failed one is forgotten so its redelivery runs).</li>
 * </ol>
 * A new signed delivery is acknowledged at once (200) and dispatched afterwards, on a worker thread, to
 * quarkus-github-app's dispatcher: GitHub's wait does not include parsing and dispatching, and deliveries are not
 * serialised per connection as quarkus-github-app's own (ordered, blocking) route does
 * ({@code release-bot.webhook.acknowledge-before-dispatch}, default true). Anything else (no secret configured, no
 * delivery id, an empty body) goes on to quarkus-github-app's route with the body already read.
 * <p>
 * Signed deliveries are counted by event and action, with names from a fixed list ({@link WebhookEvents}).
 */
@ApplicationScoped
public class WebhookInputGuard {

    private static final Logger LOG = Logger.getLogger(WebhookInputGuard.class);

    @ConfigProperty(name = "quarkus.github-app.webhook-url-path", defaultValue = "/")
    String path;

    @ConfigProperty(name = "release-bot.webhook.max-body-size", defaultValue = "26214400")
    long maxBodySize;

    @ConfigProperty(name = "release-bot.webhook.max-bodies-in-flight", defaultValue = "256")
    int maxBodiesInFlight;

    @ConfigProperty(name = "release-bot.webhook.max-buffered-bytes", defaultValue = "67108864")
    long maxBufferedBytes;

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
    private BoundedBody.Budget reading;

    void init(@Observes Router router) {
        deliveries = new Deliveries(rememberedDeliveries);
        reading = new BoundedBody.Budget(maxBodiesInFlight, Math.max(maxBufferedBytes, maxBodySize));
        registry.gauge("release_bot_webhooks_remembered", deliveries, Deliveries::size);
        registry.gauge("release_bot_webhook_bodies_reading", reading, BoundedBody.Budget::bodies);
        router.post(path).order(-1000).handler(this::guard);
    }

    private void guard(RoutingContext ctx) {
        if (work.full()) {
            refuse(ctx, "busy", 503, "Busy: the release bot's work queue is full; redeliver this webhook later.");
            return;
        }
        Mac mac = hasSecret() ? mac() : null;
        BoundedBody.read(ctx, maxBodySize, reading, new BoundedBody.Reader() {
            @Override
            public void chunk(Buffer chunk) {
                if (mac != null) {
                    mac.update(chunk.getBytes());
                }
            }

            @Override
            public void body(Buffer body) {
                received(ctx, body, mac == null ? null : mac.doFinal());
            }

            @Override
            public void tooLarge() {
                refuse(ctx, "too-large", 413, "Too large: a webhook body is at most " + maxBodySize + " bytes.");
            }

            @Override
            public void busy() {
                refuse(ctx, "reading", 503, "Busy: too many webhook bodies are being received at once; redeliver this webhook later.");
            }
        });
    }

    /** The whole body is in; {@code digest} is its HMAC with the webhook secret (null without a secret). */
    private void received(RoutingContext ctx, Buffer body, byte[] digest) {
        if (digest != null && !signatureMatches(digest, ctx.request().getHeader("X-Hub-Signature-256"))) {
            LOG.debugf("Webhook request without a valid signature refused (400)");
            refuse(ctx, "signature", 400, "Invalid signature: X-Hub-Signature-256 must be the body's HMAC-SHA256 with the webhook secret.");
            return;
        }
        BoundedBody.setOn(ctx, body);
        String delivery = ctx.request().getHeader("X-GitHub-Delivery");
        String event = String.valueOf(ctx.request().getHeader("X-GitHub-Event"));
        String action = "";
        JsonObject json = null;
        if (body.length() > 0) {
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
        String counted = WebhookEvents.event(event);
        registry.counter("release_bot_events", "event", counted, "action", WebhookEvents.action(action)).increment();
        if (delivery != null && !delivery.isBlank()) {
            switch (deliveries.begin(delivery)) {
                case HANDLED, IN_FLIGHT -> {
                    registry.counter("release_bot_webhooks_duplicate", "event", counted).increment();
                    LOG.infof("Webhook delivery %s (%s) seen before: not handled again", delivery, counted);
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
            registry.timer("release_bot_webhook_dispatch", "event", WebhookEvents.event(delivery.getEvent()), "outcome",
                    done.succeeded() ? "dispatched" : "failed").record(System.nanoTime() - acknowledged, TimeUnit.NANOSECONDS);
            if (done.failed()) {
                registry.counter("release_bot_webhooks_failed", "event", WebhookEvents.event(delivery.getEvent())).increment();
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
        if (status != 400) {
            LOG.warnf("Webhook request refused (%d, %s)", status, reason);
        }
        var response = ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain");
        if (status == 503) {
            response.putHeader("Retry-After", "30");
        }
        BoundedBody.answer(ctx, response, message);
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Only a delivery GitHub really sent gets further (without a secret, as in dev mode, every delivery does). */
    private static boolean signatureMatches(byte[] expected, String signature) {
        if (signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        try {
            byte[] given = HexFormat.of().parseHex(signature.substring("sha256=".length()));
            return MessageDigest.isEqual(expected, given);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
