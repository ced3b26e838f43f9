package io.mojaloop.releasebot.bot.story;

import java.io.IOException;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;



import io.mojaloop.releasebot.bot.checks.EvaluateReleaseFreeze;
import io.mojaloop.releasebot.bot.checks.EvaluateReviewRules;
import io.mojaloop.releasebot.bot.checks.ExceptionGrants;
import io.mojaloop.releasebot.bot.checks.PullRequestContext.Grant;
import io.mojaloop.releasebot.core.story.ReleaseWindow;
import io.mojaloop.releasebot.core.story.StoryFacts.ExceptionGrant;

import io.mojaloop.releasebot.github.model.Issue;


/**
 * Review and freeze exceptions on PRs of the release's repositories: the label, and who granted it and why. One
 * search finds both kinds for every story of the organisation; each story keeps the PRs of its repositories that
 * belong to its release ({@link ReleaseWindow}: open, or merged since the release began).
 */
@ApplicationScoped
public class ReadExceptions implements EvidenceReader {


    @Inject
    ExceptionGrants grants;

    /** The organisation's search: PRs carrying either label, touched since the stories' earliest release began. */
    static String query(StoryScope scope) {
        return "org:" + scope.org() + " is:pr label:\"" + EvaluateReviewRules.EXCEPTION_LABEL + "\",\""
                + EvaluateReleaseFreeze.EXCEPTION_LABEL + "\"" + scope.updatedSince();
    }

    @Override
    public void read(StoryScope scope, StoryEvidence into) throws IOException {
        SearchProblems.Asked asked = SearchProblems.ask(scope, query(scope), "exception labels");
        // said on the story ("not read", "not complete"), not shown as "none granted"
        into.exceptionsProblem = asked.problem();
        if (asked.result() == null) {
            return;
        }
        List<Issue> found = asked.result().items().stream()
                .filter(pr -> pr.repository() != null && scope.release().covers(pr.repository()))
                .filter(pr -> ReleaseWindow.belongs(pr.open(), true, pr.closedAt(), pr.mergedAt(), scope.releaseSince()))
                .toList();
        read(scope, into, found, "review", EvaluateReviewRules.EXCEPTION_LABEL, EvaluateReviewRules.EXCEPTION_COMMAND,
                scope.config().reviews().exceptionApprovers());
        read(scope, into, found, "freeze", EvaluateReleaseFreeze.EXCEPTION_LABEL, EvaluateReleaseFreeze.EXCEPTION_COMMAND,
                scope.config().freeze().exceptionApprovers());
    }

    private void read(StoryScope scope, StoryEvidence into, List<Issue> found, String kind, String label, String command,
            List<String> teams) throws IOException {
        for (Issue pr : found) {
            if (!pr.hasLabel(label)) {
                continue;
            }
            Optional<Grant> grant = grants.latest(scope.github(), scope.org(), teams, command,
                    scope.github().comments(pr.repository(), pr.number()), null);
            into.exceptions.add(new ExceptionGrant(kind, Items.of(pr), grant.map(Grant::grantedBy).orElse(null),
                    grant.map(Grant::reason).orElse(null)));
        }
    }
}
