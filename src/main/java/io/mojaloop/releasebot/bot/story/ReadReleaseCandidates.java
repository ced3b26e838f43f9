package io.mojaloop.releasebot.bot.story;

import java.io.IOException;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;



import io.mojaloop.releasebot.core.story.ReleaseVersion;
import io.mojaloop.releasebot.core.story.ReleaseWindow;
import io.mojaloop.releasebot.core.story.StoryFacts.Candidate;

import io.mojaloop.releasebot.github.model.Issue;


/**
 * Issues and PRs labelled {@code release-candidate} whose {@code rc: <version>} labels belong to the release, and
 * that belong to it in time ({@link ReleaseWindow}: open, or merged or closed since the release began). One search
 * serves every story of the organisation. A search that failed or was incomplete is said on the story, not shown as
 * "none".
 */
@ApplicationScoped
public class ReadReleaseCandidates implements EvidenceReader {


    /** The organisation's search: issues and PRs labelled, touched since the stories' earliest release began. */
    static String query(StoryScope scope) {
        return "org:" + scope.org() + " label:\"" + UpdateReleaseStory.RC_LABEL + "\"" + scope.updatedSince();
    }

    @Override
    public void read(StoryScope scope, StoryEvidence into) throws IOException {
        SearchProblems.Asked asked = SearchProblems.ask(scope, query(scope), "release candidates");
        // said on the story ("not read", "not complete"), not shown as "none declared"
        into.candidatesProblem = asked.problem();
        if (asked.result() == null) {
            return;
        }
        for (Issue found : asked.result().items()) {
            if (!ReleaseWindow.belongs(found.open(), found.pullRequest(), found.closedAt(), found.mergedAt(), scope.releaseSince())) {
                continue;
            }
            List<String> versions = new ArrayList<>();
            for (String name : found.labels()) {
                if (name.startsWith(UpdateReleaseStory.RC_VERSION_LABEL_PREFIX)) {
                    versions.add(name.substring(UpdateReleaseStory.RC_VERSION_LABEL_PREFIX.length()).trim());
                }
            }
            boolean ours = versions.isEmpty() || versions.stream()
                    .anyMatch(v -> ReleaseVersion.parse(v).map(rv -> rv.belongsTo(scope.release().version())).orElse(false));
            if (ours) {
                into.candidates.add(new Candidate(Items.of(found), found.pullRequest(), versions));
            }
        }
    }
}
