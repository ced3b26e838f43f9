package io.mojaloop.releasebot.bot.commands;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.github.Directory;
import io.mojaloop.releasebot.bot.story.UpdateReleaseStory;
import io.mojaloop.releasebot.render.Texts;
import io.mojaloop.releasebot.core.story.GateCommand;

/**
 * {@code /gate <gate-id> pass|fail|reset [evidence-url] [note]} on a release story: release managers record a gate's
 * result. The comment itself is the record: the story is rebuilt from the story's comments, the latest per gate
 * winning.
 */
@ApplicationScoped
public class RecordGate implements BotCommand {

    @Inject
    Directory directory;
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
        return texts.fragment(template(), "usage", Map.of());
    }

    @Override
    public String description() {
        return texts.fragment(template(), "description", Map.of());
    }

    @Override
    public Where where() {
        return Where.ISSUE;
    }

    @Override
    public String who(BotConfig config) {
        return texts.fragment(template(), "who", Map.of("config", config));
    }

    @Override
    public void run(CommandContext context) throws IOException {
        BotConfig config = context.config().config();
        Optional<Release> release = context.storyRelease(this, texts);
        if (release.isEmpty()) {
            return;
        }
        GateCommand.Parsed parsed = GateCommand.parse(context.line().arguments());
        if (!parsed.ok()) {
            context.reply(texts.render("commands/usage.md", Map.of("command", this, "problem",
                    texts.fragment(template(), "problem", Map.of("problem", parsed.problem())))));
            return;
        }
        if (config.gates().stream().map(Gate::id).noneMatch(parsed.gateId()::equals)) {
            context.reply(texts.render("commands/unknown-gate.md", Map.of("command", this, "id", parsed.gateId(),
                    "gates", config.gates())));
            return;
        }
        if (!directory.isReleaseManager(context.api(), context.owner(), config.releaseCandidates().approvers(),
                context.repository(), context.author())) {
            context.reply(texts.render("commands/refused.md", Map.of("command", this, "author", context.author(),
                    "who", who(config))));
            return;
        }
        context.done();
        stories.refresh(context.api(), context.owner(), config, release.get());
    }
}
