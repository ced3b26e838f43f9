package io.mojaloop.releasebot.bot.story;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.mojaloop.releasebot.core.story.ReleaseReadiness;
import io.mojaloop.releasebot.core.story.StoryFacts.ComponentVersion;
import io.mojaloop.releasebot.github.model.GitHubRelease;

/** The newest published release of each of the release's repositories, and every published release of helm. */
@ApplicationScoped
public class ReadApplicationVersions implements EvidenceReader {

    @Override
    public void read(StoryScope scope, StoryEvidence into) throws IOException {
        for (String repo : scope.release().repos()) {
            String full = scope.fullName(repo);
            List<ComponentVersion> published = new ArrayList<>();
            for (GitHubRelease r : scope.releases(full)) {
                if (!r.draft()) {
                    published.add(new ComponentVersion(full, r.tag(), r.htmlUrl(), r.prerelease(), r.publishedAt()));
                }
            }
            published.sort(Comparator.comparing(ComponentVersion::publishedAt,
                    Comparator.nullsFirst(Comparator.naturalOrder())).reversed());
            if (!published.isEmpty()) {
                into.versions.add(published.get(0));
            }
            if (full.substring(full.indexOf('/') + 1).equalsIgnoreCase(ReleaseReadiness.HELM)) {
                into.helmReleases.addAll(published);
            }
        }
    }
}
