package io.mojaloop.releasebot.bot.story;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.story.ReleaseReadiness;
import io.mojaloop.releasebot.github.GitHub;
import io.mojaloop.releasebot.github.model.Comment;
import io.mojaloop.releasebot.github.model.GitHubRelease;
import io.mojaloop.releasebot.github.model.SearchResult;

/**
 * One story's rebuild: the release, its story issue, and the reads its evidence readers share (each is made at
 * most once per rebuild; searches at most once per rebuild of all the organisation's stories).
 */
public final class StoryScope {

    private final GitHub github;
    private final String org;
    private final BotConfig config;
    private final Release release;
    private final String storyRepository;
    private final int storyNumber;
    private final Map<String, SearchResult> searches;
    private final Map<String, List<GitHubRelease>> releases = new ConcurrentHashMap<>();
    private List<Comment> storyComments;

    StoryScope(GitHub github, String org, BotConfig config, Release release, String storyRepository, int storyNumber,
            Map<String, SearchResult> searches) {
        this.github = github;
        this.org = org;
        this.config = config;
        this.release = release;
        this.storyRepository = storyRepository;
        this.storyNumber = storyNumber;
        this.searches = searches;
    }

    public GitHub github() {
        return github;
    }

    public String org() {
        return org;
    }

    public BotConfig config() {
        return config;
    }

    public Release release() {
        return release;
    }

    public String storyRepository() {
        return storyRepository;
    }

    /** {@code owner/name} of one of the release's repositories ({@code repos:} may omit the owner). */
    public String fullName(String repo) {
        return repo.contains("/") ? repo : org + "/" + repo;
    }

    /** The umbrella (helm) repository of the release. */
    public String helmRepository() {
        return release.repos().stream().filter(r -> r.substring(r.indexOf('/') + 1).equalsIgnoreCase(ReleaseReadiness.HELM))
                .map(this::fullName).findFirst().orElse(org + "/" + ReleaseReadiness.HELM);
    }

    public synchronized List<Comment> storyComments() throws IOException {
        if (storyComments == null) {
            storyComments = github.comments(storyRepository, storyNumber);
        }
        return storyComments;
    }

    public List<GitHubRelease> releases(String repository) throws IOException {
        List<GitHubRelease> known = releases.get(repository);
        if (known == null) {
            known = github.releases(repository);
            releases.put(repository, known);
        }
        return known;
    }

    public SearchResult search(String query) throws IOException {
        SearchResult known = searches.get(query);
        if (known == null) {
            known = github.searchIssues(query);
            searches.put(query, known);
        }
        return known;
    }
}
