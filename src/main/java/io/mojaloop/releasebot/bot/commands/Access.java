package io.mojaloop.releasebot.bot.commands;

import java.util.List;
import java.util.function.Function;

import io.mojaloop.releasebot.core.config.BotConfig;

/**
 * Who may use a command, declared once by each command ({@link BotCommand#access()}) and enforced by the router
 * before the command runs, with one refusal reply for all.
 */
public sealed interface Access {

    /** Anyone who can comment. */
    record Anyone() implements Access {
    }

    /** Members of the teams the configuration names (none configured: nobody). */
    record TeamMembers(Function<BotConfig, List<String>> teams) implements Access {
    }

    /**
     * Release managers: members of {@code release-candidates.approvers}, or, when that list is empty, anyone with write
     * permission on the repository where the command is used.
     */
    record ReleaseManagers() implements Access {
    }

    static Access anyone() {
        return new Anyone();
    }

    static Access membersOf(Function<BotConfig, List<String>> teams) {
        return new TeamMembers(teams);
    }

    static Access releaseManagers() {
        return new ReleaseManagers();
    }
}
