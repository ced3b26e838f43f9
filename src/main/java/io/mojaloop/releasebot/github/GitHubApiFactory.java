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

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.quarkiverse.githubapp.InstallationTokenProvider;

/**
 * Hands out one {@link GitHubApi} per installation, all sharing one HTTP client (connect timeout, proxy rules),
 * the write pacer and the call metrics.
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

    @ConfigProperty(name = "quarkus.github-app.app-id", defaultValue = "0")
    String appId;

    private volatile HttpClient client;
    private final Map<Long, GitHubApi> apis = new ConcurrentHashMap<>();
    private final Map<Long, GitHub> githubs = new ConcurrentHashMap<>();

    /** The typed reads and writes of one installation. */
    public GitHub github(long installationId) {
        return githubs.computeIfAbsent(installationId, id -> new RestGitHub(forInstallation(id), appId));
    }

    public GitHubApi forInstallation(long installationId) {
        return apis.computeIfAbsent(installationId, id -> new GitHubApi(id, restApiEndpoint.orElse(instanceEndpoint),
                () -> tokens.getInstallationToken(id).token(), client(), mapper,
                new GitHubApi.Settings(readTimeout, maxAttempts, initialBackoff, maxRateLimitWait, 2000),
                listener, (method, path, body) -> pacer.beforeWrite(id, method, path, body)));
    }

    private final Map<Long, AtomicLong> remaining = new ConcurrentHashMap<>();

    private final GitHubApi.Listener listener = new GitHubApi.Listener() {
        @Override
        public void exchanged(String method, String path, int status, boolean write) {
            registry.counter("release_bot_github_calls", "method", method, "status", String.valueOf(status)).increment();
        }

        @Override
        public void rateLimitRemaining(long installationId, long left) {
            remaining.computeIfAbsent(installationId, id -> registry.gauge("release_bot_github_rate_limit_remaining",
                    List.of(Tag.of("installation", String.valueOf(id))), new AtomicLong(left))).set(left);
        }
    };

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
