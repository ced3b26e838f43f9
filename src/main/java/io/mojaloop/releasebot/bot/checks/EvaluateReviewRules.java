package io.mojaloop.releasebot.bot.checks;

import io.mojaloop.releasebot.bot.PullRequestRef;
import io.mojaloop.releasebot.github.Directory;
import io.mojaloop.releasebot.github.GitHubApi;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.kohsuke.github.GHEventPayload;

import com.fasterxml.jackson.databind.JsonNode;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.policy.ReviewException;
import io.mojaloop.releasebot.core.policy.ReviewFact;
import io.mojaloop.releasebot.core.policy.ReviewFacts;
import io.mojaloop.releasebot.core.policy.ReviewPolicy;
import io.mojaloop.releasebot.core.policy.ReviewState;
import io.mojaloop.releasebot.core.policy.ReviewVerdict;
import io.quarkiverse.githubapp.event.PullRequest;
import io.quarkiverse.githubapp.event.PullRequestReview;

/**
 * The {@code review-rules} check run: gathers a PR's reviews, affiliations and exception from GitHub, asks
 * {@link ReviewPolicy} for the verdict and writes it on the PR's head commit.
 */
@ApplicationScoped
public class EvaluateReviewRules extends PullRequestCheckRun {


    public static final String CHECK = "review-rules";
    public static final String EXCEPTION_COMMAND = "/review-exception";

    @Inject
    Directory directory;

    void onReview(@PullRequestReview.Submitted @PullRequestReview.Edited @PullRequestReview.Dismissed
    GHEventPayload.PullRequestReview payload) {
        submit(new PullRequestRef(payload.getInstallation().getId(), payload.getRepository().getFullName(),
                payload.getPullRequest().getNumber()));
    }

    @Override
    public String name() {
        return CHECK;
    }

    @Override
    protected CheckRunWriter.CheckRunOutput output(GitHubApi api, PullRequestRef ref, PullRequests.Snapshot pr, Instant now)
            throws IOException {
        BotConfig config = pr.config().parsed().config();
        List<ReviewFact> reviews = reviews(api, ref);
        Map<String, String> companies = new HashMap<>();
        for (String login : ReviewPolicy.loginsNeedingCompany(config, pr.author(), pr.headSha(), reviews)) {
            directory.company(api, login).ifPresent(c -> companies.put(login, c));
        }
        ReviewException exception = toException(grants.latest(api, ref.owner(), config.reviews().exceptionApprovers(), EXCEPTION_COMMAND,
                pr.comments(api)));
        ReviewVerdict verdict = ReviewPolicy.evaluate(config,
                new ReviewFacts(pr.author(), pr.headSha(), reviews, companies, exception));
        return checkTexts.reviewRules(verdict, config, view(pr));
    }

    private static List<ReviewFact> reviews(GitHubApi api, PullRequestRef ref) throws IOException {
        List<ReviewFact> facts = new ArrayList<>();
        for (JsonNode review : api.getAll("/repos/" + ref.repository() + "/pulls/" + ref.number() + "/reviews")) {
            String login = review.path("user").path("login").asText(null);
            if (login == null) {
                continue; // a deleted account ("ghost") without a login
            }
            boolean bot = "Bot".equals(review.path("user").path("type").asText());
            String submitted = review.path("submitted_at").asText(null);
            facts.add(new ReviewFact(login, bot, state(review.path("state").asText()), review.path("commit_id").asText(null),
                    submitted == null ? null : Instant.parse(submitted)));
        }
        return facts;
    }

    private static ReviewState state(String state) {
        try {
            return ReviewState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ReviewState.COMMENTED;
        }
    }



    private static ReviewException toException(ExceptionGrants.Grant grant) {
        return grant == null ? null : new ReviewException(grant.grantedBy(), grant.reason());
    }
}
