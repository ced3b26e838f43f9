package io.mojaloop.releasebot.bot.checks;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;

import io.mojaloop.releasebot.github.model.CheckRunOutput;

/**
 * A check run the bot writes on pull requests. Implementations are CDI beans, found by {@link EvaluatePullRequest}
 * (and by re-runs, the preview endpoint and the story's required checks): adding a check is one class and one
 * template. A check only decides and renders: reading GitHub, queueing, locking, writing only what changed and
 * the config-error case are the shared trip's.
 */
public interface PullRequestCheck {

    /** The check run's name, e.g. {@code review-rules}. */
    String name();

    /** The events that can change this check's verdict. */
    Set<Trigger> triggers();

    /** The whole check run for the PR as the context shows it now (the configuration is valid here). */
    CheckRunOutput evaluate(PullRequestContext pr, Instant now) throws IOException;
}
