package io.mojaloop.releasebot.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.mojaloop.releasebot.bot.Observed;
import io.mojaloop.releasebot.core.config.ConfigProblem;
import io.mojaloop.releasebot.core.config.ParsedConfig;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.story.StoryView;
import io.mojaloop.releasebot.github.ConfigService;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import io.mojaloop.releasebot.github.GitHubWeb;
import io.mojaloop.releasebot.render.Texts;
import io.mojaloop.releasebot.render.TimeTexts;
import io.quarkiverse.githubapp.GitHubClientProvider;

/**
 * {@code GET /releases}: every configured release of every organisation the app is installed on, with its calendar
 * as an inline SVG, gates, candidates, exceptions, blocked PRs and configuration errors. Server-rendered; the
 * calendar comes from the configuration, the rest from what the bot last computed from GitHub.
 */
@Path("/releases")
public class Dashboard {

    private static final Logger LOG = Logger.getLogger(Dashboard.class);

    @Inject
    GitHubClientProvider clients;
    @Inject
    GitHubApiFactory githubs;
    @Inject
    ConfigService configs;
    @Inject
    Observed observed;
    @Inject
    GitHubWeb web;
    @Inject
    Texts texts;
    @Inject
    Clock clock;

    @ConfigProperty(name = "release-bot.dry-run", defaultValue = "false")
    boolean dryRun;

    public record ReleaseCard(Release release, Timeline timeline, StoryView story, Instant storyAt, String web) {
        public String storyUrl() {
            return release.story() == null ? null : web + "/" + release.story().replace("#", "/issues/");
        }
    }

    public record OrgCard(String org, List<ConfigProblem> problems, List<ReleaseCard> releases, List<Observed.BlockedPr> blocked) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        Instant now = clock.instant();
        List<OrgCard> orgs = new ArrayList<>();
        String error = null;
        try {
            for (var installation : clients.getApplicationClient().getApp().listInstallations()) {
                String org = installation.getAccount().getLogin();
                Optional<ParsedConfig> parsed = configs.forOrganisation(githubs.github(installation.getId()), org);
                if (parsed.isEmpty()) {
                    continue;
                }
                List<ReleaseCard> cards = new ArrayList<>();
                if (parsed.get().ok()) {
                    for (Release release : parsed.get().config().releases()) {
                        cards.add(new ReleaseCard(release, Timeline.of(release, parsed.get().config().freeze(), now),
                                observed.story(org, release.version()), observed.storyAt(org, release.version()), web.base()));
                    }
                }
                orgs.add(new OrgCard(org, parsed.get().problems(), cards, observed.blocked(org)));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Dashboard could not read the installations", e);
            error = String.valueOf(e.getMessage()); // the template says what it means
        }
        return texts.render("dashboard/releases.html", Map.of("orgs", orgs, "time", new TimeTexts(now), "now", now,
                "web", web.base(), "dryRun", dryRun, "wouldWrite", observed.wouldWrite(), "error", error == null ? "" : error));
    }
}
