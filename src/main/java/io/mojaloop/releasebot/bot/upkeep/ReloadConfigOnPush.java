package io.mojaloop.releasebot.bot.upkeep;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.bot.story.UpdateReleaseStory;
import io.mojaloop.releasebot.github.ConfigService;
import io.mojaloop.releasebot.github.PushEvent;
import io.quarkiverse.githubapp.GitHubEvent;
import io.quarkiverse.githubapp.event.Push;

/**
 * A push to a default branch that touches a config file makes the bot forget what it parsed from it. GitHub lists
 * at most 20 commits in a push event: with 20 or more, both config files are forgotten, to be safe. Any push to a
 * default branch also asks for the organisation's release stories to be rebuilt (release notes and repository
 * standards may have changed).
 */
@ApplicationScoped
public class ReloadConfigOnPush {

    @Inject
    ConfigService configs;
    @Inject
    UpdateReleaseStory stories;

    void onPush(@Push GitHubEvent event) {
        PushEvent push = PushEvent.of(event);
        if (!push.toDefaultBranch()) {
            return;
        }
        if (push.commits() >= 20) {
            // GitHub lists at most 20 commits: a longer push may touch a config file it does not name
            configs.invalidate(push.repository(), ConfigService.REPO_CONFIG_PATH);
            configs.invalidate(push.repository(), ConfigService.ORG_CONFIG_PATH);
        }
        for (String path : push.touched()) {
            if (ConfigService.isConfigPath(push.repositoryName(), path)) {
                configs.invalidate(push.repository(), path);
            }
        }
        if (push.installationId() != 0) {
            stories.request(push.installationId(), push.owner());
        }
    }
}
