package io.mojaloop.releasebot.web;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpServerRequest;

/**
 * The client a request counts against in the rate limits: the connection's address, or, when the connection comes
 * from one of {@code release-bot.http.trusted-proxies} (addresses or ranges; none by default), the address that proxy
 * saw ({@link TrustedProxies}). IPv6 clients count by their /64.
 */
@ApplicationScoped
public class ClientAddress {

    @ConfigProperty(name = "release-bot.http.trusted-proxies")
    Optional<List<String>> trustedProxies;

    private volatile TrustedProxies proxies;

    /** A wrong setting stops the start, rather than silently trusting nobody (or everybody). */
    void onStart(@Observes StartupEvent start) {
        proxies();
    }

    private TrustedProxies proxies() {
        TrustedProxies p = proxies;
        if (p == null) {
            p = trustedProxies == null ? TrustedProxies.NONE : TrustedProxies.of(trustedProxies.orElse(List.of()));
            proxies = p;
        }
        return p;
    }

    public String of(HttpServerRequest request) {
        if (request == null || request.remoteAddress() == null) {
            return "?";
        }
        String peer = request.remoteAddress().hostAddress();
        return TrustedProxies.limitKey(proxies().client(peer, request.headers().getAll("X-Forwarded-For")));
    }
}
