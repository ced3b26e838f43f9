package io.mojaloop.releasebot.bot.checks;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.mojaloop.releasebot.bot.Observed;
import io.mojaloop.releasebot.bot.PullRequestRef;
import io.mojaloop.releasebot.bot.RetryLater;
import io.mojaloop.releasebot.bot.WorkQueue;
import io.mojaloop.releasebot.github.ConfigService;
import io.mojaloop.releasebot.github.Directory;
import io.mojaloop.releasebot.github.GitHub;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import io.mojaloop.releasebot.github.PullRequestOpened;
import io.mojaloop.releasebot.github.model.CheckRun;
import io.mojaloop.releasebot.github.model.CheckRunOutput;
import io.mojaloop.releasebot.github.model.PullRequest;

/**
 * The one trip every PR evaluation makes, whoever asks (webhooks, re-run requests, commands, the freeze clock, the
 * resync): queue it under one key per PR (requests for the same PR while it waits merge into one, with the union of
 * the checks asked for), then, one evaluation per PR at a time, read the configuration, the PR and the commit's
 * check runs once, let each check decide from a shared {@link PullRequestContext}, write each check run only if it
 * changed, and note the outcome for the dashboard. The checks are the {@link PullRequestCheck} beans.
 * <p>
 * An evaluation that could not read or write everything (a 502 on a check-run create, a timeout) is done again as
 * a whole, with fresh reads and a fresh verdict, after a backoff ({@link RetryLater}: seconds, then minutes, a
 * bounded number of times), with the union of the checks that failed to be evaluated; the resync heals what is left.
 */
@ApplicationScoped
public class EvaluatePullRequest {

    private static final Logger LOG = Logger.getLogger(EvaluatePullRequest.class);

    @Inject
    Instance<PullRequestCheck> checks;
    @Inject
    GitHubApiFactory githubs;
    @Inject
    ConfigService configs;
    @Inject
    Directory directory;
    @Inject
    ExceptionGrants grants;
    @Inject
    CheckTexts checkTexts;
    @Inject
    CheckRunWriter writer;
    @Inject
    WorkQueue work;
    @Inject
    Observed observed;
    @Inject
    MeterRegistry registry;
    @Inject
    Clock clock;
    @Inject
    RetryLater retries;

    /**
     * How old a {@code pull_request.opened} payload's PR may be ({@code updated_at} to now) to be used instead of
     * reading the PR again.
     */
    static final Duration FRESH_PAYLOAD = Duration.ofSeconds(60);

    /**
     * The checks asked for a PR that waits for its turn, and who waits for them; {@code payload} is the PR of the
     * {@code opened} delivery that asked, kept only while nothing else asked for the PR.
     */
    private static final class Pending {
        final Set<String> checks = ConcurrentHashMap.newKeySet();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile PullRequestOpened payload;
    }

    /**
     * PRs this process has evaluated (bounded): a payload is used only for a PR seen here for the first time, so a
     * late or replayed {@code opened} never stands in for what a later event already read.
     */
    private final Cache<PullRequestRef, Boolean> evaluated = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterWrite(Duration.ofHours(6)).build();

    private final Map<PullRequestRef, Pending> waiting = new ConcurrentHashMap<>();
    /** The checks of a PR whose evaluation failed, to be evaluated again by the retry. */
    private final Map<PullRequestRef, Set<String>> toRetry = new ConcurrentHashMap<>();

    /** Every check, by name, in a stable order. */
    public List<PullRequestCheck> all() {
        return checks.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    public Optional<PullRequestCheck> find(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Names of the checks an event of this kind concerns. */
    public Set<String> concerning(Trigger trigger) {
        return checks.stream().filter(c -> c.triggers().contains(trigger)).map(PullRequestCheck::name)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Queues an evaluation of the checks an event of this kind concerns. */
    public CompletableFuture<Void> request(PullRequestRef ref, Trigger trigger) {
        return request(ref, concerning(trigger));
    }

    /**
     * Queues the checks of a newly opened PR. Its evaluation uses the payload's PR instead of reading it again
     * when nothing else asked for the PR before it ran, this process has not evaluated the PR before, and GitHub
     * updated the PR at most {@link #FRESH_PAYLOAD} ago; otherwise it reads the PR like any evaluation.
     */
    public CompletableFuture<Void> requestOpened(PullRequestOpened opened) {
        PullRequest pr = opened.pullRequest();
        return request(new PullRequestRef(opened.installationId(), pr.repository(), pr.number()),
                concerning(Trigger.OPENED), opened);
    }

    /** Queues an evaluation of every check. */
    public CompletableFuture<Void> requestAll(PullRequestRef ref) {
        return request(ref, all().stream().map(PullRequestCheck::name).toList());
    }

    /**
     * Queues an evaluation of the named checks, merged with one already waiting for the PR. The future completes
     * when an evaluation that includes them has finished (or immediately, when the queue refused the work).
     */
    public CompletableFuture<Void> request(PullRequestRef ref, Collection<String> names) {
        return request(ref, names, null);
    }

    private CompletableFuture<Void> request(PullRequestRef ref, Collection<String> names, PullRequestOpened opened) {
        if (names.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Pending[] created = { null };
        Pending pending = waiting.compute(ref, (r, existing) -> {
            Pending p = existing != null ? existing : (created[0] = new Pending());
            // a payload speaks for the PR only while it is the one request: anything else asking may have changed it
            p.payload = existing == null ? opened : null;
            p.checks.addAll(names);
            return p;
        });
        if (created[0] == null) {
            registry.counter("release_bot_work_coalesced").increment();
            return pending.done;
        }
        if (!work.submit("pr:" + ref, () -> run(ref))) {
            waiting.remove(ref, pending);
            pending.done.complete(null);
        }
        return pending.done;
    }

    private void run(PullRequestRef ref) {
        Pending pending = waiting.remove(ref);
        if (pending == null) {
            return;
        }
        try {
            Set<String> names = Set.copyOf(pending.checks);
            if (evaluateNow(ref, names, pending.payload)) {
                Set<String> waitingForRetry = toRetry.get(ref);
                if (waitingForRetry == null || names.containsAll(waitingForRetry)) {
                    toRetry.remove(ref);
                    retries.succeeded(key(ref));
                }
            } else {
                toRetry.merge(ref, names, (a, b) -> {
                    Set<String> union = new LinkedHashSet<>(a);
                    union.addAll(b);
                    return union;
                });
                if (retries.failed("checks", key(ref), () -> {
                    Set<String> again = toRetry.remove(ref);
                    if (again != null) {
                        request(ref, again);
                    }
                }).isEmpty()) {
                    toRetry.remove(ref);
                }
            }
        } finally {
            pending.done.complete(null);
        }
    }

    /** Whether the {@code opened} payload's PR can stand in for reading it (see {@link #requestOpened}). */
    private boolean fresh(PullRequestRef ref, PullRequestOpened opened) {
        if (opened == null || opened.updatedAt() == null || evaluated.getIfPresent(ref) != null) {
            return false;
        }
        Duration age = Duration.between(opened.updatedAt(), clock.instant());
        return age.abs().compareTo(FRESH_PAYLOAD) <= 0; // either way: this clock may be a little behind GitHub's
    }

    private static String key(PullRequestRef ref) {
        return "pr:" + ref;
    }

    /**
     * Evaluates the named checks of the PR now, on this thread. True when everything was read and every check run
     * that needed writing was written; false when GitHub failed (logged; the caller retries).
     */
    public boolean evaluateNow(PullRequestRef ref, Collection<String> names) {
        return evaluateNow(ref, names, null);
    }

    private boolean evaluateNow(PullRequestRef ref, Collection<String> names, PullRequestOpened opened) {
        List<PullRequestCheck> selected = all().stream().filter(c -> names.contains(c.name())).toList();
        if (selected.isEmpty()) {
            return true;
        }
        boolean[] failed = { false };
        try {
            PullRequestLocks.with(ref, () -> {
                GitHub github = githubs.github(ref.installationId());
                ConfigService.RepoConfig config = configs.forRepository(github, ref.repository());
                if (!config.configured()) {
                    LOG.debugf("%s: no release-bot.yml for this repository or its organisation, nothing to check", ref);
                    return;
                }
                Optional<PullRequest> pr = fresh(ref, opened) ? Optional.of(opened.pullRequest())
                        : github.pullRequest(ref.repository(), ref.number());
                evaluated.put(ref, Boolean.TRUE);
                if (pr.isEmpty() || !pr.get().open()) {
                    observed.forget(ref.repository(), ref.number());
                    return;
                }
                String head = pr.get().headSha();
                Map<String, CheckRun> existing = github.ownCheckRuns(ref.repository(), head).stream()
                        .collect(Collectors.toMap(CheckRun::name, Function.identity(), (a, b) -> b));
                PullRequestContext context = config.parsed().ok()
                        ? new GitHubPullRequestContext(github, directory, grants, pr.get(), config.parsed().config())
                        : null;
                Instant now = clock.instant();
                for (PullRequestCheck check : selected) {
                    try {
                        CheckRunOutput output = context != null ? check.evaluate(context, now)
                                : checkTexts.configError(check.name(), config.parsed());
                        writer.write(github, ref.repository(), head, output, existing.get(check.name()));
                        observed.check(ref, output, now);
                    } catch (InterruptedIOException e) {
                        throw e;
                    } catch (IOException | UncheckedIOException e) {
                        failed[0] = true;
                        LOG.errorf("%s for %s failed (evaluated again later): %s", check.name(), ref, e.getMessage());
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "%s for %s failed (the resync will heal)", check.name(), ref);
                    }
                }
            });
        } catch (InterruptedIOException e) {
            LOG.warnf("Checks for %s interrupted (shutting down?): %s", ref, e.getMessage());
            return true;
        } catch (IOException | UncheckedIOException e) {
            LOG.errorf("Checks for %s failed (evaluated again later): %s", ref, e.getMessage());
            return false;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Checks for %s failed (the resync will heal)", ref);
        }
        return !failed[0];
    }
}
