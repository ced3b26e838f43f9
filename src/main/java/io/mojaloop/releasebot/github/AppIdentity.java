package io.mojaloop.releasebot.github;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.mojaloop.releasebot.github.model.Comment;
import io.mojaloop.releasebot.github.model.User;

/**
 * Who the bot is on GitHub, as GitHub says: {@code GET /app} (authenticated as the app) gives its id and its real
 * slug, read once and kept. Its comments are the ones GitHub marks with {@code performed_via_github_app} of that
 * id, or, where GitHub leaves that out, those of the Bot account {@code <slug>[bot]}. No configured name decides
 * it ({@code quarkus.github-app.app-name} may differ from the registered slug, and another app or a person may use
 * that name): machine-readable lines are trusted only in comments recognised here. Until GitHub has answered,
 * every question fails (an {@link IOException}), so nothing is decided on a guess.
 */
@ApplicationScoped
public class AppIdentity {

    /** The app as {@code GET /app} describes it. */
    public record Known(long id, String slug) {

        public String login() {
            return slug + "[bot]";
        }
    }

    @Inject
    GitHubApiFactory githubs;

    private volatile Known known;

    /** An identity outside CDI (tests), as if {@code GET /app} had answered this. */
    public static AppIdentity of(long appId, String slug) {
        AppIdentity identity = new AppIdentity();
        identity.known = new Known(appId, slug);
        return identity;
    }

    /** The app's id and slug, from {@code GET /app} on first use. */
    public Known known() throws IOException {
        Known k = known;
        if (k == null) {
            synchronized (this) {
                k = known;
                if (k == null) {
                    JsonNode app;
                    try {
                        app = githubs.forApp().get("/app");
                    } catch (IllegalStateException e) {
                        throw new IOException("The app cannot authenticate as itself: " + e.getMessage(), e);
                    }
                    long id = app.path("id").asLong(0);
                    String slug = app.path("slug").asText("");
                    if (id <= 0 || slug.isBlank()) {
                        throw new IOException("GET /app answered without the app's id and slug");
                    }
                    k = new Known(id, slug);
                    known = k;
                }
            }
        }
        return k;
    }

    /** The bot's login, {@code <slug>[bot]}. */
    public String login() throws IOException {
        return known().login();
    }

    /** True for a comment this app made. */
    public boolean isOwn(Comment comment) throws IOException {
        Known k = known();
        if (comment.viaAppId() != null) {
            return comment.viaAppId() == k.id();
        }
        return isOwn(comment.user());
    }

    /** True for this app's Bot account (reactions and other places that carry no app id). */
    public boolean isOwn(User user) throws IOException {
        return user != null && user.bot() && user.login() != null && user.login().equalsIgnoreCase(known().login());
    }
}
