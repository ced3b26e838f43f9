package io.mojaloop.releasebot.bot.checks;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.policy.ReviewException;
import io.mojaloop.releasebot.core.policy.ReviewFact;
import io.mojaloop.releasebot.core.policy.ReviewFacts;
import io.mojaloop.releasebot.core.policy.ReviewPolicy;
import io.mojaloop.releasebot.core.policy.ReviewVerdict;
import io.mojaloop.releasebot.github.model.CheckRunOutput;

/**
 * The {@code review-rules} check run: a PR's reviews, the reviewers' organisations and a Design Authority
 * exception, decided by {@link ReviewPolicy} and rendered by {@code templates/checks/review-rules.md}.
 */
@ApplicationScoped
public class EvaluateReviewRules implements PullRequestCheck {

    public static final String CHECK = "review-rules";
    public static final String EXCEPTION_COMMAND = "/review-exception";
    /** The label the bot puts on a PR it granted the exception on; the exception holds only while it is there. */
    public static final String EXCEPTION_LABEL = "review-exception";

    @Inject
    CheckTexts checkTexts;

    @Override
    public String name() {
        return CHECK;
    }

    @Override
    public Set<Trigger> triggers() {
        return Set.of(Trigger.OPENED, Trigger.PUSHED, Trigger.BASE_CHANGED, Trigger.REVIEW, Trigger.LABELS);
    }

    @Override
    public CheckRunOutput evaluate(PullRequestContext pr, Instant now) throws IOException {
        BotConfig config = pr.config();
        List<ReviewFact> reviews = pr.reviews();
        Map<String, String> companies = new HashMap<>();
        for (String login : ReviewPolicy.loginsNeedingCompany(config, pr.author(), pr.headSha(), reviews)) {
            pr.company(login).ifPresent(c -> companies.put(login, c));
        }
        ReviewException exception = pr.exception(EXCEPTION_COMMAND, EXCEPTION_LABEL, config.reviews().exceptionApprovers())
                .map(g -> new ReviewException(g.grantedBy(), g.reason(), g.commit())).orElse(null);
        ReviewVerdict verdict = ReviewPolicy.evaluate(config,
                new ReviewFacts(pr.author(), pr.headSha(), reviews, companies, exception));
        return render(verdict, config, CheckTexts.PrView.of(pr), now);
    }

    /** The check run for a verdict, as {@code templates/checks/review-rules.md} words it. */
    public CheckRunOutput render(ReviewVerdict verdict, BotConfig config, CheckTexts.PrView pr, Instant now) {
        return checkTexts.render(CHECK, "checks/review-rules.md", verdict.passed(), Map.of("v", verdict, "config", config,
                "pr", pr), now);
    }
}
