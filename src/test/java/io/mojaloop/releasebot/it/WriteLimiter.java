package io.mojaloop.releasebot.it;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Answer;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Decision;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Exchange;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Interceptor;

/**
 * GitHub's secondary rate limit on content-creating requests, scaled for tests: more than {@code limit} writes
 * (POST, PATCH, PUT, DELETE outside the app-token endpoints) within any {@code windowMillis} get a 403 "secondary
 * rate limit" with {@code Retry-After}, as GitHub answers. Off when the limit is 0. An interceptor of the simulated
 * GitHub.
 */
public class WriteLimiter implements Interceptor {

    private final Deque<Long> recent = new ArrayDeque<>();
    final AtomicInteger refused = new AtomicInteger();
    volatile int limit;
    volatile long windowMillis = 1000;

    @Override
    public Decision decide(Exchange request) {
        if (limit <= 0 || !request.write() || request.appEndpoint()) {
            return Decision.proceed();
        }
        long now = System.currentTimeMillis();
        synchronized (recent) {
            while (!recent.isEmpty() && recent.peekFirst() <= now - windowMillis) {
                recent.pollFirst();
            }
            if (recent.size() >= limit) {
                refused.incrementAndGet();
                return Decision.answer(Answer.secondaryRateLimit(1));
            }
            recent.addLast(now);
        }
        return Decision.proceed();
    }

    void reset() {
        synchronized (recent) {
            recent.clear();
        }
        refused.set(0);
        limit = 0;
        windowMillis = 1000;
    }
}
