package io.mojaloop.releasebot.bot.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.kohsuke.github.GHEventPayload;

import io.quarkiverse.githubapp.event.Issue;
import io.quarkiverse.githubapp.event.PullRequest;
import io.quarkiverse.githubapp.event.Release;

/**
 * Events that may change a release story (labels, PRs and issues opening and closing, releases) ask for a rebuild of
 * their organisation's stories.
 */
@ApplicationScoped
public class RefreshStoriesOnEvents {

    @Inject
    UpdateReleaseStory stories;

    void onPullRequest(@PullRequest.Labeled @PullRequest.Unlabeled @PullRequest.Closed @PullRequest.Reopened
    GHEventPayload.PullRequest payload) {
        stories.request(payload.getInstallation().getId(), payload.getRepository().getOwnerName());
    }

    void onIssue(@Issue.Opened @Issue.Closed @Issue.Reopened @Issue.Labeled @Issue.Unlabeled @Issue.Deleted
    @Issue.Transferred GHEventPayload.Issue payload) {
        stories.request(payload.getInstallation().getId(), payload.getRepository().getOwnerName());
    }

    void onRelease(@Release.Published @Release.Prereleased @Release.Released @Release.Edited @Release.Deleted
    @Release.Unpublished GHEventPayload.Release payload) {
        stories.request(payload.getInstallation().getId(), payload.getRepository().getOwnerName());
    }
}
