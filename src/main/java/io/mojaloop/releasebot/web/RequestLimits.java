package io.mojaloop.releasebot.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A small per-client rate limit for the public read-only endpoints (validate, preview): a token bucket per client
 * address, {@code release-bot.api.requests-per-minute} (default 60) with bursts of that size.
 */
@ApplicationScoped
public class RequestLimits {

    @ConfigProperty(name = "release-bot.api.requests-per-minute", defaultValue = "60")
    int perMinute;

    private record Bucket(double tokens, long at) {
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** True when the client may make one more request now. */
    public boolean allow(String client) {
        long now = System.nanoTime();
        boolean[] allowed = { false };
        buckets.compute(client == null ? "?" : client, (k, b) -> {
            double tokens = b == null ? perMinute : Math.min(perMinute, b.tokens() + (now - b.at()) / 60e9 * perMinute);
            if (tokens >= 1) {
                allowed[0] = true;
                tokens -= 1;
            }
            return new Bucket(tokens, now);
        });
        if (buckets.size() > 10_000) {
            buckets.clear();
        }
        return allowed[0];
    }
}
