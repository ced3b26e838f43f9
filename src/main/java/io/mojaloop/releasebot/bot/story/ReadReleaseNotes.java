package io.mojaloop.releasebot.bot.story;

import java.io.IOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.core.config.GateKind;
import io.mojaloop.releasebot.core.story.ReleaseVersion;
import io.mojaloop.releasebot.core.story.StoryFacts;
import io.mojaloop.releasebot.github.model.FileContent;
import io.mojaloop.releasebot.github.model.GitHubRelease;

/** The release notes: the notes file on the helm repository's default branch, or a release body for the version. */
@ApplicationScoped
public class ReadReleaseNotes implements EvidenceReader {

    @Override
    public void read(StoryScope scope, StoryEvidence into) throws IOException {
        Optional<Gate> gate = scope.config().gates().stream().filter(g -> g.kind() == GateKind.RELEASE_NOTES).findFirst();
        if (gate.isEmpty()) {
            return;
        }
        String helmRepo = scope.helmRepository();
        String path = gate.get().notesPath(scope.release().version());
        Optional<FileContent> file = scope.github().file(helmRepo, path);
        if (file.isPresent() && file.get().size() > 0) {
            into.notes = StoryFacts.ReleaseNotes.file(path, helmRepo, file.get().htmlUrl() != null ? file.get().htmlUrl()
                    : "https://github.com/" + helmRepo + "/blob/HEAD/" + path, file.get().text());
            return;
        }
        for (GitHubRelease r : scope.releases(helmRepo)) {
            if (ReleaseVersion.sameTag(r.tag(), scope.release().version()) && r.body() != null && !r.body().isBlank()) {
                into.notes = StoryFacts.ReleaseNotes.release(r.tag(), r.draft(), r.htmlUrl(), r.body());
                return;
            }
        }
        into.notes = StoryFacts.ReleaseNotes.missing(path, helmRepo, scope.release().version());
    }
}
