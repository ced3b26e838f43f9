package io.mojaloop.releasebot.it;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * GitHub having a bad day, for the fault run: a share of the bot's REST calls ({@code rate}, e.g. 0.2) fail before
 * GitHub does anything, in turn as a 502, as a timeout (an answer slower than the bot's read timeout) and as a 403
 * secondary rate limit with {@code Retry-After: 1}. Faults are transient, as GitHub's are: the same request
 * (method, URL and body) fails at most {@code maxConsecutive} times in a row. The app-authentication endpoints
 * ({@code /app/...}, used through hub4j) are left alone.
 */
public class FaultInjector implements StubRequestFilterV2 {

    public enum Kind {
        BAD_GATEWAY, TIMEOUT, RATE_LIMITED
    }

    volatile double rate;
    volatile int timeoutMillis = 2500;
    volatile int maxConsecutive = 2;
    private Random random = new Random(42);
    private final Map<String, Integer> consecutive = new ConcurrentHashMap<>();
    private final Map<Kind, AtomicInteger> injected = new ConcurrentHashMap<>();
    private final AtomicInteger seen = new AtomicInteger();

    @Override
    public String getName() {
        return "fault-injector";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        if (rate <= 0 || request.getUrl().startsWith("/app") || request.getUrl().startsWith("/__admin")) {
            return RequestFilterAction.continueWith(request);
        }
        seen.incrementAndGet();
        String key = request.getMethod() + " " + request.getUrl() + " " + request.getBodyAsString().hashCode();
        Kind kind;
        synchronized (this) {
            int failedInARow = consecutive.getOrDefault(key, 0);
            if (failedInARow >= maxConsecutive || random.nextDouble() >= rate) {
                consecutive.remove(key);
                return RequestFilterAction.continueWith(request);
            }
            consecutive.put(key, failedInARow + 1);
            kind = Kind.values()[random.nextInt(Kind.values().length)];
        }
        injected.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
                .withHeader("Content-Type", "application/json");
        return RequestFilterAction.stopWith(switch (kind) {
            case BAD_GATEWAY -> response.withStatus(502).withBody("{\"message\":\"Server Error\"}").build();
            case TIMEOUT -> response.withStatus(502).withFixedDelay(timeoutMillis).withBody("{\"message\":\"too late\"}").build();
            case RATE_LIMITED -> response.withStatus(403).withHeader("Retry-After", "1")
                    .withBody("{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}")
                    .build();
        });
    }

    /** Starts failing {@code rate} of the calls (0 stops), with a fixed seed so runs are comparable. */
    public synchronized void fail(double rate, long seed) {
        this.random = new Random(seed);
        this.rate = rate;
        consecutive.clear();
        injected.clear();
        seen.set(0);
    }

    public int injected(Kind kind) {
        AtomicInteger n = injected.get(kind);
        return n == null ? 0 : n.get();
    }

    public int injected() {
        return injected.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Calls that went through the injector since {@link #fail}: the denominator of the fault rate. */
    public int seen() {
        return seen.get();
    }
}
