package io.mojaloop.releasebot.web;

import java.util.Iterator;
import java.util.LinkedHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-client token buckets ({@link ClientAddress} says who the client is):
 * <ul>
 * <li>the public read-only endpoints (validate, preview): {@code release-bot.api.requests-per-minute} (60);</li>
 * <li>the dashboard: {@code release-bot.dashboard.requests-per-minute} (60);</li>
 * <li>wrong bearer tokens (TTK reports, preview with {@code org}): {@code release-bot.api.failed-tokens-per-minute}
 * (10); once they are used up, no token from that client is checked until the bucket refills.</li>
 * </ul>
 * Each bucket holds a minute's worth and refills continuously. At most {@value #MAX_CLIENTS} clients are tracked per
 * limit; beyond that the one seen longest ago is forgotten (its bucket had refilled anyway, unless ten thousand other
 * clients came within the minute).
 */
@ApplicationScoped
public class RequestLimits {

    static final int MAX_CLIENTS = 10_000;

    @ConfigProperty(name = "release-bot.api.requests-per-minute", defaultValue = "60")
    int perMinute;

    @ConfigProperty(name = "release-bot.dashboard.requests-per-minute", defaultValue = "60")
    int dashboardPerMinute = 60;

    @ConfigProperty(name = "release-bot.api.failed-tokens-per-minute", defaultValue = "10")
    int failedTokensPerMinute = 10;

    int maxClients = MAX_CLIENTS;

    private final Buckets api = new Buckets();
    private final Buckets dashboard = new Buckets();
    private final Buckets wrongTokens = new Buckets();

    /** True when the client may make one more request to validate or preview now. */
    public boolean allow(String client) {
        return api.take(client, perMinute, maxClients, System.nanoTime());
    }

    /** True when the client may load the dashboard once more now. */
    public boolean allowDashboard(String client) {
        return dashboard.take(client, dashboardPerMinute, maxClients, System.nanoTime());
    }

    /** False once the client has used up its wrong tokens: refuse (429) before looking at the token it sends. */
    public boolean mayTryToken(String client) {
        return wrongTokens.available(client, failedTokensPerMinute, System.nanoTime()) >= 1;
    }

    /** The client sent a wrong token. */
    public void wrongToken(String client) {
        wrongTokens.take(client, failedTokensPerMinute, maxClients, System.nanoTime());
    }

    /** Token buckets by client, the least recently seen forgotten first. */
    static final class Buckets {

        private record Bucket(double tokens, long at) {
            double now(int perMinute, long now) {
                return Math.min(perMinute, tokens + (now - at) / 60e9 * perMinute);
            }
        }

        private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true);

        synchronized boolean take(String client, int perMinute, int max, long now) {
            String key = client == null ? "?" : client;
            Bucket b = buckets.get(key);
            double tokens = b == null ? perMinute : b.now(perMinute, now);
            boolean allowed = tokens >= 1;
            buckets.put(key, new Bucket(allowed ? tokens - 1 : tokens, now));
            Iterator<String> oldest = buckets.keySet().iterator();
            while (buckets.size() > max && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
            return allowed;
        }

        synchronized double available(String client, int perMinute, long now) {
            Bucket b = buckets.get(client == null ? "?" : client);
            return b == null ? perMinute : b.now(perMinute, now);
        }

        synchronized int size() {
            return buckets.size();
        }
    }
}
