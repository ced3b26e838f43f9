package io.mojaloop.releasebot.github;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.mojaloop.releasebot.github.model.Comment;

/** Who the bot is on GitHub: its app id and name, to recognise its own comments. */
@ApplicationScoped
public class AppIdentity {

    @ConfigProperty(name = "quarkus.github-app.app-id", defaultValue = "0")
    String appId;

    @ConfigProperty(name = "quarkus.github-app.app-name", defaultValue = "mojaloop-release-bot")
    String appName;

    /** An identity outside CDI (tests). */
    public static AppIdentity of(String appId, String appName) {
        AppIdentity identity = new AppIdentity();
        identity.appId = appId;
        identity.appName = appName;
        return identity;
    }

    /**
     * True for a comment this app made (GitHub marks it with {@code performed_via_github_app}; the login is
     * {@code <app-name>[bot]}). Machine-readable lines are trusted only there.
     */
    public boolean isOwn(Comment comment) {
        if (comment.viaAppId() != null) {
            return String.valueOf(comment.viaAppId()).equals(appId);
        }
        return comment.user() != null && comment.user().bot() && comment.user().login().equalsIgnoreCase(appName + "[bot]");
    }
}
