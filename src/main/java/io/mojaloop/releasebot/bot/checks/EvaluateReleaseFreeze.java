package io.mojaloop.releasebot.bot.checks;

import io.mojaloop.releasebot.bot.PullRequestRef;
import io.mojaloop.releasebot.github.GitHubApi;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.kohsuke.github.GHEventPayload;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.policy.FreezeException;
import io.mojaloop.releasebot.core.policy.FreezeFacts;
import io.mojaloop.releasebot.core.policy.FreezePolicy;
import io.mojaloop.releasebot.core.policy.FreezeVerdict;
import io.quarkiverse.githubapp.event.PullRequest;

/**
 * The {@code release-freeze} check run: the PR's base branch, title and labels against the release calendar, now.
 * Also re-evaluated on the clock ({@link FreezeClock}) and by the resync.
 */
@ApplicationScoped
public class EvaluateReleaseFreeze extends PullRequestCheckRun {


    public static final String CHECK = "release-freeze";
    public static final String EXCEPTION_COMMAND = "/freeze-exception";


    @Override
    public String name() {
        return CHECK;
    }

    @Override
    protected CheckRunWriter.CheckRunOutput output(GitHubApi api, PullRequestRef ref, PullRequests.Snapshot pr, Instant now)
            throws IOException {
        BotConfig config = pr.config().parsed().config();
        FreezeException exception = toException(grants.latest(api, ref.owner(), config.freeze().exceptionApprovers(), EXCEPTION_COMMAND,
                pr.comments(api)));
        String repoName = ref.repository().substring(ref.repository().indexOf('/') + 1);
        FreezeVerdict verdict = FreezePolicy.evaluate(config,
                new FreezeFacts(repoName, pr.baseBranch(), pr.title(), List.copyOf(pr.labels()), exception), now);
        return checkTexts.releaseFreeze(verdict, config, view(pr), now);
    }


    private static FreezeException toException(ExceptionGrants.Grant grant) {
        return grant == null ? null : new FreezeException(grant.grantedBy(), grant.reason());
    }
}
