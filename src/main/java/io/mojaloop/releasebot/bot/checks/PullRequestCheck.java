package io.mojaloop.releasebot.bot.checks;

import io.mojaloop.releasebot.bot.PullRequestRef;
import java.io.IOException;

/** A check run the bot writes on pull requests; every one can be re-evaluated for a PR at any time. */
public interface PullRequestCheck {

    /** The check run's name, e.g. {@code review-rules}. */
    String name();

    /** Reads the PR's current state from GitHub, decides, and writes the check run if it changed. */
    void evaluate(PullRequestRef ref) throws IOException;
}
