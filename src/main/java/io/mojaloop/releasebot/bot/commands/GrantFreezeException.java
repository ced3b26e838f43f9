package io.mojaloop.releasebot.bot.commands;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.mojaloop.releasebot.bot.checks.EvaluateReleaseFreeze;
import io.mojaloop.releasebot.core.config.BotConfig;

/** {@code /freeze-exception <reason>}: release managers let a PR pass {@code release-freeze} during a freeze. */
@ApplicationScoped
public class GrantFreezeException extends GrantException {

    public static final String LABEL = "freeze-exception";

    @Override
    public String name() {
        return EvaluateReleaseFreeze.EXCEPTION_COMMAND;
    }

    @Override
    public String description() {
        return "Lets this pull request pass `release-freeze` during a freeze; the reason is shown on the check and the release story.";
    }

    @Override
    protected String label() {
        return LABEL;
    }

    @Override
    protected List<String> teams(BotConfig config) {
        return config.freeze().exceptionApprovers();
    }

    @Override
    protected String check() {
        return EvaluateReleaseFreeze.CHECK;
    }

    @Override
    protected String whyAReason() {
        return "A freeze exception needs a reason, so that the release manager can see why this change goes in during the freeze.";
    }
}
