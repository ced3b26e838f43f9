package io.mojaloop.releasebot.bot.commands;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.core.config.BotConfig;

/** {@code /release-bot help}: lists the commands available where it is asked, and who may use each. */
@ApplicationScoped
public class Help extends TemplatedCommand {

    @Inject
    Instance<CommandRouter> router;

    @Override
    public String name() {
        return "/release-bot";
    }

    @Override
    public Where where() {
        return Where.ANYWHERE;
    }

    @Override
    public Access access() {
        return Access.anyone();
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
