package io.mojaloop.releasebot.bot.commands;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.mojaloop.releasebot.bot.checks.EvaluateReleaseFreeze;
import io.mojaloop.releasebot.core.config.BotConfig;

/** {@code /freeze-exception <reason>}: release managers let a PR pass {@code release-freeze} during a freeze. */
@ApplicationScoped
public class GrantFreezeException extends GrantException {

    @Override
    public String name() {
        return EvaluateReleaseFreeze.EXCEPTION_COMMAND;
    }

    @Override
    protected String label() {
        return EvaluateReleaseFreeze.EXCEPTION_LABEL;
    }

    @Override
    protected List<String> teams(BotConfig config) {
        return config.freeze().exceptionApprovers();
    }

    @Override
    protected String check() {
        return EvaluateReleaseFreeze.CHECK;
    }
}
