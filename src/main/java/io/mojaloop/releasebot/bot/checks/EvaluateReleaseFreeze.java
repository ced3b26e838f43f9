package io.mojaloop.releasebot.bot.checks;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.policy.FreezeException;
import io.mojaloop.releasebot.core.policy.FreezeFacts;
import io.mojaloop.releasebot.core.policy.FreezePolicy;
import io.mojaloop.releasebot.core.policy.FreezeVerdict;
import io.mojaloop.releasebot.github.model.CheckRunOutput;

/**
 * The {@code release-freeze} check run: the PR's base branch, title and labels against the release calendar, now,
 * decided by {@link FreezePolicy} and rendered by {@code templates/checks/release-freeze.md}. Also evaluated when a
 * freeze window opens or closes (the freeze clock).
 */
@ApplicationScoped
public class EvaluateReleaseFreeze implements PullRequestCheck {

    public static final String CHECK = "release-freeze";
    public static final String EXCEPTION_COMMAND = "/freeze-exception";
    /** The label the bot puts on a PR it granted the exception on; the exception holds only while it is there. */
    public static final String EXCEPTION_LABEL = "freeze-exception";

    @Inject
    CheckTexts checkTexts;

    @Override
    public String name() {
        return CHECK;
    }

    @Override
    public Set<Trigger> triggers() {
        return Set.of(Trigger.OPENED, Trigger.PUSHED, Trigger.BASE_CHANGED, Trigger.EDITED, Trigger.LABELS,
                Trigger.FREEZE_BOUNDARY);
    }

    @Override
    public CheckRunOutput evaluate(PullRequestContext pr, Instant now) throws IOException {
        BotConfig config = pr.config();
        FreezeException exception = pr.exception(EXCEPTION_COMMAND, EXCEPTION_LABEL, config.freeze().exceptionApprovers())
                .map(g -> new FreezeException(g.grantedBy(), g.reason())).orElse(null);
        FreezeVerdict verdict = FreezePolicy.evaluate(config,
                new FreezeFacts(pr.repositoryName(), pr.baseBranch(), pr.title(), pr.labels(), exception), now);
        return render(verdict, config, CheckTexts.PrView.of(pr), now);
    }

    /** The check run for a verdict, as {@code templates/checks/release-freeze.md} words it. */
    public CheckRunOutput render(FreezeVerdict verdict, BotConfig config, CheckTexts.PrView pr, Instant now) {
        return checkTexts.render(CHECK, "checks/release-freeze.md", verdict.passed(), Map.of("v", verdict, "config", config,
                "pr", pr), now);
    }
}
