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
}
