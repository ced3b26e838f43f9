package io.mojaloop.releasebot.bot.commands;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.github.Directory;

/** Decides whether the author of a command has the {@link Access} the command declares, and says who does. */
@ApplicationScoped
public class Authority {

    @Inject
    Directory directory;

    public boolean allows(Access access, CommandContext context) throws IOException {
        BotConfig config = context.config().config();
        if (access instanceof Access.TeamMembers members) {
            return directory.inAnyTeam(context.github(), context.owner(), members.teams().apply(config), context.author());
        }
        if (access instanceof Access.ReleaseManagers) {
            return directory.isReleaseManager(context.github(), context.owner(), config.releaseCandidates().approvers(),
                    context.repository(), context.author());
        }
        return true;
    }
}
