package io.mojaloop.releasebot.github;

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

import io.mojaloop.releasebot.config.BotConfig;
import io.mojaloop.releasebot.policy.ReviewException;
import io.mojaloop.releasebot.policy.ReviewFact;
import io.mojaloop.releasebot.policy.ReviewFacts;
import io.mojaloop.releasebot.policy.ReviewPolicy;
import io.mojaloop.releasebot.policy.ReviewState;
import io.mojaloop.releasebot.policy.ReviewVerdict;
import io.quarkiverse.githubapp.event.PullRequest;
import io.quarkiverse.githubapp.event.PullRequestReview;

/**
 * The {@code review-rules} check run: gathers a PR's reviews, affiliations and exception from GitHub, asks
 * {@link ReviewPolicy} for the verdict and writes it on the PR's head commit.
 */
@ApplicationScoped
public class EvaluateReviewRules implements PullRequestCheck {

    private static final Logger LOG = Logger.getLogger(EvaluateReviewRules.class);

    public static final String CHECK = "review-rules";
    public static final String EXCEPTION_COMMAND = "/review-exception";

    @Inject
    GitHubApiFactory apis;
    @Inject
    PullRequests pullRequests;
    @Inject
    Directory directory;
    @Inject
    ExceptionGrants grants;
    @Inject
    CheckRunWriter writer;
    @Inject
    CheckTexts checkTexts;
    @Inject
    Observed observed;

    void onPullRequest(@PullRequest.Opened @PullRequest.Reopened @PullRequest.Synchronize @PullRequest.ReadyForReview
    @PullRequest.Edited GHEventPayload.PullRequest payload) {
        if ("edited".equals(payload.getAction())
                && (payload.getChanges() == null || payload.getChanges().getBase() == null)) {
            return; // only a base change matters to the review rules
        }
        evaluateQuietly(new PullRequestRef(payload.getInstallation().getId(), payload.getRepository().getFullName(),
                payload.getNumber()));
    }

    void onReview(@PullRequestReview.Submitted @PullRequestReview.Edited @PullRequestReview.Dismissed
    GHEventPayload.PullRequestReview payload) {
        evaluateQuietly(new PullRequestRef(payload.getInstallation().getId(), payload.getRepository().getFullName(),
                payload.getPullRequest().getNumber()));
    }

    /** Evaluates and writes; failures are logged (the periodic resync heals what a failure left behind). */
    public void evaluateQuietly(PullRequestRef ref) {
        try {
            evaluate(ref);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "review-rules for %s failed", ref);
        }
    }

    @Override
    public String name() {
        return CHECK;
    }

    @Override
    public void evaluate(PullRequestRef ref) throws IOException {
        GitHubApi api = apis.forInstallation(ref.installationId());
        PullRequests.Snapshot pr = pullRequests.load(api, ref);
        if (pr == null) {
            return;
        }
        CheckRunWriter.CheckRunOutput output = verdictOutput(api, ref, pr);
        writer.write(api, ref.repository(), pr.headSha(), output);
        observed.check(ref, output, java.time.Instant.now());
    }

    /** The check-run content for a PR as GitHub shows it now. */
    public CheckRunWriter.CheckRunOutput verdictOutput(GitHubApi api, PullRequestRef ref, PullRequests.Snapshot pr)
            throws IOException {
        if (!pr.config().parsed().ok()) {
            return pullRequests.configErrorOutput(CHECK, pr.config().parsed());
        }
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
        return checkTexts.reviewRules(verdict, config, new CheckTexts.PrView(pr.headSha(), pr.baseBranch(), pr.title()));
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
