package io.mojaloop.releasebot.bot.commands;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.mojaloop.releasebot.bot.checks.EvaluateReviewRules;
import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.github.model.PullRequest;

/**
 * {@code /review-exception <reason>}: the Design Authority lets a PR pass {@code review-rules}, on the head commit
 * it has when the bot accepts the grant. The bot's acknowledgement is a reply that records that commit
 * ({@link io.mojaloop.releasebot.core.command.CommandReply}) as well as the 👍: the check lets the exception hold
 * only while that commit is the head, so a push after the grant needs a new grant.
 */
@ApplicationScoped
public class GrantReviewException extends GrantException {

    @Override
    public String name() {
        return EvaluateReviewRules.EXCEPTION_COMMAND;
    }

    @Override
    protected void acknowledge(CommandContext context) throws IOException {
        PullRequest pr = context.github().pullRequest(context.repository(), context.number())
                .orElseThrow(() -> new IOException(context.repository() + "#" + context.number() + " is not a pull request"));
        context.reply(texts.fragment(template(), "granted", Map.of("author", context.author(), "commit", pr.headSha())),
                pr.headSha());
        context.done();
    }

    @Override
    protected String label() {
        return EvaluateReviewRules.EXCEPTION_LABEL;
    }

    @Override
    protected List<String> teams(BotConfig config) {
        return config.reviews().exceptionApprovers();
    }

    @Override
    protected String check() {
        return EvaluateReviewRules.CHECK;
    }
}
