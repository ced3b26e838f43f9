package io.mojaloop.releasebot.bot.story;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.mojaloop.releasebot.core.story.ReleaseVersion;
import io.mojaloop.releasebot.core.story.StoryFacts.Candidate;
import io.mojaloop.releasebot.github.model.Issue;

/** Issues and PRs labelled {@code release-candidate} whose {@code rc: <version>} labels belong to the release. */
@ApplicationScoped
public class ReadReleaseCandidates implements EvidenceReader {

    @Override
    public void read(StoryScope scope, StoryEvidence into) throws IOException {
        for (Issue found : scope.search("org:" + scope.org() + " label:\"" + UpdateReleaseStory.RC_LABEL + "\"").items()) {
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
