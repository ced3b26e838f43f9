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
}
