package io.mojaloop.releasebot.core.config;

import java.util.List;

/**
 * The result of reading the configuration: the config and every problem found. When there are problems the
 * config must not be used to judge anything (it holds defaults where the file was wrong): the checks fail and
 * show the problems instead.
 */
public record ParsedConfig(BotConfig config, List<ConfigProblem> problems) {

    public ParsedConfig {
        problems = List.copyOf(problems);
    }

    public static ParsedConfig of(BotConfig config) {
        return new ParsedConfig(config, List.of());
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
