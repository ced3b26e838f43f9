package io.mojaloop.releasebot.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.mojaloop.releasebot.bot.contents.ReadReleaseContents;
import io.mojaloop.releasebot.core.config.Contents;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.contents.Links;
import io.mojaloop.releasebot.core.contents.NotesView;
import io.mojaloop.releasebot.core.contents.ReleaseContents;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import io.mojaloop.releasebot.github.GitHubWeb;
import io.mojaloop.releasebot.render.ContentsProblems;
import io.mojaloop.releasebot.render.Texts;
import io.vertx.core.http.HttpServerRequest;

/**
 * A release's contents, read from GitHub when asked: {@code /notes} is the draft release notes (Markdown),
 * {@code /contents} the whole contents as JSON. The same access rule as the dashboard's {@code /releases}: views are
 * limited per client, the releases are found in the dashboard's cached reading of the configurations, each release's
 * contents are read at most once per {@code release-bot.dashboard.cache-ttl}, and unless
 * {@code release-bot.dashboard.private=true} a release is shown only when its organisation's umbrella repository is
 * public, without the changes of components whose repository is not. An unknown (or not shown) version answers 404.
 */
@Singleton
@Path("/api/v1/releases/{version}")
public class ReleaseContentsEndpoints {

    @Inject
    DashboardReads reads;
    @Inject
    GitHubApiFactory githubs;
    @Inject
    ReadReleaseContents reader;
    @Inject
    Texts texts;
    @Inject
    ContentsProblems problems;
    @Inject
    GitHubWeb web;
    @Inject
    RequestLimits limits;
    @Inject
    ClientAddress clientAddress;
    @Context
    HttpServerRequest request;

    @ConfigProperty(name = "release-bot.dashboard.private", defaultValue = "false")
    boolean privatePage;
    @ConfigProperty(name = "release-bot.dashboard.cache-ttl", defaultValue = "30s")
    Duration ttl;

    /** One organisation's release as read for a view, kept for the dashboard's cache time. */
    record Found(String org, ReleaseContents contents) {
    }

    Cache<String, Found> read;

    @PostConstruct
    void init() {
        read = Caffeine.newBuilder().maximumSize(200).expireAfterWrite(ttl).build();
    }

    @GET
    @Path("/notes")
    public Response notes(@PathParam("version") String version) {
        return answer(version, found -> Response.ok(texts.render("contents/notes.md",
                Map.of("n", NotesView.of(found.contents(), new Links(web.base(), found.org())))), "text/markdown; charset=utf-8"));
    }

    @GET
    @Path("/contents")
    public Response contents(@PathParam("version") String version) {
        return answer(version, found -> Response.ok(found.contents().json(problems::message), MediaType.APPLICATION_JSON));
    }

    interface Answer {
        Response.ResponseBuilder of(Found found);
    }

    private Response answer(String version, Answer answer) {
        if (!limits.allowDashboard(clientAddress.of(request))) {
            return error(429, Map.of("error", "too-many-requests", "perMinute", limits.dashboardPerMinute)).header("Retry-After", "60")
                    .build();
        }
        if (version == null || version.length() > 100) {
            return error(404, Map.of("error", "unknown-release", "version", "")).build();
        }
        DashboardReads.Reading reading = reads.current();
        for (DashboardReads.OrgRead org : reading.orgs()) {
            if (!org.config().ok()) {
                continue;
            }
            Optional<Release> release = org.config().config().releases().stream().filter(r -> r.version().equals(version)).findFirst();
            if (release.isEmpty()) {
                continue;
            }
            Contents settings = org.config().config().contents() == null ? Contents.DEFAULTS : org.config().config().contents();
            String umbrella = ReadReleaseContents.qualified(org.org(), settings.repo()).toLowerCase(Locale.ROOT);
            if (org.publicRepositories() != null && !org.publicRepositories().contains(umbrella)) {
                continue;
            }
            String key = org.installationId() + "/" + org.org().toLowerCase(Locale.ROOT) + "/" + version;
            Found found = read.get(key, k -> new Found(org.org(), reader.read(org.org(), org.config().config(), release.get(),
                    githubs.github(org.installationId()))));
            if (org.publicRepositories() != null) {
                found = new Found(found.org(), found.contents().showingChangesOnlyOf(
                        repo -> org.publicRepositories().contains(ReadReleaseContents.qualified(org.org(), repo).toLowerCase(Locale.ROOT))));
            }
            return answer.of(found).header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-cache").build();
        }
        return error(404, Map.of("error", "unknown-release", "version", version)).build();
    }

    static Response.ResponseBuilder error(int status, Map<String, Object> error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).header("X-Content-Type-Options", "nosniff").entity(error);
    }
}
