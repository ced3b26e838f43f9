package io.mojaloop.releasebot.bot.commands;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.kohsuke.github.GHEventPayload;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;

import io.mojaloop.releasebot.core.command.CommandLine;
import io.mojaloop.releasebot.core.command.CommandReply;
import io.mojaloop.releasebot.github.AppIdentity;
import io.mojaloop.releasebot.github.ConfigService;
import io.mojaloop.releasebot.github.GitHub;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import io.mojaloop.releasebot.github.model.Comment;
import io.mojaloop.releasebot.github.model.User;
import io.mojaloop.releasebot.render.Texts;
import io.quarkiverse.githubapp.event.IssueComment;

/**
 * Routes a new comment whose first line starts with one of the bot's command names to that command. Comments that
 * start with another word (including other bots' slash commands) are ignored; {@code /release-bot} followed by
 * anything but {@code help} gets the usage. Redelivered deliveries are dropped before this (see the webhook guard); a
 * delivery replayed under a new id is dropped here: a comment runs at most once in this process (a bounded memory of
 * comment ids), and never once the bot has answered it on GitHub ({@link #alreadyAnswered}), whatever restarted.
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
    @Inject
    AppIdentity identity;
    @Inject
    MeterRegistry registry;

    /** Comments this process ran (or is running) a command for: the fast answer to a replayed delivery. */
    private final Cache<Long, Boolean> handled = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofDays(1)).build();

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
            long commentId = payload.getComment().getId();
            if (handled.asMap().putIfAbsent(commentId, Boolean.TRUE) != null) {
                skipped(line.get(), repository, number, commentId, "handled", "this process handled it already");
                return;
            }
            try {
                Optional<Skip> skip = alreadyAnswered(github, repository, number, commentId);
                if (skip.isPresent()) {
                    skipped(line.get(), repository, number, commentId, skip.get().reason(), skip.get().why());
                    return;
                }
                CommandContext context = new CommandContext(github, installationId, repository, number,
                        payload.getIssue().isPullRequest(), commentId, author, line.get(), config.parsed());
                run(command.get(), context);
            } catch (IOException | RuntimeException e) {
                handled.invalidate(commentId); // not done: a redelivery may try again
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "%s on %s#%d failed", line.get().name(), repository, number);
        }
    }

    /** Why a command is not run. */
    record Skip(String reason, String why) {
    }

    /**
     * Level-triggered: the command's comment as GitHub has it now, and what the bot already answered. A command runs
     * only while its comment exists, unedited, and has no answer of the bot: neither a reply whose record names the
     * comment nor the bot's 👍 on it. So a delivery replayed under a new id, after any restart, changes nothing.
     */
    Optional<Skip> alreadyAnswered(GitHub github, String repository, int number, long commentId) throws IOException {
        List<Comment> comments = github.comments(repository, number);
        Comment command = comments.stream().filter(c -> c.id() == commentId).findFirst().orElse(null);
        if (command == null) {
            return Optional.of(new Skip("gone", "the comment no longer exists"));
        }
        if (command.edited()) {
            return Optional.of(new Skip("edited", "the comment was edited after it was posted"));
        }
        for (Comment c : comments) {
            if (c.body() != null && c.body().contains("release-bot:reply") && identity.isOwn(c)
                    && CommandReply.read(c.body()).filter(r -> r.comment() == commentId).isPresent()) {
                return Optional.of(new Skip("answered", "the bot answered it already (" + c.htmlUrl() + ")"));
            }
        }
        for (User user : github.reactions(repository, commentId, "+1")) {
            if (identity.isOwn(user)) {
                return Optional.of(new Skip("answered", "the bot reacted to it already"));
            }
        }
        return Optional.empty();
    }

    private void skipped(CommandLine line, String repository, int number, long commentId, String reason, String why) {
        registry.counter("release_bot_commands_skipped", "reason", reason).increment();
        LOG.infof("%s in comment %d on %s#%d not run: %s", line.name(), commentId, repository, number, why);
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
