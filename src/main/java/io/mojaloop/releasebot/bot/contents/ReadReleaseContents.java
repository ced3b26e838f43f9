package io.mojaloop.releasebot.bot.contents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.Contents;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.contents.ChartRead;
import io.mojaloop.releasebot.core.contents.ChartRef;
import io.mojaloop.releasebot.core.contents.CompareRequest;
import io.mojaloop.releasebot.core.contents.CompareResult;
import io.mojaloop.releasebot.core.contents.ContentsDiff;
import io.mojaloop.releasebot.core.contents.ReleaseContents;
import io.mojaloop.releasebot.core.contents.ReleaseTags;
import io.mojaloop.releasebot.core.contents.UmbrellaRelease;
import io.mojaloop.releasebot.github.GitHub;
import io.mojaloop.releasebot.github.GitHubApiException;
import io.mojaloop.releasebot.github.model.Comparison;
import io.mojaloop.releasebot.github.model.FileContent;
import io.mojaloop.releasebot.github.model.GitHubRelease;
import io.mojaloop.releasebot.github.model.PullRequest;
import io.mojaloop.releasebot.github.model.Repository;

/**
 * Reads a release's contents from GitHub: the umbrella repository's releases pick the two charts
 * ({@link ReleaseTags#select}), both are read at their refs, {@link ContentsDiff#of} lists the compares, and each
 * compare is asked of GitHub. A compare between two tags never changes, so its result is kept in a bounded cache
 * keyed by repository, base and head (failures are not kept: a missing tag may appear later).
 */
@ApplicationScoped
public class ReadReleaseContents {

    static final int MAX_COMPARES = 2_000;
    private static final Pattern PR_IN_TITLE = Pattern.compile("\\(#\\d+\\)");

    final Cache<String, CompareResult> compares = Caffeine.newBuilder().maximumSize(MAX_COMPARES).build();

    public ReleaseContents read(String org, BotConfig config, Release release, GitHub github) {
        Contents settings = config.contents() == null ? Contents.DEFAULTS : config.contents();
        String umbrella = qualified(org, settings.repo());
        List<UmbrellaRelease> releases = new ArrayList<>();
        String defaultBranch = "main";
        try {
            for (GitHubRelease r : github.releases(umbrella)) {
                releases.add(new UmbrellaRelease(r.tag(), r.prerelease(), r.draft(), r.publishedAt()));
            }
            defaultBranch = github.repository(umbrella).map(Repository::defaultBranch).filter(b -> b != null && !b.isBlank())
                    .orElse(defaultBranch);
        } catch (IOException e) {
            // no releases read: the selection falls back to the default branch and says there is no previous one
        }
        ReleaseTags.Selection selection = ReleaseTags.select(release.version(), release.previous(), releases, defaultBranch);
        ChartRead current = chart(github, umbrella, settings.chart(), selection.current());
        ChartRead previous = selection.previous() == null ? null : chart(github, umbrella, settings.chart(), selection.previous());
        ContentsDiff diff = ContentsDiff.of(settings, release.version(), selection, current, previous);
        List<CompareResult> results = new ArrayList<>();
        for (CompareRequest request : diff.compares()) {
            results.add(compare(github, qualified(org, request.repository()), request));
        }
        return diff.withCompares(results);
    }

    static ChartRead chart(GitHub github, String repository, String path, ChartRef ref) {
        try {
            Optional<FileContent> file = github.file(repository, path, ref.ref());
            if (file.isEmpty()) {
                return ChartRead.notFound(ref);
            }
            if (file.get().text() == null) {
                return ChartRead.unreadable(ref, "GitHub sent no content for " + path + " (" + file.get().size() + " bytes)");
            }
            return ChartRead.of(ref, file.get().text());
        } catch (GitHubApiException e) {
            return e.status() == 404 ? ChartRead.notFound(ref) : ChartRead.unreadable(ref, e.getMessage());
        } catch (IOException e) {
            return ChartRead.unreadable(ref, e.getMessage());
        }
    }

    CompareResult compare(GitHub github, String repository, CompareRequest request) {
        String key = (repository + "#" + request.base() + "#" + request.head()).toLowerCase(Locale.ROOT);
        CompareResult cached = compares.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        CompareResult result = ask(github, repository, request);
        if (result.failure() == null) {
            compares.put(key, result);
        }
        return result;
    }

    private static CompareResult ask(GitHub github, String repository, CompareRequest request) {
        Comparison comparison;
        try {
            comparison = github.compare(repository, request.base(), request.head());
        } catch (GitHubApiException e) {
            if (e.status() == 404) {
                boolean exists;
                try {
                    exists = github.repository(repository).isPresent();
                } catch (IOException unknown) {
                    exists = true;
                }
                return CompareResult.failed(request, exists ? CompareResult.Failure.NOT_FOUND
                        : CompareResult.Failure.REPOSITORY_NOT_FOUND, e.getMessage());
            }
            if (e.status() == 422) {
                return CompareResult.failed(request, CompareResult.Failure.REFUSED, e.getMessage());
            }
            return CompareResult.failed(request, CompareResult.Failure.UNREADABLE, e.getMessage());
        } catch (IOException e) {
            return CompareResult.failed(request, CompareResult.Failure.UNREADABLE, e.getMessage());
        }
        List<CompareResult.Commit> commits = new ArrayList<>();
        for (Comparison.Commit c : comparison.commits()) {
            commits.add(new CompareResult.Commit(c.sha(), c.message(), associated(github, repository, c)));
        }
        return comparison.complete() ? CompareResult.of(request, commits)
                : CompareResult.truncated(request, commits, comparison.totalCommits());
    }

    /** The PR GitHub associates with a commit whose title names none; null when the title names one, or none is found. */
    private static Integer associated(GitHub github, String repository, Comparison.Commit commit) {
        String message = commit.message() == null ? "" : commit.message();
        String title = message.lines().findFirst().orElse("");
        if (PR_IN_TITLE.matcher(title).find()) {
            return null;
        }
        try {
            return github.pullRequestsOfCommit(repository, commit.sha()).stream().filter(p -> p.mergedAt() != null)
                    .map(PullRequest::number).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    public static String qualified(String org, String repository) {
        return repository.contains("/") ? repository : org + "/" + repository;
    }
}
