package io.mojaloop.releasebot.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Runs before quarkus-github-app's webhook route: a body that is not a JSON object gets a 400 that says so, instead
 * of an error deep in event dispatching. (Signatures are still checked by quarkus-github-app, which answers 400 to a
 * missing or wrong {@code X-Hub-Signature-256} in prod mode.)
 */
@ApplicationScoped
public class WebhookInputGuard {

    private static final Logger LOG = Logger.getLogger(WebhookInputGuard.class);

    @ConfigProperty(name = "quarkus.github-app.webhook-url-path", defaultValue = "/")
    String path;

    @ConfigProperty(name = "release-bot.webhook.max-body-size", defaultValue = "26214400")
    long maxBodySize;

    @jakarta.inject.Inject
    io.mojaloop.releasebot.github.WorkQueue work;

    void init(@Observes Router router, MeterRegistry registry) {
        router.post(path).order(-1000).handler(BodyHandler.create().setBodyLimit(maxBodySize)).handler(ctx -> {
            if (work.full()) {
                registry.counter("release_bot_webhooks_refused", "reason", "busy").increment();
                LOG.warnf("Webhook delivery %s refused: the work queue is full (GitHub can redeliver it)",
                        ctx.request().getHeader("X-GitHub-Delivery"));
                ctx.response().setStatusCode(503).putHeader("Retry-After", "30").putHeader("Content-Type", "text/plain")
                        .end("Busy: the release bot's work queue is full; redeliver this webhook later.");
                return;
            }
            var body = ctx.body().buffer();
            if (body != null && body.length() > 0) {
                try {
                    Object value = Json.decodeValue(body);
                    if (!(value instanceof io.vertx.core.json.JsonObject)) {
                        throw new DecodeException("not a JSON object");
                    }
                } catch (DecodeException e) {
                    registry.counter("release_bot_webhooks_refused", "reason", "malformed-json").increment();
                    LOG.warnf("Webhook delivery %s refused: body is not a JSON object",
                            ctx.request().getHeader("X-GitHub-Delivery"));
                    ctx.response().setStatusCode(400).putHeader("Content-Type", "text/plain")
                            .end("Malformed JSON: a GitHub webhook body must be a JSON object.");
                    return;
                }
            }
            ctx.next();
        });
    }
}
