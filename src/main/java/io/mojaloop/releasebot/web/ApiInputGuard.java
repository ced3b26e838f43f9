package io.mojaloop.releasebot.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * In front of {@code POST /api/v1/validate} and {@code POST /api/v1/preview}, before the REST layer reads anything:
 * the client's rate limit ({@link RequestLimits}, 429 with {@code Retry-After}), then the body, read by
 * {@link BoundedBody} within {@code release-bot.api.max-bytes} (256 KiB): 413 up front for a larger
 * {@code Content-Length}, 413 and the connection closed the moment a chunked body passes it. At most
 * {@value #BODIES} bodies are read at once (503 beyond). The endpoints then use the body read here.
 */
@ApplicationScoped
public class ApiInputGuard {

    static final int BODIES = 64;

    @ConfigProperty(name = "release-bot.api.max-bytes", defaultValue = "262144")
    int maxBytes;

    @Inject
    RequestLimits limits;
    @Inject
    ClientAddress clients;

    private BoundedBody.Budget reading;

    void init(@Observes Router router) {
        reading = new BoundedBody.Budget(BODIES, (long) BODIES * maxBytes);
        router.postWithRegex("/api/v1/(validate|preview)/?").order(-1000).handler(this::guard);
    }

    private void guard(RoutingContext ctx) {
        if (!limits.allow(clients.of(ctx.request()))) {
            ctx.response().putHeader("Retry-After", "60");
            refuse(ctx, 429, "Too many requests: at most " + limits.perMinute + " a minute.");
            return;
        }
        BoundedBody.read(ctx, maxBytes, reading, new BoundedBody.Reader() {
            @Override
            public void body(Buffer body) {
                BoundedBody.setOn(ctx, body);
                ctx.next();
            }

            @Override
            public void tooLarge() {
                refuse(ctx, 413, "The body is larger than " + maxBytes + " bytes.");
            }

            @Override
            public void busy() {
                ctx.response().putHeader("Retry-After", "5");
                refuse(ctx, 503, "Busy: too many requests are being received at once; try again in a few seconds.");
            }
        });
    }

    private static void refuse(RoutingContext ctx, int status, String message) {
        var response = ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json");
        BoundedBody.answer(ctx, response, new JsonObject().put("error", message).encode());
    }
}
