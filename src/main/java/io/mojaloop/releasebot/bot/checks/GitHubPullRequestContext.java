package io.mojaloop.releasebot.bot.checks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.policy.ReviewFact;
import io.mojaloop.releasebot.core.policy.ReviewState;
import io.mojaloop.releasebot.github.Directory;
import io.mojaloop.releasebot.github.GitHub;
import io.mojaloop.releasebot.github.model.Comment;
import io.mojaloop.releasebot.github.model.PullRequest;
import io.mojaloop.releasebot.github.model.Review;

/**
 * A PR's questions answered from GitHub for one evaluation: the PR as read, its reviews and comments read on first
 * use and then kept (several checks share one context), people through the {@link Directory} caches.
 */
final class GitHubPullRequestContext implements PullRequestContext {

    private final GitHub github;
    private final Directory directory;
    private final ExceptionGrants grants;
    private final PullRequest pr;
    private final BotConfig config;
    private List<ReviewFact> reviews;
    private List<Comment> comments;

    GitHubPullRequestContext(GitHub github, Directory directory, ExceptionGrants grants, PullRequest pr, BotConfig config) {
        this.github = github;
        this.directory = directory;
        this.grants = grants;
        this.pr = pr;
        this.config = config;
    }

    @Override
    public String repository() {
        return pr.repository();
    }

    @Override
    public int number() {
        return pr.number();
    }

    @Override
    public String author() {
        return pr.author().login();
    }

    @Override
    public String headSha() {
        return pr.headSha();
    }

    @Override
    public String baseBranch() {
        return pr.baseBranch();
    }

    @Override
    public String title() {
        return pr.title();
    }

    @Override
    public List<String> labels() {
        return pr.labels();
    }

    @Override
    public BotConfig config() {
        return config;
    }

    @Override
    public List<ReviewFact> reviews() throws IOException {
        if (reviews == null) {
            List<ReviewFact> facts = new ArrayList<>();
            for (Review review : github.reviews(pr.repository(), pr.number())) {
                if (review.user() == null) {
                    continue; // a deleted account ("ghost") without a login
                }
                facts.add(new ReviewFact(review.user().login(), review.user().bot(), state(review.state()),
                        review.commitId(), review.submittedAt()));
            }
            reviews = List.copyOf(facts);
        }
        return reviews;
    }

    private static ReviewState state(String state) {
        try {
            return ReviewState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ReviewState.COMMENTED;
        }
    }

    @Override
    public Optional<String> company(String login) throws IOException {
        return directory.company(github, login);
    }

    @Override
    public Optional<Grant> exception(String command, String label, List<String> teams) throws IOException {
        if (!pr.hasLabel(label)) {
            return Optional.empty();
        }
        if (comments == null) {
            comments = github.comments(pr.repository(), pr.number());
        }
        return grants.latest(github, owner(), teams, command, comments, pr.headSha());
    }
}
