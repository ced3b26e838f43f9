package io.mojaloop.releasebot.web;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.mojaloop.releasebot.bot.contents.ReadReleaseContents;
import io.mojaloop.releasebot.core.contents.Links;
import io.mojaloop.releasebot.core.contents.NotesView;
import io.mojaloop.releasebot.core.contents.ReleaseContents;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import io.mojaloop.releasebot.github.GitHubWeb;
import io.mojaloop.releasebot.github.ReleaseLocator;
import io.mojaloop.releasebot.render.Texts;

/**
 * A release's contents, read from GitHub when asked: {@code /notes} is the draft release notes (Markdown),
 * {@code /contents} the whole contents as JSON. Public, like the dashboard's {@code /releases}. An unknown version
 * answers 404 with a JSON error.
 */
@Path("/api/v1/releases/{version}")
public class ReleaseContentsEndpoints {

    private static final Logger LOG = Logger.getLogger(ReleaseContentsEndpoints.class);

    @Inject
    ReleaseLocator locator;
    @Inject
    GitHubApiFactory githubs;
    @Inject
    ReadReleaseContents reader;
    @Inject
    Texts texts;
    @Inject
    GitHubWeb web;

    @GET
    @Path("/notes")
    public Response notes(@PathParam("version") String version) {
        return answer(version, (where, contents) -> Response.ok(texts.render("contents/notes.md",
                Map.of("n", NotesView.of(contents, new Links(web.base(), where.org())))), "text/markdown; charset=utf-8").build());
    }

    @GET
    @Path("/contents")
    public Response contents(@PathParam("version") String version) {
        return answer(version, (where, contents) -> Response.ok(contents.json(), MediaType.APPLICATION_JSON).build());
    }

    interface Answer {
        Response of(ReleaseLocator.Located where, ReleaseContents contents);
    }

    private Response answer(String version, Answer answer) {
        Optional<ReleaseLocator.Located> located;
        try {
            located = locator.find(version, null);
        } catch (IOException e) {
            LOG.warn("Could not find the release " + version, e);
            return error(502, "The configuration could not be read from GitHub: " + e.getMessage());
        }
        if (located.isEmpty()) {
            return error(404, "No release " + version + " in the configuration of any organisation the bot is installed on.");
        }
        ReleaseLocator.Located where = located.get();
        ReleaseContents contents = reader.read(where.org(), where.config(), where.release(), githubs.github(where.installationId()));
        return answer.of(where, contents);
    }

    static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
