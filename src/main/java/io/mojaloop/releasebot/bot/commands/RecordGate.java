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
import io.mojaloop.releasebot.render.Texts;

/**
 * {@code /gate <gate-id> pass|fail|reset [evidence-url] [note]} on a release story: release managers record a gate's
 * result. The comment itself is the record: the story is rebuilt from the story's comments, the latest per gate
 * winning.
 */
@ApplicationScoped
public class RecordGate implements BotCommand {

    @Inject
    Texts texts;
    @Inject
    UpdateReleaseStory stories;

    @Override
    public String name() {
        return "/gate";
    }

    @Override
    public String usage() {
        return "/gate <gate-id> pass|fail|reset [evidence-url] [note]";
    }

    @Override
    public String description() {
        return "Records a gate's result on the release story (the latest per gate wins; `reset` goes back to automatic evidence).";
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
    public String who(BotConfig config) {
        return config.releaseCandidates().approvers().isEmpty() ? "anyone with write permission on the story's repository"
                : Teams.describe(config.releaseCandidates().approvers());
    }

    @Override
    public Optional<String> refuseInput(CommandContext context) {
        BotConfig config = context.config().config();
        if (context.storyRelease().isEmpty()) {
            return Optional.of(texts.render("commands/not-a-story.md", Map.of("command", this)));
        }
        GateCommand.Parsed parsed = GateCommand.parse(context.line().arguments());
        if (!parsed.ok()) {
            return Optional.of(texts.render("commands/usage.md", Map.of("command", this, "problem", parsed.problem())));
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
        stories.refresh(context.github(), context.owner(), context.config().config(), context.storyRelease().orElseThrow());
    }
}
