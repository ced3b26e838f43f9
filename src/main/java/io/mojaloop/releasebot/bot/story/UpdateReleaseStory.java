package io.mojaloop.releasebot.bot.story;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import io.mojaloop.releasebot.core.contents.Links;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.mojaloop.releasebot.bot.Observed;
import io.mojaloop.releasebot.bot.RetryLater;
import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.ParsedConfig;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.story.ReleaseReadiness;
import io.mojaloop.releasebot.core.story.ReleaseWindow;
import io.mojaloop.releasebot.core.story.StoryBlock;
import io.mojaloop.releasebot.core.story.StoryBounds;
import io.mojaloop.releasebot.core.story.StoryFacts;
import io.mojaloop.releasebot.core.story.StoryView;
import io.mojaloop.releasebot.github.ConfigService;
import io.mojaloop.releasebot.github.GitHub;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import io.mojaloop.releasebot.github.GitHubWeb;
import io.mojaloop.releasebot.github.model.Issue;
import io.mojaloop.releasebot.github.model.SearchResult;
import io.mojaloop.releasebot.render.Texts;
import io.mojaloop.releasebot.render.TimeTexts;

/**
 * Keeps each release's story issue current: gathers everything from GitHub (the story's {@code /gate} comments,
 * labels, exceptions, issue searches, releases), decides readiness with {@link ReleaseReadiness}, renders the block
 * and writes the issue body only when the block changed. Nothing is remembered: deleting the block and asking
 * again rebuilds the same text.
 * <p>
 * Events that may change a story ({@link RefreshStoriesOnEvents}, commands, TTK reports) ask for a refresh of their
 * organisation's stories; requests within {@code release-bot.story.debounce} are coalesced into one. Each kind of
 * evidence is read by an {@link EvidenceReader}. A rebuild that GitHub failed (a story that could not be read or
 * written) is requested again after a backoff ({@link RetryLater}), before the resync would.
 */
@ApplicationScoped
public class UpdateReleaseStory {

    private static final Logger LOG = Logger.getLogger(UpdateReleaseStory.class);
    static final Pattern STORY = Pattern.compile("([^/\\s]+)/([^#\\s]+)#(\\d+)");

    public static final String RC_LABEL = "release-candidate";
    public static final String RC_VERSION_LABEL_PREFIX = "rc: ";

    @Inject
    GitHubApiFactory githubs;
    @Inject
    Instance<EvidenceReader> readers;
    @Inject
    GitHubWeb web;
    @Inject
    ConfigService configs;
    @Inject
    Texts texts;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry registry;
    @Inject
    Observed observed;
    @Inject
    RetryLater retries;
    @Inject
    StorySearches searches;

    @ConfigProperty(name = "release-bot.story.debounce", defaultValue = "2s")
    Duration debounce;

    @ConfigProperty(name = "release-bot.story.follow-after-release", defaultValue = "14d")
    Duration followAfterRelease;

    /** Where people reach the bot (its draft notes), e.g. {@code https://release-bot.example.org}; absent: no link. */
    @ConfigProperty(name = "release-bot.public-url")
    Optional<String> publicUrl;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "story-refresh");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    /**
     * Something that may change what the stories' searches find happened (a label, an issue or PR opened or closed,
     * a config push, a command that labels): the organisation's stories are rebuilt soon, searching GitHub again.
     * Several requests in a burst make one rebuild.
     */
    public void request(long installationId, String org) {
        searches.invalidate(installationId, org);
        schedule(installationId, org);
    }

    /**
     * A comment on a story changed its evidence (a {@code /gate} command, a TTK report): the organisation's stories
     * are rebuilt soon, on the story timer, not on the thread that received it (a search waiting for GitHub's
     * rate limit must not hold a request thread); searches answered shortly before are reused.
     */
    public void requestAfterStoryComment(long installationId, String org) {
        schedule(installationId, org);
    }

    private void schedule(long installationId, String org) {
        String key = installationId + "/" + org.toLowerCase(Locale.ROOT);
        if (!pending.add(key)) {
            return;
        }
        timer.schedule(() -> {
            pending.remove(key);
            try {
                refreshAll(installationId, org);
            } catch (IOException | RuntimeException e) {
                LOG.errorf("Release stories of %s could not be updated (rebuilt again later): %s", org, e.getMessage());
            }
        }, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Rebuilds every followed story of the organisation now (searches are shared between its stories). When GitHub
     * failed for one of them, the whole rebuild is requested again later.
     */
    public void refreshAll(long installationId, String org) throws IOException {
        String key = "story:" + installationId + "/" + org.toLowerCase(Locale.ROOT);
        boolean done = false;
        try {
            done = rebuildAll(installationId, org);
        } catch (InterruptedIOException e) {
            done = true; // shutting down: nothing to retry
            throw e;
        } finally {
            if (done) {
                retries.succeeded(key);
            } else {
                retries.failed("story", key, () -> request(installationId, org));
            }
        }
    }

    /** True when every followed story was rebuilt (written when it changed). */
    private boolean rebuildAll(long installationId, String org) throws IOException {
        GitHub github = githubs.github(installationId);
        Optional<ParsedConfig> parsed = configs.forOrganisation(github, org);
        if (parsed.isEmpty() || !parsed.get().ok()) {
            return true;
        }
        BotConfig config = parsed.get().config();
        Instant now = clock.instant();
        List<Release> followed = config.releases().stream().filter(r -> r.story() != null && followed(r, now)).toList();
        StoryScope.Search session = searches.session(github, installationId, org);
        Instant since = ReleaseWindow.searchesSince(config, followed, now);
        boolean all = true;
        for (Release release : followed) {
            try {
                if (!refresh(github, org, config, release, session, since).complete()) {
                    all = false; // written with what could not be read said on it; read again after a backoff
                }
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException | UncheckedIOException e) {
                all = false;
                LOG.errorf("Story of %s (%s) could not be updated (rebuilt again later): %s", release.version(),
                        release.story(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Story of %s (%s) could not be updated (the resync will heal)", release.version(), release.story());
            }
        }
        return all;
    }

    /** The draft notes' address on this bot, null when its public address is not configured. */
    String draftUrl(Release release) {
        return publicUrl.filter(u -> !u.isBlank())
                .map(u -> (u.endsWith("/") ? u.substring(0, u.length() - 1) : u) + "/api/v1/releases/"
                        + URLEncoder.encode(release.version(), StandardCharsets.UTF_8) + "/notes")
                .orElse(null);
    }

    boolean followed(Release release, Instant now) {
        if (release.releaseDate() == null) {
            return true;
        }
        return now.isBefore(release.releaseDate().resolve(release.timezone()).plus(followAfterRelease));
    }

    /** The release whose story is this issue, if any. */
    public static Optional<Release> releaseWithStory(BotConfig config, String repository, int number) {
        for (Release release : config.releases()) {
            if (release.story() != null && release.story().equalsIgnoreCase(repository + "#" + number)) {
                return Optional.of(release);
            }
        }
        return Optional.empty();
    }

    /**
     * Rebuilds one story now; returns true when the issue body was written. When a search it needed was incomplete
     * or failed, the story is written with that said on it, and the organisation's stories are rebuilt again after a
     * backoff.
     */
    public boolean refresh(GitHub github, String org, BotConfig config, Release release) throws IOException {
        Map<String, SearchResult> once = new ConcurrentHashMap<>();
        return retriedWhenIncomplete(github, org, refresh(github, org, config, release, query -> {
            SearchResult known = once.get(query);
            if (known == null) {
                known = github.searchIssues(query);
                once.put(query, known);
            }
            return known;
        }, searchesSince(config)));
    }

    /** One story's rebuild: whether its body was written, and whether every search it needed answered in full. */
    private record Outcome(boolean written, boolean complete) {
    }

    private boolean retriedWhenIncomplete(GitHub github, String org, Outcome outcome) {
        if (!outcome.complete()) {
            long installationId = github.installationId();
            retries.failed("story", "story:" + installationId + "/" + org.toLowerCase(Locale.ROOT), () -> request(installationId, org));
        }
        return outcome.written();
    }

    /**
     * Rebuilds one story now, asking GitHub's searches afresh ({@code /release-status}: "from GitHub"); the answers
     * serve the organisation's next rebuilds too. Returns true when the issue body was written.
     */
    public boolean refreshNow(long installationId, GitHub github, String org, BotConfig config, Release release)
            throws IOException {
        searches.invalidate(installationId, org);
        return retriedWhenIncomplete(github, org,
                refresh(github, org, config, release, searches.session(github, installationId, org), searchesSince(config)));
    }

    /** The look-back of the organisation's searches: the same for one story as for all, so they share answers. */
    private Instant searchesSince(BotConfig config) {
        Instant now = clock.instant();
        return ReleaseWindow.searchesSince(config,
                config.releases().stream().filter(r -> r.story() != null && followed(r, now)).toList(), now);
    }

    private Outcome refresh(GitHub github, String org, BotConfig config, Release release, StoryScope.Search searches,
            Instant since) throws IOException {
        Matcher m = STORY.matcher(release.story());
        if (!m.matches()) {
            return new Outcome(false, true);
        }
        String storyRepo = m.group(1) + "/" + m.group(2);
        int number = Integer.parseInt(m.group(3));
        StoryScope scope = new StoryScope(github, org, config, release, storyRepo, number, searches, since);
        StoryEvidence evidence = new StoryEvidence();
        for (EvidenceReader reader : readers) {
            reader.read(scope, evidence);
        }
        StoryFacts facts = evidence.facts(config, release, new Links(web.base(), org), draftUrl(release));
        Instant now = clock.instant();
        StoryView view = StoryBounds.clip(ReleaseReadiness.evaluate(facts, now, web.base()));
        observed.story(org, view, now);
        registry.counter("release_bot_verdicts", "check", "story", "conclusion", view.verdict().name().toLowerCase(Locale.ROOT)).increment();
        // one write per story at a time, from the body as it is just before writing: gathering takes a while, and
        // what people wrote around the block meanwhile must not be overwritten by a body read before it
        boolean complete = !evidence.worthRebuilding();
        if (!complete) {
            LOG.warnf("Story %s of %s: a search was incomplete or failed; the story says so and is rebuilt again soon",
                    release.story(), release.version());
        }
        synchronized (storyLock(storyRepo, number)) {
            return new Outcome(write(github, release, storyRepo, number, view, new TimeTexts(now)), complete);
        }
    }

    private boolean write(GitHub github, Release release, String storyRepo, int number, StoryView view, TimeTexts time)
            throws IOException {
        Optional<Issue> issue = github.issue(storyRepo, number);
        if (issue.isEmpty()) {
            LOG.warnf("Story %s of %s does not exist (or the app is not installed on %s)", release.story(), release.version(), storyRepo);
            return false;
        }
        String body = issue.get().body() == null ? "" : issue.get().body();
        StoryBounds.Fit fit = StoryBounds.fit(body, view, StoryBounds.MAX_BODY,
                shown -> texts.render("story/block.md", Map.of("s", shown.s(), "more", shown.more(), "time", time)),
                tooLong -> texts.render("story/too-long.md", Map.of("t", tooLong)));
        if (fit.outcome() != StoryBounds.Outcome.FULL) {
            registry.counter("release_bot_story_bounded", "outcome", fit.outcome().name().toLowerCase(Locale.ROOT)).increment();
        }
        if (fit.block() == null) {
            // people's own text leaves no room for even the minimal block: writing would only be refused
            LOG.warnf("Story %s of %s not updated: the text around the block leaves no room for it under GitHub's %d characters",
                    release.story(), release.version(), StoryBounds.MAX_BODY);
            return false;
        }
        if (fit.outcome() != StoryBounds.Outcome.FULL) {
            LOG.infof("Story %s of %s too long for GitHub in full: %s (%d list items left out)", release.story(),
                    release.version(), fit.outcome(), fit.omitted().total());
        }
        String updated = StoryBlock.splice(body, fit.block());
        if (updated.equals(body.replace("\r\n", "\n"))) {
            LOG.debugf("Story %s unchanged (%s)", release.story(), view.verdict());
            return false;
        }
        github.updateIssueBody(storyRepo, number, updated);
        LOG.infof("Story %s of %s updated: %s", release.story(), release.version(), view.verdict());
        return true;
    }

    private final Object[] storyLocks = new Object[64];

    {
        for (int i = 0; i < storyLocks.length; i++) {
            storyLocks[i] = new Object();
        }
    }

    private Object storyLock(String repository, int number) {
        return storyLocks[Math.floorMod((repository.toLowerCase(Locale.ROOT) + "#" + number).hashCode(), storyLocks.length)];
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
