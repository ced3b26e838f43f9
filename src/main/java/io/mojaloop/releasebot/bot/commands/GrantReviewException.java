package io.mojaloop.releasebot.bot.commands;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.bot.checks.EvaluateReviewRules;
import io.mojaloop.releasebot.bot.checks.PullRequestCheck;

/** {@code /review-exception <reason>}: the Design Authority lets a PR pass {@code review-rules}. */
@ApplicationScoped
public class GrantReviewException extends GrantException {

    public static final String LABEL = "review-exception";

    @Inject
    EvaluateReviewRules reviewRules;

    @Override
    public String name() {
        return EvaluateReviewRules.EXCEPTION_COMMAND;
    }

    @Override
    public String description() {
        return "Lets this pull request pass `review-rules` without the usual approvals; the reason is shown on the check and the release story.";
    }

    @Override
    protected String label() {
        return LABEL;
    }

    @Override
    protected List<String> teams(BotConfig config) {
        return config.reviews().exceptionApprovers();
    }

    @Override
    protected PullRequestCheck check() {
        return reviewRules;
    }

    @Override
    protected String whyAReason() {
        return "A review exception needs a reason, so that everyone can see why the review rule was set aside.";
    }
}
