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
 * most once per rebuild; searches at most once per rebuild of all the organisation's stories, and answered from
 * {@link StorySearches} when a rebuild shortly before asked the same).
 */
public final class StoryScope {

    private final GitHub github;
    private final String org;
    private final BotConfig config;
    private final Release release;
    private final String storyRepository;
    private final int storyNumber;
    private final Search searches;
    private final java.time.Instant since;
    private final Map<String, List<GitHubRelease>> releases = new ConcurrentHashMap<>();
    private List<Comment> storyComments;

    /** Issue searches, shared by the stories of one rebuild (see {@link StorySearches}). */
    public interface Search {
        SearchResult search(String query) throws IOException;
    }

    /** A scope whose searches are remembered in {@code searches} (one rebuild's worth). */
    StoryScope(GitHub github, String org, BotConfig config, Release release, String storyRepository, int storyNumber,
            Map<String, SearchResult> searches) {
        this(github, org, config, release, storyRepository, storyNumber, query -> {
            SearchResult known = searches.get(query);
            if (known == null) {
                known = github.searchIssues(query);
                searches.put(query, known);
            }
            return known;
        }, null);
    }

    /**
     * {@code since}: the earliest date the organisation's searches for labelled PRs and issues look back to (the
     * same for every story of one rebuild, so they share one search); null for no limit.
     */
    StoryScope(GitHub github, String org, BotConfig config, Release release, String storyRepository, int storyNumber,
            Search searches, java.time.Instant since) {
        this.since = since;
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
        return searches.search(query);
    }

    /**
     * The qualifier that keeps a search for labelled PRs and issues to those touched since the earliest story of
     * this rebuild began ({@code " updated:>=2026-10-24"}), or "" when there is no limit. The same text for every
     * story of one rebuild, so they share one search; each story then keeps what belongs to it
     * ({@link io.mojaloop.releasebot.core.story.ReleaseWindow#belongs}).
     */
    public String updatedSince() {
        return io.mojaloop.releasebot.core.story.ReleaseWindow.updatedQualifier(since);
    }

    /** When this story's release began: what was merged or closed before belongs to earlier releases (null: no limit). */
    public java.time.Instant releaseSince() {
        return io.mojaloop.releasebot.core.story.ReleaseWindow.since(config, release);
    }
}
