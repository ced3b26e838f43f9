package io.mojaloop.releasebot.github;

import java.io.IOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.kohsuke.github.GHAppInstallation;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.ParsedConfig;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.story.ReleaseVersion;
import io.quarkiverse.githubapp.GitHubClientProvider;

/** Finds which installation and organisation configure a release version (for endpoints that get only a version). */
@ApplicationScoped
public class ReleaseLocator {

    @Inject
    GitHubClientProvider clients;
    @Inject
    GitHubApiFactory githubs;
    @Inject
    ConfigService configs;

    public record Located(long installationId, String org, BotConfig config, Release release) {
    }

    /** The release with that version (case-insensitive, with or without a leading v), optionally in one org only. */
    public Optional<Located> find(String version, String onlyOrg) throws IOException {
        for (GHAppInstallation installation : clients.getApplicationClient().getApp().listInstallations()) {
            String org = installation.getAccount().getLogin();
            if (onlyOrg != null && !onlyOrg.equalsIgnoreCase(org)) {
                continue;
            }
            Optional<ParsedConfig> parsed = configs.forOrganisation(githubs.github(installation.getId()), org);
            if (parsed.isEmpty() || !parsed.get().ok()) {
                continue;
            }
            for (Release release : parsed.get().config().releases()) {
                if (ReleaseVersion.sameTag(release.version(), version)) {
                    return Optional.of(new Located(installation.getId(), org, parsed.get().config(), release));
                }
            }
        }
        return Optional.empty();
    }
}
