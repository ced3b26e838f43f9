package io.mojaloop.releasebot.bot.story;

import java.io.IOException;

/**
 * One kind of evidence on a release story (gate commands, TTK reports, blocking bugs, candidates, exceptions,
 * application versions, repository standards, release notes). Readers are CDI beans, found and run in a list by
 * {@link UpdateReleaseStory}; each reads through the {@link StoryScope} (reads shared within a rebuild) and puts
 * what it found into the {@link StoryEvidence}. Adding a kind of evidence is one reader (and its part of the story
 * template).
 */
public interface EvidenceReader {

    void read(StoryScope scope, StoryEvidence into) throws IOException;
}
