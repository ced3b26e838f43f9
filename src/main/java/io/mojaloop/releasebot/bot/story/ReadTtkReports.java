package io.mojaloop.releasebot.bot.story;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.core.report.TtkRecord;
import io.mojaloop.releasebot.core.story.StoryFacts;
import io.mojaloop.releasebot.github.AppIdentity;
import io.mojaloop.releasebot.github.model.Comment;

/** Testing Toolkit reports the bot recorded on the story: the record line of its own summary comments. */
@ApplicationScoped
public class ReadTtkReports implements EvidenceReader {

    @Inject
    AppIdentity identity;

    @Override
    public void read(StoryScope scope, StoryEvidence into) throws IOException {
        for (Comment comment : scope.storyComments()) {
            if (identity.isOwn(comment)) {
                TtkRecord.read(comment.body()).ifPresent(
                        r -> into.ttkReports.add(new StoryFacts.TtkEvidence(r, comment.createdAt(), comment.htmlUrl())));
            }
        }
    }
}
