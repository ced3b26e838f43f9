package io.mojaloop.releasebot.bot.checks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.kohsuke.github.GHEventPayload;

import io.mojaloop.releasebot.bot.Observed;
import io.mojaloop.releasebot.bot.PullRequestRef;
import io.mojaloop.releasebot.github.PullRequestOpened;
import io.quarkiverse.githubapp.GitHubEvent;
import io.quarkiverse.githubapp.event.PullRequest;
import io.quarkiverse.githubapp.event.PullRequestReview;

/**
 * Pull request and review events: each is turned into the {@link Trigger} it is, and the checks that declare it
 * are queued for the PR. A closed PR is no longer blocked by anything (its check runs stay as they are on GitHub).
 */
@ApplicationScoped
public class ReevaluateChangedPullRequests {

    @Inject
    EvaluatePullRequest evaluations;
    @Inject
    Observed observed;

    /** A new PR: its payload is fresh, so the evaluation may use it instead of reading the PR again. */
    void onOpened(@PullRequest.Opened GitHubEvent event) {
        evaluations.requestOpened(PullRequestOpened.of(event));
    }

    void onPullRequest(@PullRequest.Reopened @PullRequest.Synchronize @PullRequest.ReadyForReview
    @PullRequest.Edited @PullRequest.Labeled @PullRequest.Unlabeled GHEventPayload.PullRequest payload) {
        evaluations.request(ref(payload.getInstallation().getId(), payload.getRepository().getFullName(), payload.getNumber()),
                trigger(payload));
    }

    static Trigger trigger(GHEventPayload.PullRequest payload) {
        return switch (payload.getAction()) {
            case "synchronize" -> Trigger.PUSHED;
            case "labeled", "unlabeled" -> Trigger.LABELS;
            case "edited" -> payload.getChanges() != null && payload.getChanges().getBase() != null ? Trigger.BASE_CHANGED
                    : Trigger.EDITED;
            default -> Trigger.OPENED;
        };
    }

    void onReview(@PullRequestReview.Submitted @PullRequestReview.Edited @PullRequestReview.Dismissed
    GHEventPayload.PullRequestReview payload) {
        evaluations.request(ref(payload.getInstallation().getId(), payload.getRepository().getFullName(),
                payload.getPullRequest().getNumber()), Trigger.REVIEW);
    }

    void onClosed(@PullRequest.Closed GHEventPayload.PullRequest payload) {
        observed.forget(payload.getRepository().getFullName(), payload.getNumber());
    }

    private static PullRequestRef ref(long installationId, String repository, int number) {
        return new PullRequestRef(installationId, repository, number);
    }
}
