package io.mojaloop.releasebot.bot.commands;

import java.io.IOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.bot.story.UpdateReleaseStory;

/** {@code /release-status} on a release story: rebuilds the story block now, from GitHub. */
@ApplicationScoped
public class RefreshReleaseStatus extends TemplatedCommand {

    @Inject
    UpdateReleaseStory stories;

    @Override
    public String name() {
        return "/release-status";
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
        return context.storyRelease().isPresent() ? Optional.empty() : Optional.of(notAStory());
    }

    @Override
    public void run(CommandContext context) throws IOException {
        context.done();
        stories.refreshNow(context.installationId(), context.github(), context.owner(), context.config().config(),
                context.storyRelease().orElseThrow());
    }
}
