package io.mojaloop.releasebot.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.mojaloop.releasebot.bot.Observed;
import io.mojaloop.releasebot.core.config.ConfigProblem;
import io.mojaloop.releasebot.core.config.ParsedConfig;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.story.StoryView;
import io.mojaloop.releasebot.github.GitHubWeb;
import io.mojaloop.releasebot.render.Texts;
import io.mojaloop.releasebot.render.TimeTexts;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code GET /releases}: every configured release of every organisation the app is installed on, with its calendar
 * as an inline SVG, gates, candidates, exceptions, blocked PRs and configuration errors. Server-rendered; the
 * calendar comes from the configuration ({@link DashboardReads}: read from GitHub at most every
 * {@code release-bot.dashboard.cache-ttl}), the rest from what the bot last computed from GitHub.
 * <p>
 * Unless {@code release-bot.dashboard.private=true} says the page is behind authentication, it shows only what is in
 * public repositories ({@link PublicView}) and, in dry-run, how many writes would have been made but not what they
 * say. Each client may load it {@code release-bot.dashboard.requests-per-minute} times a minute.
 */
@Path("/releases")
public class Dashboard {

    @Inject
    DashboardReads reads;
    @Inject
    Observed observed;
    @Inject
    GitHubWeb web;
    @Inject
    Texts texts;
    @Inject
    Clock clock;
    @Inject
    RequestLimits limits;
    @Inject
    ClientAddress clientAddress;

    @ConfigProperty(name = "release-bot.dry-run", defaultValue = "false")
    boolean dryRun;
    @ConfigProperty(name = "release-bot.dashboard.private", defaultValue = "false")
    boolean privatePage;

    @Context
    HttpServerRequest request;

    public record ReleaseCard(Release release, Timeline timeline, StoryView story, Instant storyAt, String web, boolean storyShown) {
        public String storyUrl() {
            return release.story() == null || !storyShown ? null : web + "/" + release.story().replace("#", "/issues/");
        }
    }

    public record OrgCard(String org, List<ConfigProblem> problems, List<ReleaseCard> releases, List<Observed.BlockedPr> blocked) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        if (!limits.allowDashboard(clientAddress.of(request))) {
            return Response.status(429).header("Retry-After", "60").header("X-Content-Type-Options", "nosniff")
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("Too many requests: at most " + limits.dashboardPerMinute + " a minute.").build();
        }
        Instant now = clock.instant();
        DashboardReads.Reading reading = reads.current();
        List<OrgCard> orgs = new ArrayList<>();
        int hidden = 0;
        for (DashboardReads.OrgRead read : reading.orgs()) {
            PublicView view = new PublicView(privatePage ? null : read.publicRepositories(), web.base());
            String org = read.org();
            if (!view.organisation(org)) {
                hidden += view.hidden();
                continue;
            }
            ParsedConfig parsed = read.config();
            List<ReleaseCard> cards = new ArrayList<>();
            if (parsed.ok()) {
                for (Release release : parsed.config().releases()) {
                    boolean storyShown = release.story() == null || view.repository(PublicView.storyRepository(release.story()));
                    cards.add(new ReleaseCard(release, Timeline.of(release, parsed.config().freeze(), now),
                            view.story(observed.story(org, release.version()), storyShown),
                            observed.storyAt(org, release.version()), web.base(), storyShown));
                }
            }
            orgs.add(new OrgCard(org, parsed.problems(), cards, view.blocked(observed.blocked(org))));
            hidden += view.hidden();
        }
        List<Observed.WouldWrite> wouldWrite = observed.wouldWrite();
        String page = texts.render("dashboard/releases.html", Map.of("orgs", orgs, "time", new TimeTexts(now), "now", now,
                "web", web.base(), "dryRun", dryRun, "wouldWrite", privatePage ? wouldWrite : List.of(),
                "wouldWriteCount", wouldWrite.size(), "showWrites", privatePage, "hidden", hidden,
                "error", reading.error() == null ? "" : reading.error()));
        return PageHeaders.html(page);
    }
}
