package io.mojaloop.releasebot.it;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Answer;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Decision;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Exchange;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Interceptor;

/**
 * GitHub having a bad day, for the fault run: a share of the bot's REST calls ({@code rate}, e.g. 0.2) fail before
 * GitHub does anything, in turn as a 502, as a timeout (an answer slower than the bot's read timeout) and as a 403
 * secondary rate limit with {@code Retry-After: 1}. Faults are transient, as GitHub's are: the same request
 * (method, URL and body) fails at most {@code maxConsecutive} times in a row. The app-authentication endpoints
 * ({@code /app/...}, used through hub4j) are left alone. An interceptor of the simulated GitHub.
 */
public class FaultInjector implements Interceptor {

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
    public Decision decide(Exchange request) {
        if (rate <= 0 || request.appEndpoint()) {
            return Decision.proceed();
        }
        seen.incrementAndGet();
        String key = request.method() + " " + request.pathAndQuery() + " " + request.body().hashCode();
        Kind kind;
        synchronized (this) {
            int failedInARow = consecutive.getOrDefault(key, 0);
            if (failedInARow >= maxConsecutive || random.nextDouble() >= rate) {
                consecutive.remove(key);
                return Decision.proceed();
            }
            consecutive.put(key, failedInARow + 1);
            kind = Kind.values()[random.nextInt(Kind.values().length)];
        }
        injected.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        return switch (kind) {
            case BAD_GATEWAY -> Decision.answer(Answer.error(502, "Server Error", null));
            case TIMEOUT -> Decision.answerAfter(timeoutMillis, Answer.error(502, "too late", null));
            case RATE_LIMITED -> Decision.answer(Answer.secondaryRateLimit(1));
        };
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
