package io.mojaloop.releasebot.bot.commands;

import java.io.IOException;
import java.util.Optional;

import io.mojaloop.releasebot.core.config.BotConfig;

/**
 * One comment command. Each command owns its name, usage, help text and {@link Access}, so {@code /release-bot
 * help} is generated from the commands themselves and the router refuses, in one way, whoever may not use it. The
 * words are fragments ({@code usage}, {@code description}, {@code who}) of the command's template,
 * {@link #template()} (see {@link TemplatedCommand}). The router's order: the right place ({@link #where()}), then
 * the input ({@link #refuseInput}), then the access, then {@link #run}.
 */
public interface BotCommand {

    enum Where {
        PULL_REQUEST,
        ISSUE,
        ANYWHERE;

        public boolean allows(boolean pullRequest) {
            return this == ANYWHERE || (this == PULL_REQUEST) == pullRequest;
        }
    }

    /** The first word of the comment, e.g. {@code /review-exception}. */
    String name();

    /** The template with this command's texts: {@code commands/gate.md} for {@code /gate}. */
    default String template() {
        return "commands/" + name().substring(1) + ".md";
    }

    /** e.g. {@code /review-exception <reason>}. */
    String usage();

    /** One sentence: what it does. */
    String description();

    Where where();

    /** Who may use it: enforced by the router before {@link #run}. */
    Access access();

    /** Who may use it, in words, for the help and refusal texts (e.g. "members of `design-authority`"). */
    String who(BotConfig config);

    /** What is wrong with the command's arguments or place, as the reply to post; empty when it can run. */
    default Optional<String> refuseInput(CommandContext context) throws IOException {
        return Optional.empty();
    }

    /** Runs the command: its input was accepted and its author has its access. */
    void run(CommandContext context) throws IOException;
}
