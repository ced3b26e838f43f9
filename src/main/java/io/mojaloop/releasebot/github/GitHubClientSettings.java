package io.mojaloop.releasebot.github;

import java.time.Duration;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kohsuke.github.GitHubBuilder;

import io.quarkiverse.githubapp.GitHubCustomizer;

/**
 * Every GitHub client the app creates (application and installation clients) goes through this customizer: it
 * installs {@link TimeoutGitHubConnector} so that each call has connect and read timeouts.
 */
@Singleton
public class GitHubClientSettings implements GitHubCustomizer {

    private final TimeoutGitHubConnector connector;

    public GitHubClientSettings(
            @ConfigProperty(name = "release-bot.github.connect-timeout", defaultValue = "5s") Duration connectTimeout,
            @ConfigProperty(name = "release-bot.github.read-timeout", defaultValue = "30s") Duration readTimeout) {
        this.connector = new TimeoutGitHubConnector(connectTimeout, readTimeout);
    }

    @Override
    public void customize(GitHubBuilder builder) {
        builder.withConnector(connector);
    }
}
