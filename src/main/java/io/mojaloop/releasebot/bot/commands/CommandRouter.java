package io.mojaloop.releasebot.bot.commands;

import io.mojaloop.releasebot.core.command.CommandLine;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.kohsuke.github.GHEventPayload;

import io.mojaloop.releasebot.github.ConfigService;
import io.mojaloop.releasebot.github.GitHubApi;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import io.mojaloop.releasebot.render.Texts;
import io.quarkiverse.githubapp.GitHubEvent;
import io.quarkiverse.githubapp.event.IssueComment;

/**
 * Routes a new comment whose first line starts with one of the bot's command names to that command. Comments that
 * start with another word (including other bots' slash commands) are ignored; {@code /release-bot} followed by
 * anything but {@code help} gets the usage.
 * <p>
 * Commands are parsed here rather than by Command Airline: Airline's tokenizer rejects an unbalanced quote, so a
 * free-text reason such as "it's urgent" would be refused. A redelivered comment (same X-GitHub-Delivery) runs
 * once.
 */
@ApplicationScoped
public class CommandRouter {

    private static final Logger LOG = Logger.getLogger(CommandRouter.class);

    @Inject
    Instance<BotCommand> commands;
    @Inject
    GitHubApiFactory apis;
    @Inject
    ConfigService configs;
    @Inject
    Texts texts;

    private final Set<String> seenDeliveries = Collections.newSetFromMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    });

    void onComment(@IssueComment.Created GHEventPayload.IssueComment payload, GitHubEvent event) {
        Optional<CommandLine> line = CommandLine.parse(payload.getComment().getBody());
        if (line.isEmpty()) {
            return;
        }
        Optional<BotCommand> command = find(line.get().name());
        if (command.isEmpty()) {
            return;
        }
        synchronized (seenDeliveries) {
            if (event.getDeliveryId() != null && !seenDeliveries.add(event.getDeliveryId())) {
                LOG.infof("Delivery %s already handled: ignored", event.getDeliveryId());
                return;
            }
        }
        // the login from the payload: GHIssueComment.getUser() would fetch the whole profile from GitHub
        String author = payload.getComment().getUserName();
        if (author == null) {
            return;
        }
        if (author.toLowerCase(java.util.Locale.ROOT).endsWith("[bot]")) {
            return; // never obey bots, including ourselves
        }
        long installationId = payload.getInstallation().getId();
        String repository = payload.getRepository().getFullName();
        int number = payload.getIssue().getNumber();
        try {
            GitHubApi api = apis.forInstallation(installationId);
            ConfigService.RepoConfig config = configs.forRepository(api, repository);
            if (!config.configured()) {
                return;
            }
            CommandContext context = new CommandContext(api, installationId, repository, number,
                    payload.getIssue().isPullRequest(), payload.getComment().getId(), author, line.get(), config.parsed());
            if (!config.parsed().ok()) {
                context.reply(texts.render("commands/config-error.md", Map.of("line", line.get(), "problems",
                        config.parsed().problems())));
                return;
            }
            if (!command.get().where().allows(context.pullRequest())) {
                context.reply(texts.render("commands/wrong-place.md", Map.of("command", command.get())));
                return;
            }
            LOG.infof("%s by %s on %s#%d", line.get().name(), author, repository, number);
            command.get().run(context);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "%s on %s#%d failed", line.get().name(), repository, number);
        }
    }

    public Optional<BotCommand> find(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<BotCommand> all() {
        return commands.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }
}
