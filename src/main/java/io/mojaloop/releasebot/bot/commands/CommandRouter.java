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
import io.mojaloop.releasebot.bot.RetryLater;
import io.mojaloop.releasebot.bot.WorkQueue;

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
 * comment ids), and never once the bot has answered it on GitHub ({@link Answers}), whatever restarted.
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
    @Inject
    RetryLater retries;
    @Inject
    WorkQueue queue;

    /**
     * Comments this process ran (or is running) a command for, by repository and comment id: the fast answer to a
     * replayed delivery.
     */
    private final Cache<String, Boolean> handled = Caffeine.newBuilder().maximumSize(10_000)
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
        Request request = new Request(payload.getInstallation().getId(), payload.getRepository().getFullName(),
                payload.getIssue().getNumber(), payload.getIssue().isPullRequest(), payload.getComment().getId(), author,
                line.get());
        if (handled.asMap().putIfAbsent(request.key(), Boolean.TRUE) != null) {
            skipped(request, "handled", "this process handled it already");
            return;
        }
        handle(command.get(), request);
    }

    /** A command comment as its delivery announced it. */
    record Request(long installationId, String repository, int number, boolean pullRequest, long commentId, String author,
            CommandLine line) {

        String key() {
            return "command:" + repository + "/" + commentId;
        }
    }

    /**
     * Runs the command of a comment this process has marked as handled, unless GitHub shows it answered. A failure
     * against GitHub is retried as a whole, with fresh reads, after a backoff ({@link RetryLater}, as evaluations
     * are). A retry finishes what the failed attempt left undone: a reply already posted is not posted again, and
     * labels and the 👍 are the same when given twice. When the retries are used up the mark is dropped, so a
     * redelivery may still run it.
     */
    void handle(BotCommand command, Request request) {
        handle(command, request, false);
    }

    private void handle(BotCommand command, Request request, boolean retry) {
        try {
            GitHub github = githubs.github(request.installationId());
            ConfigService.RepoConfig config = configs.forRepository(github, request.repository());
            if (!config.configured()) {
                retries.succeeded(request.key());
                return;
            }
            Answers answers = answers(github, request.repository(), request.number(), request.commentId());
            Optional<Skip> skip = answers.skip(retry);
            if (skip.isPresent()) {
                skipped(request, skip.get().reason(), skip.get().why());
            } else {
                run(command, new CommandContext(github, request.installationId(), request.repository(), request.number(),
                        request.pullRequest(), request.commentId(), request.author(), request.line(), config.parsed(),
                        answers.replied()));
            }
            retries.succeeded(request.key());
        } catch (IOException e) {
            LOG.errorf(e, "%s on %s#%d failed", request.line().name(), request.repository(), request.number());
            if (retries.failed("command", request.key(),
                    () -> queue.submit(request.key(), () -> handle(command, request, true))).isEmpty()) {
                handled.invalidate(request.key()); // given up: a redelivery may try again
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s on %s#%d failed", request.line().name(), request.repository(), request.number());
            handled.invalidate(request.key());
        }
    }

    /** Why a command is not run. */
    record Skip(String reason, String why) {
    }

    /**
     * The command's comment as GitHub has it now, and the bot's answers to it.
     *
     * @param exists the comment is still there
     * @param edited it was changed after it was posted
     * @param replied a reply of the bot's names it in its record line
     * @param reacted the bot's 👍 is on it
     */
    record Answers(boolean exists, boolean edited, boolean replied, boolean reacted) {

        /**
         * Level-triggered: a command runs only while its comment exists, unedited, and has no answer of the bot, so
         * a delivery replayed under a new id, after any restart, changes nothing. A retry of this process's own
         * failed attempt runs on past the answers that attempt gave.
         */
        Optional<Skip> skip(boolean retry) {
            if (!exists) {
                return Optional.of(new Skip("gone", "the comment no longer exists"));
            }
            if (edited) {
                return Optional.of(new Skip("edited", "the comment was edited after it was posted"));
            }
            if (!retry && replied) {
                return Optional.of(new Skip("answered", "the bot replied to it already"));
            }
            if (!retry && reacted) {
                return Optional.of(new Skip("answered", "the bot reacted to it already"));
            }
            return Optional.empty();
        }
    }

    /** The comment and the bot's answers, from GitHub: the issue's comments, then (if needed) the comment's 👍s. */
    Answers answers(GitHub github, String repository, int number, long commentId) throws IOException {
        List<Comment> comments = github.comments(repository, number);
        Comment command = comments.stream().filter(c -> c.id() == commentId).findFirst().orElse(null);
        if (command == null) {
            return new Answers(false, false, false, false);
        }
        if (command.edited()) {
            return new Answers(true, true, false, false);
        }
        boolean replied = false;
        for (Comment c : comments) {
            if (c.body() != null && c.body().contains("release-bot:reply") && identity.isOwn(c)
                    && CommandReply.read(c.body()).filter(r -> r.comment() == commentId).isPresent()) {
                replied = true;
                break;
            }
        }
        boolean reacted = false;
        for (User user : github.reactions(repository, commentId, "+1")) {
            if (identity.isOwn(user)) {
                reacted = true;
                break;
            }
        }
        return new Answers(true, false, replied, reacted);
    }

    private void skipped(Request request, String reason, String why) {
        registry.counter("release_bot_commands_skipped", "reason", reason).increment();
        LOG.infof("%s in comment %d on %s#%d not run: %s", request.line().name(), request.commentId(), request.repository(),
                request.number(), why);
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
