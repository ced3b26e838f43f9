package io.mojaloop.releasebot.bot.story;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.mojaloop.releasebot.core.story.ReleaseVersion;
import io.mojaloop.releasebot.core.story.StoryFacts.Candidate;
import io.mojaloop.releasebot.core.story.SearchProblem;
import io.mojaloop.releasebot.github.model.Issue;
import io.mojaloop.releasebot.github.model.SearchResult;

/**
 * Issues and PRs labelled {@code release-candidate} whose {@code rc: <version>} labels belong to the release. A
 * search that failed or was incomplete is said on the story, not shown as "none".
 */
@ApplicationScoped
public class ReadReleaseCandidates implements EvidenceReader {

    private static final Logger LOG = Logger.getLogger(ReadReleaseCandidates.class);

    @Override
    public void read(StoryScope scope, StoryEvidence into) throws IOException {
        SearchResult result;
        try {
            result = scope.search("org:" + scope.org() + " label:\"" + UpdateReleaseStory.RC_LABEL + "\"");
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            // said on the story ("not read"), not shown as "none declared"
            into.candidatesProblem = SearchProblems.of(e);
            LOG.warnf("Search for release candidates failed (%s): %s", into.candidatesProblem.kind(), e.getMessage());
            return;
        }
        if (result.incomplete()) {
            into.candidatesProblem = SearchProblem.incomplete();
        }
        for (Issue found : result.items()) {
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
