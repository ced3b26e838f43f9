package io.mojaloop.releasebot.bot.contents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.mojaloop.releasebot.bot.checks.EvaluateReleaseFreeze;
import io.mojaloop.releasebot.bot.checks.EvaluateReviewRules;
import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.contents.Audit;
import io.mojaloop.releasebot.core.contents.ReleaseContents;
import io.mojaloop.releasebot.core.policy.FreezeFacts;
import io.mojaloop.releasebot.core.policy.FreezePolicy;
import io.mojaloop.releasebot.core.policy.FreezeVerdict;
import io.mojaloop.releasebot.github.GitHub;
import io.mojaloop.releasebot.github.model.CheckRun;
import io.mojaloop.releasebot.github.model.PullRequest;

/**
 * The facts the audit needs about each PR the release's changes name, in the release's own repositories: who
 * merged it, its head commit then, the bot's own {@code review-rules} run there (the typed read asks GitHub only for
 * this app's runs), whether it carried the review or freeze exception label, and whether a freeze window blocked it
 * at the instant it was merged ({@link FreezePolicy} at {@code merged_at}, from the configuration as it is now).
 * <p>
 * A merged PR's facts do not change once its {@code review-rules} run is complete, so they are kept (bounded, for
 * {@link #KEEP}); a PR that is not merged (a commit naming a PR number that is not, or not yet, merged there) is left
 * out, and one that could not be read makes the audit {@code incomplete}.
 */
@ApplicationScoped
public class ReadMergeAudit {

    static final int MAX_PULL_REQUESTS = 5_000;
    static final Duration KEEP = Duration.ofHours(6);

    final Cache<String, Audit.MergedPullRequest> merged = Caffeine.newBuilder().maximumSize(MAX_PULL_REQUESTS)
            .expireAfterWrite(KEEP).build();

    /**
     * @param checked false when the contents are unknown (the audit could not be made)
     * @param unreadable PRs that could not be read (the audit is incomplete without them)
     */
    public record Result(boolean checked, List<Audit.MergedPullRequest> merged, List<String> unreadable) {
        public Result {
            merged = List.copyOf(merged);
            unreadable = List.copyOf(unreadable);
        }
    }

    public Result read(String org, BotConfig config, Release release, ReleaseContents contents, GitHub github) {
        if (!contents.read()) {
            return new Result(false, List.of(), List.of());
        }
        Set<String> repos = release.repos().stream().map(r -> ReadReleaseContents.qualified(org, r).toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<Audit.MergedPullRequest> result = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (ReleaseContents.PullRequest ref : contents.pullRequests()) {
            String repository = ReadReleaseContents.qualified(org, ref.repository());
            if (!repos.contains(repository.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String key = (repository + "#" + ref.number()).toLowerCase(Locale.ROOT);
            Audit.MergedPullRequest known;
            try {
                // one read per PR however many rebuilds ask at once (a command's rebuild and an event's overlap);
                // kept only when final: merged, and the bot's run complete
                Optional<?>[] readHere = new Optional<?>[1];
                known = merged.get(key, k -> {
                    try {
                        Optional<Audit.MergedPullRequest> read = facts(config, github, repository, ref.number());
                        readHere[0] = read;
                        return read.filter(r -> r.reviewRules() != null).orElse(null);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                if (known == null) {
                    // not merged, or no completed run of the bot yet: not kept, asked again next time
                    @SuppressWarnings("unchecked")
                    Optional<Audit.MergedPullRequest> read = readHere[0] != null ? (Optional<Audit.MergedPullRequest>) readHere[0]
                            : facts(config, github, repository, ref.number());
                    if (read.isEmpty()) {
                        continue;
                    }
                    known = read.get();
                }
            } catch (IOException | UncheckedIOException e) {
                unreadable.add(repository + "#" + ref.number());
                continue;
            }
            result.add(known);
        }
        return new Result(true, result, unreadable);
    }

    static Optional<Audit.MergedPullRequest> facts(BotConfig config, GitHub github, String repository, int number)
            throws IOException {
        Optional<PullRequest> read = github.pullRequest(repository, number);
        if (read.isEmpty() || !read.get().merged()) {
            return Optional.empty();
        }
        PullRequest pr = read.get();
        String conclusion = null;
        for (CheckRun run : github.ownCheckRuns(repository, pr.headSha())) {
            if (EvaluateReviewRules.CHECK.equals(run.name()) && "completed".equals(run.status())) {
                conclusion = run.conclusion();
                break;
            }
        }
        boolean reviewException = pr.hasLabel(EvaluateReviewRules.EXCEPTION_LABEL);
        boolean freezeException = pr.hasLabel(EvaluateReleaseFreeze.EXCEPTION_LABEL);
        String name = repository.substring(repository.indexOf('/') + 1);
        FreezeVerdict verdict = FreezePolicy.evaluate(config, new FreezeFacts(name, pr.baseBranch(), pr.title(), pr.labels(), null),
                pr.mergedAt());
        String window = !verdict.passed() && verdict.window() != null ? verdict.window().kind().name() : null;
        return Optional.of(new Audit.MergedPullRequest(repository, number, pr.title(), pr.htmlUrl(), pr.mergedBy(), pr.headSha(),
                conclusion, reviewException, window, freezeException));
    }
}
