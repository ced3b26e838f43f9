package io.mojaloop.releasebot.bot.checks;

import io.mojaloop.releasebot.bot.Observed;
import io.mojaloop.releasebot.bot.PullRequestRef;
import io.mojaloop.releasebot.bot.WorkQueue;
import io.mojaloop.releasebot.github.GitHubApi;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.kohsuke.github.GHEventPayload;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.githubapp.event.PullRequest;

/**
 * A pull_request event: the checks it concerns are evaluated together from one read of the PR, its comments and
 * the commit's check runs. Opened, reopened, synchronize, ready_for_review and a base change concern both checks;
 * a title edit and label changes concern only {@code release-freeze}.
 */
@ApplicationScoped
public class EvaluatePullRequest {

    private static final Logger LOG = Logger.getLogger(EvaluatePullRequest.class);

    @Inject
    EvaluateReviewRules reviewRules;
    @Inject
    EvaluateReleaseFreeze releaseFreeze;
    @Inject
    GitHubApiFactory apis;
    @Inject
    PullRequests pullRequests;
    @Inject
    CheckRunWriter writer;
    @Inject
    WorkQueue work;
    @Inject
    Observed observed;

    void onPullRequest(@PullRequest.Opened @PullRequest.Reopened @PullRequest.Synchronize @PullRequest.ReadyForReview
    @PullRequest.Edited @PullRequest.Labeled @PullRequest.Unlabeled GHEventPayload.PullRequest payload) {
        List<PullRequestCheckRun> checks = new ArrayList<>();
        String action = payload.getAction();
        boolean baseChanged = payload.getChanges() != null && payload.getChanges().getBase() != null;
        if (!action.equals("labeled") && !action.equals("unlabeled") && (!action.equals("edited") || baseChanged)) {
            checks.add(reviewRules);
        }
        checks.add(releaseFreeze);
        PullRequestRef ref = new PullRequestRef(payload.getInstallation().getId(), payload.getRepository().getFullName(),
                payload.getNumber());
        submit(ref, checks);
    }

    /** A closed PR is no longer blocked by anything (its check runs stay as they are on GitHub). */
    void onClosed(@PullRequest.Closed GHEventPayload.PullRequest payload) {
        observed.forget(payload.getRepository().getFullName(), payload.getNumber());
    }

    /** Queues the checks for the PR (coalesced with the same work already waiting). */
    public void submit(PullRequestRef ref, List<PullRequestCheckRun> checks) {
        String key = "pr:" + ref + ":" + String.join(",", checks.stream().map(PullRequestCheck::name).toList());
        work.submit(key, () -> evaluateQuietly(ref, checks));
    }

    /** Both checks from one read (the resync uses this too). */
    public void evaluateQuietly(PullRequestRef ref) {
        evaluateQuietly(ref, List.of(reviewRules, releaseFreeze));
    }

    void evaluateQuietly(PullRequestRef ref, List<PullRequestCheckRun> checks) {
        try {
            PullRequestLocks.with(ref, () -> {
                GitHubApi api = apis.forInstallation(ref.installationId());
                PullRequests.Snapshot pr = pullRequests.load(api, ref);
                if (pr == null) {
                    observed.forget(ref.repository(), ref.number());
                    return;
                }
                Map<String, JsonNode> existing = writer.latestByName(api, ref.repository(), pr.headSha());
                for (PullRequestCheckRun check : checks) {
                    try {
                        check.evaluate(api, ref, pr, existing);
                    } catch (IOException | RuntimeException e) {
                        LOG.errorf(e, "%s for %s failed (the resync will heal)", check.name(), ref);
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Checks for %s failed (the resync will heal)", ref);
        }
    }
}
