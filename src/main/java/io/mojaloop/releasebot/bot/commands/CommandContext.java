package io.mojaloop.releasebot.bot.commands;

import io.mojaloop.releasebot.core.command.CommandLine;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.mojaloop.releasebot.core.config.ParsedConfig;
import io.mojaloop.releasebot.github.GitHubApi;

/** What a command needs to know about the comment that invoked it, and how it answers. */
public record CommandContext(GitHubApi api, long installationId, String repository, int number, boolean pullRequest,
        long commentId, String author, CommandLine line, ParsedConfig config) {

    public String owner() {
        return repository.substring(0, repository.indexOf('/'));
    }

    /** Posts a reply comment on the issue or PR. */
    public void reply(String markdown) throws IOException {
        api.comment(repository, number, markdown);
    }

    /** 👍 on the command's comment: done. */
    public void done() throws IOException {
        api.post("/repos/" + repository + "/issues/comments/" + commentId + "/reactions", Map.of("content", "+1"));
    }

    /** The release whose story this issue is; otherwise replies that the command works only on a story. */
    public java.util.Optional<io.mojaloop.releasebot.core.config.Release> storyRelease(BotCommand command,
            io.mojaloop.releasebot.render.Texts texts) throws IOException {
        var release = io.mojaloop.releasebot.bot.story.UpdateReleaseStory.releaseWithStory(config.config(), repository, number);
        if (release.isEmpty()) {
            reply(texts.render("commands/not-a-story.md", Map.of("command", command)));
        }
        return release;
    }

    public void addLabels(String... labels) throws IOException {
        api.post("/repos/" + repository + "/issues/" + number + "/labels", Map.of("labels", List.of(labels)));
    }
}
