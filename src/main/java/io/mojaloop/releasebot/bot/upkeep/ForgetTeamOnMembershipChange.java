package io.mojaloop.releasebot.bot.upkeep;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.bot.story.UpdateReleaseStory;
import io.mojaloop.releasebot.github.Directory;
import io.mojaloop.releasebot.github.MembershipEvent;
import io.quarkiverse.githubapp.GitHubEvent;
import io.quarkiverse.githubapp.event.Membership;

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
        MembershipEvent.of(event).ifPresent(change -> {
            directory.forgetTeam(change.org(), change.team());
            if (change.installationId() != 0) {
                stories.request(change.installationId(), change.org());
            }
        });
    }
}
