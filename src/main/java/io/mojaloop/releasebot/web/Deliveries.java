package io.mojaloop.releasebot.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The webhook deliveries seen recently, by {@code X-GitHub-Delivery}, in bounded memory (the oldest are forgotten
 * first). A delivery is <em>in flight</em> from the moment it is let through until its answer is sent, then
 * <em>handled</em> if the answer was a success; a failed one is forgotten so that GitHub's redelivery (which keeps
 * the delivery id) is handled again.
 */
final class Deliveries {

    enum Seen {
        NEW, IN_FLIGHT, HANDLED
    }

    private final Map<String, Boolean> recent;

    Deliveries(int capacity) {
        this.recent = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Marks the delivery in flight if it is new; says what it was before. */
    synchronized Seen begin(String deliveryId) {
        Boolean handled = recent.get(deliveryId);
        if (handled != null) {
            return handled ? Seen.HANDLED : Seen.IN_FLIGHT;
        }
        recent.put(deliveryId, Boolean.FALSE);
        return Seen.NEW;
    }

    synchronized void end(String deliveryId, boolean success) {
        if (success) {
            recent.replace(deliveryId, Boolean.TRUE);
        } else {
            recent.remove(deliveryId);
        }
    }

    synchronized int size() {
        return recent.size();
    }
}
