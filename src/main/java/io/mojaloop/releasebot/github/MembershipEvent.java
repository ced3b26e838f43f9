package io.mojaloop.releasebot.github;

import java.util.Optional;

import io.quarkiverse.githubapp.GitHubEvent;
import io.vertx.core.json.JsonObject;

/** A {@code membership} delivery, read from its payload: whose team changed, and the installation (0 if none). */
public record MembershipEvent(long installationId, String org, String team) {

    /** Empty when the payload names no team or organisation. */
    public static Optional<MembershipEvent> of(GitHubEvent event) {
        JsonObject payload = event.getParsedPayload();
        JsonObject team = payload.getJsonObject("team");
        JsonObject organization = payload.getJsonObject("organization");
        if (team == null || organization == null) {
            return Optional.empty();
        }
        JsonObject installation = payload.getJsonObject("installation");
        long installationId = installation != null && installation.containsKey("id") ? installation.getLong("id") : 0;
        return Optional.of(new MembershipEvent(installationId, organization.getString("login"), team.getString("slug")));
    }
}
