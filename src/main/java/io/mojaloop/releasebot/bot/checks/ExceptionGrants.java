package io.mojaloop.releasebot.bot.checks;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.bot.checks.PullRequestContext.Grant;
import io.mojaloop.releasebot.core.command.CommandLine;
import io.mojaloop.releasebot.github.Directory;
import io.mojaloop.releasebot.github.GitHub;
import io.mojaloop.releasebot.github.model.Comment;

/**
 * Finds an exception granted on a PR by reading its comments: the latest {@code <command> <reason>} comment whose
 * author is, now, a member of one of the teams allowed to grant it. A comment edited after it was posted grants
 * nothing, whoever edited it (anyone with write access can edit anyone's comment, so its text is no longer its
 * author's word). Nothing is remembered between evaluations.
 */
@ApplicationScoped
public class ExceptionGrants {

    @Inject
    Directory directory;

    /** Grants read outside CDI (tests). */
    public static ExceptionGrants using(Directory directory) {
        ExceptionGrants grants = new ExceptionGrants();
        grants.directory = directory;
        return grants;
    }

    public Optional<Grant> latest(GitHub github, String org, List<String> teams, String command, List<Comment> comments)
            throws IOException {
        if (teams.isEmpty()) {
            return Optional.empty();
        }
        Grant latest = null;
        for (Comment comment : comments) {
            if (comment.edited()) {
                continue;
            }
            var line = CommandLine.parse(comment.body());
            if (line.isEmpty() || !command.equals(line.get().name()) || line.get().arguments().isBlank()) {
                continue;
            }
            if (directory.inAnyTeam(github, org, teams, comment.author())) {
                latest = new Grant(comment.author(), line.get().arguments());
            }
        }
        return Optional.ofNullable(latest);
    }
}
