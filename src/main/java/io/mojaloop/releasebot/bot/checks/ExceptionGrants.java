package io.mojaloop.releasebot.bot.checks;

import io.mojaloop.releasebot.github.Directory;
import io.mojaloop.releasebot.github.GitHubApi;
import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.mojaloop.releasebot.core.command.CommandLine;

/**
 * Finds an exception granted on a PR by reading its comments: the latest {@code <command> <reason>} comment whose
 * author is, now, a member of one of the teams allowed to grant it. Nothing is remembered between evaluations.
 */
@ApplicationScoped
public class ExceptionGrants {

    /** Who granted an exception, and why (as typed). */
    public record Grant(String grantedBy, String reason) {
    }

    @Inject
    Directory directory;

    public Grant latest(GitHubApi api, String org, List<String> teams, String command, List<JsonNode> comments)
            throws IOException {
        if (teams.isEmpty()) {
            return null;
        }
        Grant latest = null;
        for (JsonNode comment : comments) {
            var line = CommandLine.parse(comment.path("body").asText(null));
            if (line.isEmpty() || !command.equals(line.get().name()) || line.get().arguments().isBlank()) {
                continue;
            }
            String author = comment.path("user").path("login").asText("");
            if (directory.inAnyTeam(api, org, teams, author)) {
                latest = new Grant(author, line.get().arguments());
            }
        }
        return latest;
    }
}
