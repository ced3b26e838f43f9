package io.mojaloop.releasebot.bot;

/** Which pull request to evaluate: the installation that can see it, its repository and number. */
public record PullRequestRef(long installationId, String repository, int number) {

    public String owner() {
        return repository.substring(0, repository.indexOf('/'));
    }

    @Override
    public String toString() {
        return repository + "#" + number;
    }
}
