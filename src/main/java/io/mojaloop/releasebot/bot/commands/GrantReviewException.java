package io.mojaloop.releasebot.bot.commands;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.mojaloop.releasebot.bot.checks.EvaluateReviewRules;
import io.mojaloop.releasebot.core.config.BotConfig;

/** {@code /review-exception <reason>}: the Design Authority lets a PR pass {@code review-rules}. */
@ApplicationScoped
public class GrantReviewException extends GrantException {

    public static final String LABEL = "review-exception";

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
    protected String check() {
        return EvaluateReviewRules.CHECK;
    }

    @Override
    protected String whyAReason() {
        return "A review exception needs a reason, so that everyone can see why the review rule was set aside.";
    }
}
