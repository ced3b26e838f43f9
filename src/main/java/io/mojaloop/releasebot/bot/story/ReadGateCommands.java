package io.mojaloop.releasebot.bot.story;

import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.core.command.CommandLine;
import io.mojaloop.releasebot.core.story.GateCommand;
import io.mojaloop.releasebot.github.AppIdentity;
import io.mojaloop.releasebot.github.Directory;
import io.mojaloop.releasebot.github.model.Comment;

/**
 * {@code /gate} commands on the story, by release managers, for gates the configuration has, as first written: an
 * edited comment records nothing.
 */
@ApplicationScoped
public class ReadGateCommands implements EvidenceReader {

    @Inject
    Directory directory;
    @Inject
    AppIdentity identity;

    @Override
    public void read(StoryScope scope, StoryEvidence into) throws IOException {
        Set<String> gateIds = new HashSet<>();
        scope.config().gates().forEach(g -> gateIds.add(g.id()));
        for (Comment comment : scope.storyComments()) {
            if (identity.isOwn(comment) || comment.edited()) {
                continue;
            }
            Optional<CommandLine> line = CommandLine.parse(comment.body());
            if (line.isEmpty() || !line.get().name().equals("/gate")) {
                continue;
            }
            GateCommand.Parsed parsed = GateCommand.parse(line.get().arguments());
            String author = comment.author();
            if (!parsed.ok() || !gateIds.contains(parsed.gateId()) || author.endsWith("[bot]")
                    || !directory.isReleaseManager(scope.github(), scope.org(),
                            scope.config().releaseCandidates().approvers(), scope.storyRepository(), author)) {
                continue;
            }
            into.gateCommands.add(new GateCommand(parsed.gateId(), parsed.action(), parsed.evidenceUrl(), parsed.note(),
                    author, comment.createdAt(), comment.htmlUrl()));
        }
    }
}
