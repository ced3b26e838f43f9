package io.mojaloop.releasebot.bot.commands;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.bot.story.UpdateReleaseStory;
import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.core.story.GateCommand;

/**
 * {@code /gate <gate-id> pass|fail|reset [evidence-url] [note]} on a release story, by release managers: records a
 * gate's result. The comment itself is the record; the story is rebuilt from the story's comments.
 */
@ApplicationScoped
public class RecordGate extends TemplatedCommand {

    @Inject
    UpdateReleaseStory stories;

    @Override
    public String name() {
        return "/gate";
    }

    @Override
    public Where where() {
        return Where.ISSUE;
    }

    @Override
    public Access access() {
        return Access.releaseManagers();
    }

    @Override
    public Optional<String> refuseInput(CommandContext context) {
        BotConfig config = context.config().config();
        if (context.storyRelease().isEmpty()) {
            return Optional.of(notAStory());
        }
        GateCommand.Parsed parsed = GateCommand.parse(context.line().arguments());
        if (!parsed.ok()) {
            return Optional.of(usageProblem("problem", Map.of("problem", parsed.problem())));
        }
        if (config.gates().stream().map(Gate::id).noneMatch(parsed.gateId()::equals)) {
            return Optional.of(texts.render("commands/unknown-gate.md", Map.of("command", this, "id", parsed.gateId(),
                    "gates", config.gates())));
        }
        return Optional.empty();
    }

    @Override
    public void run(CommandContext context) throws IOException {
        context.done();
        // the comment is the record: the story is rebuilt on the story timer, not on this thread
        stories.requestAfterStoryComment(context.installationId(), context.owner());
    }
}
