package io.mojaloop.releasebot.github;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.mojaloop.releasebot.github.model.HookDelivery;

/**
 * The app's webhook deliveries ({@code GET /app/hook/deliveries}, newest first) and new attempts of one
 * ({@code POST /app/hook/deliveries/{id}/attempts}), through a client authenticated as the app (its JWT).
 */
public class AppDeliveries {

    private static final Logger LOG = Logger.getLogger(AppDeliveries.class);

    private final GitHubApi app;

    public AppDeliveries(GitHubApi app) {
        this.app = app;
    }

    /** The deliveries since {@code since}, newest first, at most {@code maxPages} pages of 100. */
    public List<HookDelivery> since(Instant since, int maxPages) throws IOException {
        List<HookDelivery> deliveries = new ArrayList<>();
        String next = "/app/hook/deliveries?per_page=100";
        for (int pages = 0; next != null; pages++) {
            if (pages >= maxPages) {
                LOG.warnf("More than %d webhook deliveries since %s: only the newest were looked at", maxPages * 100, since);
                break;
            }
            GitHubApi.Page page = app.page(next);
            boolean older = false;
            for (JsonNode item : page.body()) {
                HookDelivery d = delivery(item);
                if (d == null) {
                    continue;
                }
                if (d.deliveredAt().isBefore(since)) {
                    older = true;
                    continue;
                }
                deliveries.add(d);
            }
            next = older ? null : page.next();
        }
        return deliveries;
    }

    /** Asks GitHub for a new attempt of the delivery. */
    public void redeliver(long id) throws IOException {
        app.post("/app/hook/deliveries/" + id + "/attempts", null); // GitHub takes no body here
    }

    static HookDelivery delivery(JsonNode item) {
        try {
            return new HookDelivery(item.path("id").asLong(), item.path("guid").asText(""),
                    Instant.parse(item.path("delivered_at").asText()), item.path("redelivery").asBoolean(false),
                    item.path("status_code").asInt(0), item.path("event").asText(""));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
