package io.mojaloop.releasebot.bot.story;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.mojaloop.releasebot.bot.checks.EvaluateReleaseFreeze;
import io.mojaloop.releasebot.bot.checks.EvaluateReviewRules;
import io.mojaloop.releasebot.bot.checks.ExceptionGrants;
import io.mojaloop.releasebot.bot.checks.PullRequestContext.Grant;
import io.mojaloop.releasebot.core.story.StoryFacts.ExceptionGrant;
import io.mojaloop.releasebot.core.story.SearchProblem;
import io.mojaloop.releasebot.github.model.Issue;
import io.mojaloop.releasebot.github.model.SearchResult;

/** Review and freeze exceptions on PRs of the release's repositories: the label, and who granted it and why. */
@ApplicationScoped
public class ReadExceptions implements EvidenceReader {

    private static final Logger LOG = Logger.getLogger(ReadExceptions.class);

    @Inject
    ExceptionGrants grants;

    @Override
    public void read(StoryScope scope, StoryEvidence into) throws IOException {
        read(scope, into, "review", "review-exception", EvaluateReviewRules.EXCEPTION_COMMAND,
                scope.config().reviews().exceptionApprovers());
        read(scope, into, "freeze", "freeze-exception", EvaluateReleaseFreeze.EXCEPTION_COMMAND,
                scope.config().freeze().exceptionApprovers());
    }

    private void read(StoryScope scope, StoryEvidence into, String kind, String label, String command, List<String> teams)
            throws IOException {
        SearchResult result;
        try {
            result = scope.search("org:" + scope.org() + " is:pr label:\"" + label + "\"");
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            // said on the story ("not read"), not shown as "none granted"
            into.exceptionsProblem = SearchProblems.of(e);
            LOG.warnf("Search for %s labels failed (%s): %s", label, into.exceptionsProblem.kind(), e.getMessage());
            return;
        }
        if (result.incomplete() && into.exceptionsProblem == null) {
            into.exceptionsProblem = SearchProblem.incomplete();
        }
        for (Issue pr : result.items()) {
            if (pr.repository() == null || !scope.release().covers(pr.repository())) {
                continue;
            }
            Optional<Grant> grant = grants.latest(scope.github(), scope.org(), teams, command,
                    scope.github().comments(pr.repository(), pr.number()), null);
            into.exceptions.add(new ExceptionGrant(kind, Items.of(pr), grant.map(Grant::grantedBy).orElse(null),
                    grant.map(Grant::reason).orElse(null)));
        }
    }
}
