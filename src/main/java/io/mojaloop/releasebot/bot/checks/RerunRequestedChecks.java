package io.mojaloop.releasebot.bot.checks;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.mojaloop.releasebot.bot.PullRequestRef;
import io.mojaloop.releasebot.github.CheckRunRerequest;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import io.mojaloop.releasebot.github.model.PullRequest;
import io.quarkiverse.githubapp.GitHubEvent;
import io.quarkiverse.githubapp.event.CheckRun;

/**
 * "Re-run" on one of the bot's check runs: the check is evaluated again from GitHub's current state. The PRs come
 * from the check run's payload, or, when GitHub leaves that list empty (PRs from forks), from the commit.
 */
@ApplicationScoped
public class RerunRequestedChecks {

    private static final Logger LOG = Logger.getLogger(RerunRequestedChecks.class);

    @Inject
    GitHubApiFactory githubs;
    @Inject
    EvaluatePullRequest evaluations;

    void onRerequest(@CheckRun.Rerequested GitHubEvent event) {
        CheckRunRerequest rerun = CheckRunRerequest.of(event);
        if (evaluations.find(rerun.name()).isEmpty()) {
            return; // another app's check
        }
        try {
            List<Integer> numbers = rerun.pullRequests();
            if (numbers.isEmpty()) {
                numbers = githubs.github(rerun.installationId()).pullRequestsOfCommit(rerun.repository(), rerun.headSha())
                        .stream().filter(PullRequest::open).map(PullRequest::number).toList();
            }
            for (int number : numbers) {
                evaluations.request(new PullRequestRef(rerun.installationId(), rerun.repository(), number), List.of(rerun.name()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Re-run of %s on %s failed", rerun.name(), rerun.repository());
        }
    }
}
