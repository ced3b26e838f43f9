package io.mojaloop.releasebot.github.model;

import java.time.Instant;

/** One of the app's webhook deliveries as GitHub lists it ({@code statusCode} 0: no answer at all). */
public record HookDelivery(long id, String guid, Instant deliveredAt, boolean redelivery, int statusCode, String event) {

    public boolean ok() {
        return statusCode >= 200 && statusCode < 300;
    }

    /** Failed in a way another attempt may fix: no answer, a timeout, a rate limit, a server error. */
    public boolean transientFailure() {
        return statusCode == 0 || statusCode == 408 || statusCode == 429 || statusCode >= 500;
    }
}
