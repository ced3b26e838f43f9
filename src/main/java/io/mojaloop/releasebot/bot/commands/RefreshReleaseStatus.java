package io.mojaloop.releasebot.bot.commands;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
        return "/release-status";
    }

    @Override
    public String description() {
        return "Rebuilds the release story's summary block now (it is also kept current on its own).";
    }

    @Override
    public Where where() {
        return Where.ISSUE;
    }

    @Override
    public Access access() {
        return Access.anyone();
    }

    @Override
    public Optional<String> refuseInput(CommandContext context) {
        return context.storyRelease().isPresent() ? Optional.empty()
                : Optional.of(texts.render("commands/not-a-story.md", Map.of("command", this)));
    }

    @Override
    public void run(CommandContext context) throws IOException {
        context.done();
        stories.refresh(context.github(), context.owner(), context.config().config(), context.storyRelease().orElseThrow());
    }
}
