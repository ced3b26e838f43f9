package io.mojaloop.releasebot.bot.commands;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import io.mojaloop.releasebot.bot.PullRequestRef;
import io.mojaloop.releasebot.bot.checks.EvaluatePullRequest;
import io.mojaloop.releasebot.bot.story.UpdateReleaseStory;
import io.mojaloop.releasebot.core.config.BotConfig;

/**
 * An exception command ({@code /review-exception}, {@code /freeze-exception}): a member of the configured teams
 * lets a PR pass one check. It needs a reason; it labels the PR, acknowledges the grant and queues the check, which
 * finds the exception again in the PR's comments every time (see ExceptionGrants). Anyone else is refused by the
 * router.
 */
public abstract class GrantException extends TemplatedCommand {

    @Inject
    EvaluatePullRequest evaluations;
    @Inject
    UpdateReleaseStory stories;

    /** The label that marks the PR. */
    protected abstract String label();

    /** The team slugs whose members may grant it. */
    protected abstract List<String> teams(BotConfig config);

    /** The name of the check the exception applies to. */
    protected abstract String check();

    /** Tells the granter it is done: 👍. */
    protected void acknowledge(CommandContext context) throws IOException {
        context.done();
    }

    @Override
    public Where where() {
        return Where.PULL_REQUEST;
    }

    @Override
    public Access access() {
        return Access.membersOf(this::teams);
    }

    @Override
    public Optional<String> refuseInput(CommandContext context) {
        return context.line().arguments().isBlank() ? Optional.of(usageProblem("noReason", Map.of())) : Optional.empty();
    }

    @Override
    public void run(CommandContext context) throws IOException {
        context.addLabels(label());
        acknowledge(context);
        evaluations.request(new PullRequestRef(context.installationId(), context.repository(), context.number()),
                List.of(check()));
        stories.request(context.installationId(), context.owner());
    }
}
