package io.mojaloop.releasebot.bot.commands;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.bot.story.UpdateReleaseStory;
import io.mojaloop.releasebot.render.Texts;

/** {@code /release-status} on a release story: rebuilds the story block now, from GitHub. */
@ApplicationScoped
public class RefreshReleaseStatus implements BotCommand {

    @Inject
    Texts texts;
    @Inject
    UpdateReleaseStory stories;

    @Override
    public String name() {
        return "/release-status";
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
        context.done();
        stories.refresh(context.api(), context.owner(), config, release.get());
    }
}
