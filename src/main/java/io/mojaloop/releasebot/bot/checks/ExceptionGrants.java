package io.mojaloop.releasebot.bot.checks;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.bot.checks.PullRequestContext.Grant;
import io.mojaloop.releasebot.core.command.CommandLine;
import io.mojaloop.releasebot.core.command.CommandReply;
import io.mojaloop.releasebot.github.AppIdentity;
import io.mojaloop.releasebot.github.Directory;
import io.mojaloop.releasebot.github.GitHub;
import io.mojaloop.releasebot.github.model.Comment;

/**
 * Finds an exception granted on a PR by reading its comments: the latest {@code <command> <reason>} comment whose
 * author is, now, a member of one of the teams allowed to grant it. A comment edited after it was posted grants
 * nothing, whoever edited it (anyone with write access can edit anyone's comment, so its text is no longer its
 * author's word). Each grant carries the head commit the bot recorded in its acknowledgement of that comment
 * ({@link CommandReply}, in the bot's own comments only), or none. Nothing is remembered between evaluations.
 */
@ApplicationScoped
public class ExceptionGrants {

    @Inject
    Directory directory;
    @Inject
    AppIdentity identity;

    /** Grants read outside CDI (tests). */
    public static ExceptionGrants using(Directory directory, AppIdentity identity) {
        ExceptionGrants grants = new ExceptionGrants();
        grants.directory = directory;
        grants.identity = identity;
        return grants;
    }

    /**
     * The latest authorised grant; with {@code preferCommit}, the latest one recorded on that commit when there is
     * one (an older grant on the head still holds when a newer one was never acknowledged).
     */
    public Optional<Grant> latest(GitHub github, String org, List<String> teams, String command, List<Comment> comments,
            String preferCommit) throws IOException {
        if (teams.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, String> recorded = new HashMap<>();
        for (Comment comment : comments) {
            if (comment.body() != null && comment.body().contains("release-bot:reply") && identity.isOwn(comment)) {
                CommandReply.read(comment.body()).filter(r -> r.commit() != null)
                        .ifPresent(r -> recorded.put(r.comment(), r.commit()));
            }
        }
        Grant latest = null;
        Grant onCommit = null;
        for (Comment comment : comments) {
            if (comment.edited()) {
                continue;
            }
            var line = CommandLine.parse(comment.body());
            if (line.isEmpty() || !command.equals(line.get().name()) || line.get().arguments().isBlank()) {
                continue;
            }
            if (directory.inAnyTeam(github, org, teams, comment.author())) {
                latest = new Grant(comment.author(), line.get().arguments(), recorded.get(comment.id()));
                if (preferCommit != null && latest.commit() != null && latest.commit().equalsIgnoreCase(preferCommit)) {
                    onCommit = latest;
                }
            }
        }
        return Optional.ofNullable(onCommit != null ? onCommit : latest);
    }
}
