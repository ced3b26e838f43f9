package io.mojaloop.releasebot.it;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * GitHub's secondary rate limit on content-creating requests, scaled for tests: more than {@code limit} writes
 * (POST, PATCH, PUT, DELETE outside the app-token endpoints) within any {@code windowMillis} get a 403 "secondary
 * rate limit" with {@code Retry-After}, as GitHub answers. Off when the limit is 0.
 */
public class WriteLimiter implements StubRequestFilterV2 {

    private final Deque<Long> recent = new ArrayDeque<>();
    final AtomicInteger refused = new AtomicInteger();
    volatile int limit;
    volatile long windowMillis = 1000;

    @Override
    public String getName() {
        return "write-limiter";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        if (limit <= 0 || request.getMethod().equals(RequestMethod.GET) || request.getUrl().startsWith("/app/")) {
            return RequestFilterAction.continueWith(request);
        }
        long now = System.currentTimeMillis();
        synchronized (recent) {
            while (!recent.isEmpty() && recent.peekFirst() <= now - windowMillis) {
                recent.pollFirst();
            }
            if (recent.size() >= limit) {
                refused.incrementAndGet();
                return RequestFilterAction.stopWith(ResponseDefinitionBuilder.responseDefinition().withStatus(403)
                        .withHeader("Content-Type", "application/json").withHeader("Retry-After", "1")
                        .withBody("{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}")
                        .build());
            }
            recent.addLast(now);
        }
        return RequestFilterAction.continueWith(request);
    }

    synchronized void reset() {
        synchronized (recent) {
            recent.clear();
        }
        refused.set(0);
        limit = 0;
    }
}
