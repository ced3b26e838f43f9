package io.mojaloop.releasebot.bot.commands;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.render.Texts;

/** {@code /release-bot help}: lists the commands available where it is asked, and who may use each. */
@ApplicationScoped
public class Help implements BotCommand {

    @Inject
    Texts texts;
    @Inject
    jakarta.enterprise.inject.Instance<CommandRouter> router;

    @Override
    public String name() {
        return "/release-bot";
    }

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
        return Where.ANYWHERE;
    }

    @Override
    public String who(BotConfig config) {
        return texts.fragment(template(), "who", Map.of("config", config));
    }

    public record Entry(String usage, String description, String who) {
    }

    @Override
    public void run(CommandContext context) throws IOException {
        BotConfig config = context.config().config();
        List<Entry> entries = router.get().all().stream()
                .filter(c -> c.where().allows(context.pullRequest()))
                .map(c -> new Entry(c.usage(), c.description(), c.who(config)))
                .toList();
        boolean asked = context.line().arguments().strip().equalsIgnoreCase("help");
        context.reply(texts.render("commands/help.md", Map.of("entries", entries, "asked", asked, "line",
                context.line(), "pullRequest", context.pullRequest())));
        if (asked) {
            context.done();
        }
    }
}
