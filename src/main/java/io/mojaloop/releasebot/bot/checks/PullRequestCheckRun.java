package io.mojaloop.releasebot.bot.checks;

import io.mojaloop.releasebot.bot.Observed;
import io.mojaloop.releasebot.bot.PullRequestRef;
import io.mojaloop.releasebot.bot.WorkQueue;
import io.mojaloop.releasebot.github.GitHubApi;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * The trip every PR check makes: read the PR from GitHub, decide and render ({@link #output}), write the check
 * run only if it changed, note the outcome for the dashboard. Webhook listeners {@link #submit} to the work queue;
 * the clock, the resync and commands call {@link #evaluate} directly.
 */
public abstract class PullRequestCheckRun implements PullRequestCheck {

    private static final Logger LOG = Logger.getLogger(PullRequestCheckRun.class);

    @Inject
    GitHubApiFactory apis;
    @Inject
    PullRequests pullRequests;
    @Inject
    ExceptionGrants grants;
    @Inject
    CheckRunWriter writer;
    @Inject
    CheckTexts checkTexts;
    @Inject
    Observed observed;
    @Inject
    WorkQueue work;
    @Inject
    Clock clock;

    /** The whole check run for the PR as GitHub shows it now (the config error output when the config is broken). */
    protected abstract CheckRunWriter.CheckRunOutput output(GitHubApi api, PullRequestRef ref, PullRequests.Snapshot pr,
            Instant now) throws IOException;

    /** Queues an evaluation (coalesced with one already waiting for the same PR). */
    public void submit(PullRequestRef ref) {
        work.submit(name() + ":" + ref, () -> evaluateQuietly(ref));
    }

    /** Evaluates and writes; failures are logged (the periodic resync heals what a failure left behind). */
    public void evaluateQuietly(PullRequestRef ref) {
        try {
            evaluate(ref);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "%s for %s failed", name(), ref);
        }
    }

    @Override
    public void evaluate(PullRequestRef ref) throws IOException {
        PullRequestLocks.with(ref, () -> {
            GitHubApi api = apis.forInstallation(ref.installationId());
            PullRequests.Snapshot pr = pullRequests.load(api, ref);
            if (pr != null) {
                evaluate(api, ref, pr, writer.latestByName(api, ref.repository(), pr.headSha()));
            }
        });
    }

    /** One evaluation against a PR snapshot and the commit's check runs already read (shared by several checks). */
    public void evaluate(GitHubApi api, PullRequestRef ref, PullRequests.Snapshot pr, java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> existing)
            throws IOException {
        Instant now = clock.instant();
        CheckRunWriter.CheckRunOutput output = pr.config().parsed().ok() ? output(api, ref, pr, now)
                : pullRequests.configErrorOutput(name(), pr.config().parsed());
        writer.write(api, ref.repository(), pr.headSha(), output, existing);
        observed.check(ref, output, now);
    }

    static CheckTexts.PrView view(PullRequests.Snapshot pr) {
        return new CheckTexts.PrView(pr.headSha(), pr.baseBranch(), pr.title());
    }
}
