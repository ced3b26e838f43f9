package io.mojaloop.releasebot.bot.commands;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import io.mojaloop.releasebot.bot.story.UpdateReleaseStory;
import io.mojaloop.releasebot.core.command.CommandLine;
import io.mojaloop.releasebot.core.command.CommandReply;
import io.mojaloop.releasebot.core.config.ParsedConfig;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.github.GitHub;

/**
 * What a command needs to know about the comment that invoked it, and how it answers. {@code replied}: an earlier
 * attempt at this command (which then failed) posted its reply already, so {@link #reply} posts nothing.
 */
public record CommandContext(GitHub github, long installationId, String repository, int number, boolean pullRequest,
        long commentId, String author, CommandLine line, ParsedConfig config, boolean replied) {

    public String owner() {
        return repository.substring(0, repository.indexOf('/'));
    }

    /**
     * Posts a reply comment on the issue or PR, ending with the record line that names the command's comment
     * ({@link CommandReply}): the bot's answer can be found again from GitHub, so the command never runs twice.
     */
    public void reply(String markdown) throws IOException {
        reply(markdown, null);
    }

    /** A reply that also records the head commit a review exception was granted on. */
    public void reply(String markdown, String commit) throws IOException {
        if (replied) {
            return; // an earlier attempt that failed later on posted it
        }
        String text = markdown.endsWith("\n") ? markdown : markdown + "\n";
        github.comment(repository, number, text + "\n" + new CommandReply(commentId, commit).line() + "\n");
    }

    /** 👍 on the command's comment: done. */
    public void done() throws IOException {
        github.react(repository, commentId, "+1");
    }

    /** The release whose story this issue is. */
    public Optional<Release> storyRelease() {
        return UpdateReleaseStory.releaseWithStory(config.config(), repository, number);
    }

    public void addLabels(String... labels) throws IOException {
        github.addLabels(repository, number, List.of(labels));
    }
}
