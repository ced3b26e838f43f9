package io.mojaloop.releasebot.bot.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.bot.contents.ReadMergeAudit;
import io.mojaloop.releasebot.bot.contents.ReadReleaseContents;
import io.mojaloop.releasebot.core.contents.ReleaseContents;

/**
 * What the release is: its umbrella chart's components and their changes ({@link ReadReleaseContents}), and the
 * audit of the merged PRs those changes name ({@link ReadMergeAudit}). Never fails the rebuild: what could not be
 * read is a problem line of the contents, or makes the audit "not checked" or incomplete.
 */
@ApplicationScoped
public class ReadContents implements EvidenceReader {

    @Inject
    ReadReleaseContents contents;
    @Inject
    ReadMergeAudit audit;

    @Override
    public void read(StoryScope scope, StoryEvidence into) {
        ReleaseContents read = contents.read(scope.org(), scope.config(), scope.release(), scope.github());
        ReadMergeAudit.Result merged = audit.read(scope.org(), scope.config(), scope.release(), read, scope.github());
        into.contents = read;
        into.audit = merged;
    }
}
