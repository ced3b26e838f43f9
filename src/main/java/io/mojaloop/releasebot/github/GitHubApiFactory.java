package io.mojaloop.releasebot.github;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkiverse.githubapp.InstallationTokenProvider;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Hands out one {@link GitHubApi} per installation, all sharing one HTTP client (connect timeout, proxy rules),
 * the write pacer, one ETag cache bounded by bytes and the call metrics; and the app's own client ({@link #forApp}).
 */
@ApplicationScoped
public class GitHubApiFactory {

    @Inject
    InstallationTokenProvider tokens;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    @Inject
    WritePacer pacer;

    @ConfigProperty(name = "quarkus.github-app.instance-endpoint", defaultValue = "https://api.github.com")
    String instanceEndpoint;

    @ConfigProperty(name = "quarkus.github-app.rest-api-endpoint")
    Optional<String> restApiEndpoint;

    @ConfigProperty(name = "release-bot.github.connect-timeout", defaultValue = "5s")
    Duration connectTimeout;

    @ConfigProperty(name = "release-bot.github.read-timeout", defaultValue = "30s")
    Duration readTimeout;

    @ConfigProperty(name = "release-bot.github.max-attempts", defaultValue = "4")
    int maxAttempts;

    @ConfigProperty(name = "release-bot.github.initial-backoff", defaultValue = "250ms")
    Duration initialBackoff;

    @ConfigProperty(name = "release-bot.github.max-rate-limit-wait", defaultValue = "60s")
    Duration maxRateLimitWait;

    @ConfigProperty(name = "release-bot.github.max-write-wait", defaultValue = "15m")
    Duration maxWriteWait;

    @ConfigProperty(name = "release-bot.cache.etag-max-bytes", defaultValue = "16M")
    MemorySize etagMaxBytes;

    @ConfigProperty(name = "quarkus.github-app.app-id", defaultValue = "0")
    String appId;

    @ConfigProperty(name = "quarkus.github-app.private-key")
    Optional<String> privateKey;

    private volatile HttpClient client;
    private volatile EtagCache etags;
    private volatile GitHubApi app;
    private final Map<Long, GitHubApi> apis = new ConcurrentHashMap<>();
    private final Map<Long, GitHub> githubs = new ConcurrentHashMap<>();

    /** The typed reads and writes of one installation. */
    public GitHub github(long installationId) {
        return githubs.computeIfAbsent(installationId, id -> new RestGitHub(forInstallation(id), appId));
    }

    public GitHubApi forInstallation(long installationId) {
        return apis.computeIfAbsent(installationId, id -> new GitHubApi(id, restApiEndpoint.orElse(instanceEndpoint),
                () -> tokens.getInstallationToken(id).token(), client(), mapper, settings(), listener(),
                writeGate(id), etags()));
    }

    /**
     * The app's own client, authenticated as the GitHub App (a JWT signed with its private key, not an installation
     * token), for {@code /app/...} endpoints; its writes are paced (as installation 0) and suppressed in dry-run.
     */
    public GitHubApi forApp() {
        if (app == null) {
            synchronized (this) {
                if (app == null) {
                    String pem = privateKey.filter(k -> !k.isBlank())
                            .orElseThrow(() -> new IllegalStateException("quarkus.github-app.private-key is not set"));
                    AppJwt jwt = new AppJwt(appId, pem, java.time.Clock.systemUTC());
                    app = new GitHubApi(0, restApiEndpoint.orElse(instanceEndpoint), jwt, client(), mapper, settings(),
                            listener(), writeGate(0), etags());
                }
            }
        }
        return app;
    }

    private GitHubApi.Settings settings() {
        return new GitHubApi.Settings(readTimeout, maxAttempts, initialBackoff, maxRateLimitWait, etagMaxBytes.asLongValue(),
                maxWriteWait);
    }

    private GitHubApi.WriteGate writeGate(long id) {
        return new GitHubApi.WriteGate() {
            @Override
            public boolean beforeWrite(String method, String path, Object body) throws java.io.InterruptedIOException {
                return pacer.beforeWrite(id, method, path, body);
            }

            @Override
            public void refused(String method, String path, Duration wait) {
                pacer.refused(id, method, path, wait);
            }

            @Override
            public void answered(String method, String path) {
                pacer.answered(id);
            }
        };
    }

    /** One ETag cache for every installation, bounded by {@code release-bot.cache.etag-max-bytes}. */
    EtagCache etags() {
        if (etags == null) {
            synchronized (this) {
                if (etags == null) {
                    EtagCache cache = new EtagCache(etagMaxBytes.asLongValue());
                    CaffeineCacheMetrics.monitor(registry, cache.caffeine(), "release-bot-etags");
                    Gauge.builder("release_bot_github_etag_cache_bytes", cache, EtagCache::bytes)
                            .description("Estimated bytes of the bodies kept for conditional requests").register(registry);
                    etags = cache;
                }
            }
        }
        return etags;
    }

    private volatile GitHubApi.Listener listener;

    private GitHubApi.Listener listener() {
        if (listener == null) {
            listener = metrics(registry);
        }
        return listener;
    }

    /**
     * Counts every call by method and status, and keeps one gauge of what is left of each primary rate limit, by
     * installation and by GitHub's resource ({@code core} 5 000 an hour, {@code search} 30 a minute, ...).
     */
    static GitHubApi.Listener metrics(MeterRegistry registry) {
        Map<String, AtomicLong> remaining = new ConcurrentHashMap<>();
        return new GitHubApi.Listener() {
            @Override
            public void exchanged(String method, String path, int status, boolean write) {
                registry.counter("release_bot_github_calls", "method", method, "status", String.valueOf(status)).increment();
            }

            @Override
            public void rateLimitRemaining(long installationId, String resource, long left) {
                remaining.computeIfAbsent(installationId + "/" + resource, k -> registry.gauge(
                        "release_bot_github_rate_limit_remaining",
                        List.of(Tag.of("installation", String.valueOf(installationId)), Tag.of("resource", resource)),
                        new AtomicLong(left))).set(left);
            }
        };
    }

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .connectTimeout(connectTimeout)
                            .proxy(TimeoutGitHubConnector.proxySelector(System.getenv("HTTP_PROXY"),
                                    System.getenv("NO_PROXY")))
                            .build();
                }
            }
        }
        return client;
    }
}
