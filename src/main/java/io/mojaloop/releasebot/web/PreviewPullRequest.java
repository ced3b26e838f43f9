package io.mojaloop.releasebot.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mojaloop.releasebot.bot.checks.PullRequestContext;
import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.policy.ReviewFact;

/**
 * A described PR for {@code POST /api/v1/preview}: every question a check asks is answered from the request, so
 * the checks decide and render exactly as they do for a real PR. Exceptions are given as granted (by, reason).
 */
record PreviewPullRequest(String repository, String author, String headSha, String baseBranch, String title,
        List<String> labels, BotConfig config, List<ReviewFact> reviews, Map<String, String> companies,
        Map<String, Grant> exceptions) implements PullRequestContext {

    @Override
    public int number() {
        return 0;
    }

    @Override
    public Optional<String> company(String login) {
        return Optional.ofNullable(companies.get(login));
    }

    @Override
    public Optional<Grant> exception(String command, String label, List<String> teams) {
        return Optional.ofNullable(exceptions.get(command));
    }
}
