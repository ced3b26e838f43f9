package io.mojaloop.releasebot.bot.commands;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.github.Directory;
import io.mojaloop.releasebot.bot.checks.PullRequestCheck;
import io.mojaloop.releasebot.bot.PullRequestRef;
import io.mojaloop.releasebot.render.Texts;

/**
 * An exception command ({@code /review-exception}, {@code /freeze-exception}): a member of the configured teams
 * lets a PR pass one check. It needs a reason; it labels the PR and re-evaluates the check, which finds the
 * exception again in the PR's comments every time (see ExceptionGrants). Anyone else gets a refusal naming who may
 * grant it, and nothing changes.
 */
public abstract class GrantException implements BotCommand {

    @Inject
    Directory directory;
    @Inject
    Texts texts;
    @Inject
    io.mojaloop.releasebot.bot.story.UpdateReleaseStory stories;

    /** The label that marks the PR. */
    protected abstract String label();

    /** The team slugs whose members may grant it. */
    protected abstract List<String> teams(BotConfig config);

    /** The check the exception applies to. */
    protected abstract PullRequestCheck check();

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
        return Where.PULL_REQUEST;
    }

    @Override
    public String who(BotConfig config) {
        return texts.fragment(template(), "who", Map.of("config", config));
    }

    @Override
    public void run(CommandContext context) throws IOException {
        BotConfig config = context.config().config();
        if (context.line().arguments().isBlank()) {
            context.reply(texts.render("commands/usage.md", Map.of("command", this, "problem", texts.fragment(template(), "noReason", Map.of()))));
            return;
        }
        if (!directory.inAnyTeam(context.api(), context.owner(), teams(config), context.author())) {
            context.reply(texts.render("commands/refused.md", Map.of("command", this, "author", context.author(),
                    "who", who(config))));
            return;
        }
        context.addLabels(label());
        context.done();
        check().evaluate(new PullRequestRef(context.installationId(), context.repository(), context.number()));
        stories.request(context.installationId(), context.owner());
    }
}
