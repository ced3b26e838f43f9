package io.mojaloop.releasebot.github;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where people read GitHub, for the links the bot builds itself (issue searches, PRs and stories on the dashboard):
 * {@code release-bot.github.web-url} when set; otherwise derived from the API endpoint the app talks to, so a GitHub
 * Enterprise Server installation links to itself ({@code https://ghe.example/api/v3} → {@code https://ghe.example});
 * otherwise {@code https://github.com}. Links GitHub hands over ({@code html_url}) are used as they come.
 */
@ApplicationScoped
public class GitHubWeb {

    public static final String GITHUB_COM = "https://github.com";

    @ConfigProperty(name = "release-bot.github.web-url")
    Optional<String> webUrl;

    @ConfigProperty(name = "quarkus.github-app.instance-endpoint", defaultValue = "https://api.github.com")
    String instanceEndpoint;

    public String base() {
        return baseFor(webUrl, instanceEndpoint);
    }

    static String baseFor(Optional<String> explicit, String apiEndpoint) {
        if (explicit.isPresent() && !explicit.get().isBlank()) {
            return trimSlash(explicit.get().trim());
        }
        String api = apiEndpoint == null ? "" : trimSlash(apiEndpoint.trim());
        if (api.toLowerCase(Locale.ROOT).endsWith("/api/v3")) {
            return api.substring(0, api.length() - "/api/v3".length());
        }
        return GITHUB_COM;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
