package io.mojaloop.releasebot.bot.commands;

import java.util.Map;

import jakarta.inject.Inject;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.render.Texts;

/** A command whose words (usage, description, who may use it) are fragments of its template, {@link #template()}. */
public abstract class TemplatedCommand implements BotCommand {

    @Inject
    Texts texts;

    @Override
    public String usage() {
        return texts.fragment(template(), "usage", Map.of());
    }

    @Override
    public String description() {
        return texts.fragment(template(), "description", Map.of());
    }

    @Override
    public String who(BotConfig config) {
        return texts.fragment(template(), "who", Map.of("config", config));
    }

    /** A reply that shows the usage with what is wrong (a fragment of this command's template). */
    protected String usageProblem(String fragment, Map<String, Object> data) {
        return texts.render("commands/usage.md", Map.of("command", this, "problem", texts.fragment(template(), fragment, data)));
    }

    /** The reply for a story command used on an issue that is no release's story. */
    protected String notAStory() {
        return texts.render("commands/not-a-story.md", Map.of("command", this));
    }
}
