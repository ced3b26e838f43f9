package io.mojaloop.releasebot.bot.upkeep;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.bot.story.UpdateReleaseStory;
import io.mojaloop.releasebot.github.Directory;
import io.quarkiverse.githubapp.GitHubEvent;
import io.quarkiverse.githubapp.event.Membership;
import io.vertx.core.json.JsonObject;

/**
 * Someone joined or left a team: the cached membership is forgotten at once (instead of after
 * {@code release-bot.cache.people-ttl}), so a removed Design Authority member cannot grant an exception a minute
 * later, and the release stories are rebuilt (who may record gates may have changed).
 */
@ApplicationScoped
public class ForgetTeamOnMembershipChange {

    @Inject
    Directory directory;
    @Inject
    UpdateReleaseStory stories;

    void onMembership(@Membership GitHubEvent event) {
        JsonObject payload = event.getParsedPayload();
        JsonObject team = payload.getJsonObject("team");
        JsonObject organization = payload.getJsonObject("organization");
        if (team == null || organization == null) {
            return;
        }
        String org = organization.getString("login");
        directory.forgetTeam(org, team.getString("slug"));
        JsonObject installation = payload.getJsonObject("installation");
        if (installation != null && installation.containsKey("id")) {
            stories.request(installation.getLong("id"), org);
        }
    }
}
