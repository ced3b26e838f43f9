package io.mojaloop.releasebot.bot.checks;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.policy.FreezeVerdict;
import io.mojaloop.releasebot.core.policy.ReviewVerdict;
import io.mojaloop.releasebot.render.Texts;
import io.mojaloop.releasebot.render.TimeTexts;

/**
 * Renders the two check runs from their verdicts, for GitHub and for the preview endpoint alike (same templates,
 * same words).
 */
@ApplicationScoped
public class CheckTexts {

    /** What the templates need to know of a PR. */
    public record PrView(String headSha, String baseBranch, String title) {
    }

    @Inject
    Texts texts;

    public CheckRunWriter.CheckRunOutput reviewRules(ReviewVerdict verdict, BotConfig config, PrView pr) {
        Map<String, Object> data = Map.of("v", verdict, "config", config, "pr", pr);
        return new CheckRunWriter.CheckRunOutput(EvaluateReviewRules.CHECK, verdict.passed() ? "success" : "failure",
                texts.fragment("checks/review-rules.md", "title", data),
                texts.fragment("checks/review-rules.md", "summary", data),
                texts.fragment("checks/review-rules.md", "text", data));
    }

    public CheckRunWriter.CheckRunOutput releaseFreeze(FreezeVerdict verdict, BotConfig config, PrView pr, Instant now) {
        Map<String, Object> data = new HashMap<>();
        data.put("v", verdict);
        data.put("config", config);
        data.put("pr", pr);
        data.put("time", new TimeTexts(now));
        return new CheckRunWriter.CheckRunOutput(EvaluateReleaseFreeze.CHECK, verdict.passed() ? "success" : "failure",
                texts.fragment("checks/release-freeze.md", "title", data),
                texts.fragment("checks/release-freeze.md", "summary", data),
                texts.fragment("checks/release-freeze.md", "text", data));
    }
}
