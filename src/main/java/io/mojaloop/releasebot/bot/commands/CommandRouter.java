package io.mojaloop.releasebot.bot.commands;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.kohsuke.github.GHEventPayload;

import io.mojaloop.releasebot.core.command.CommandLine;
import io.mojaloop.releasebot.github.ConfigService;
import io.mojaloop.releasebot.github.GitHub;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import io.mojaloop.releasebot.render.Texts;
import io.quarkiverse.githubapp.event.IssueComment;

/**
 * Routes a new comment whose first line starts with one of the bot's command names to that command. Comments that
 * start with another word (including other bots' slash commands) are ignored; {@code /release-bot} followed by
 * anything but {@code help} gets the usage. Redelivered deliveries are dropped before this (see the webhook guard).
 * <p>
 * Commands are parsed here rather than by Command Airline: Airline's tokenizer rejects an unbalanced quote, so a
 * free-text reason such as "it's urgent" would be refused.
 */
@ApplicationScoped
public class CommandRouter {

    private static final Logger LOG = Logger.getLogger(CommandRouter.class);

    @Inject
    Instance<BotCommand> commands;
    @Inject
    GitHubApiFactory githubs;
    @Inject
    Authority authority;
    @Inject
    ConfigService configs;
    @Inject
    Texts texts;

    void onComment(@IssueComment.Created GHEventPayload.IssueComment payload) {
        Optional<CommandLine> line = CommandLine.parse(payload.getComment().getBody());
        if (line.isEmpty()) {
            return;
        }
        Optional<BotCommand> command = find(line.get().name());
        if (command.isEmpty()) {
            return;
        }
        // the login from the payload: GHIssueComment.getUser() would fetch the whole profile from GitHub
        String author = payload.getComment().getUserName();
        if (author == null || author.toLowerCase(Locale.ROOT).endsWith("[bot]")) {
            return; // never obey bots, including ourselves
        }
        long installationId = payload.getInstallation().getId();
        String repository = payload.getRepository().getFullName();
        int number = payload.getIssue().getNumber();
        try {
            GitHub github = githubs.github(installationId);
            ConfigService.RepoConfig config = configs.forRepository(github, repository);
            if (!config.configured()) {
                return;
            }
            CommandContext context = new CommandContext(github, installationId, repository, number,
                    payload.getIssue().isPullRequest(), payload.getComment().getId(), author, line.get(), config.parsed());
            run(command.get(), context);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "%s on %s#%d failed", line.get().name(), repository, number);
        }
    }

    /** The same steps for every command: valid config, right place, valid input, access, then the command. */
    void run(BotCommand command, CommandContext context) throws IOException {
        if (!context.config().ok()) {
            context.reply(texts.render("commands/config-error.md", Map.of("line", context.line(), "problems",
                    context.config().problems())));
            return;
        }
        if (!command.where().allows(context.pullRequest())) {
            context.reply(texts.render("commands/wrong-place.md", Map.of("command", command)));
            return;
        }
        Optional<String> badInput = command.refuseInput(context);
        if (badInput.isPresent()) {
            context.reply(badInput.get());
            return;
        }
        if (!authority.allows(command.access(), context)) {
            context.reply(texts.render("commands/refused.md", Map.of("command", command, "author", context.author(),
                    "who", command.who(context.config().config()))));
            return;
        }
        LOG.infof("%s by %s on %s#%d", context.line().name(), context.author(), context.repository(), context.number());
        command.run(context);
    }

    public Optional<BotCommand> find(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<BotCommand> all() {
        return commands.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }
}
