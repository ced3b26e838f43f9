package io.mojaloop.releasebot.bot.checks;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.policy.ReviewFact;

/**
 * The questions a check may ask about one pull request. {@link GitHubPullRequestContext} answers them from GitHub
 * (reading each thing at most once per evaluation, and only when asked); the preview endpoint answers them from
 * the request it was sent; unit tests answer them from plain values.
 */
public interface PullRequestContext {

    /** {@code owner/name}. */
    String repository();

    int number();

    String author();

    String headSha();

    String baseBranch();

    String title();

    List<String> labels();

    /** The configuration that applies to the PR's repository. */
    BotConfig config();

    /** Every review, oldest first. */
    List<ReviewFact> reviews() throws IOException;

    /** The company on a person's GitHub profile, as typed. */
    Optional<String> company(String login) throws IOException;

    /**
     * The exception a member of one of the teams granted with {@code command <reason>}, if any: the latest, or the
     * latest recorded on the head commit when there is one. It holds only while {@code label} (which the bot puts
     * on the PR when it accepts the grant) is on the PR: removing the label withdraws it, and the label alone
     * grants nothing. So the PR's comments need reading only when the label is there.
     */
    Optional<Grant> exception(String command, String label, List<String> teams) throws IOException;

    /**
     * Who granted an exception, and why (as typed); {@code commit} is the head commit the bot recorded when it
     * accepted the grant (review exceptions), or null.
     */
    record Grant(String grantedBy, String reason, String commit) {
    }

    /** The repository's name without its owner. */
    default String repositoryName() {
        return repository().substring(repository().indexOf('/') + 1);
    }

    default String owner() {
        return repository().substring(0, repository().indexOf('/'));
    }
}
