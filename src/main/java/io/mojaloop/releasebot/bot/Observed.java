package io.mojaloop.releasebot.bot;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.mojaloop.releasebot.core.config.ConfigProblem;
import io.mojaloop.releasebot.core.story.StoryView;
import io.mojaloop.releasebot.github.ConfigService;
import io.mojaloop.releasebot.github.WritePacer;
import io.mojaloop.releasebot.github.model.CheckRunOutput;

/**
 * What the bot last saw and decided, kept in memory for the dashboard only: the latest story view per release,
 * the PRs whose checks currently fail, configuration problems, and (in dry-run) the writes it would have made.
 * Nothing here is used to decide anything: every verdict is recomputed from GitHub.
 */
@ApplicationScoped
public class Observed {

    /** A PR whose check failed at its latest evaluation. */
    public record BlockedPr(String repository, int number, String check, String title, Instant at) {
    }

    /** A write the bot would have made (dry-run). */
    public record WouldWrite(Instant at, String method, String path, String summary) {
    }

    private final Map<String, StoryView> stories = new ConcurrentHashMap<>();
    private final Map<String, Instant> storiesAt = new ConcurrentHashMap<>();
    private final Map<String, BlockedPr> blocked = new ConcurrentHashMap<>();
    private final Map<String, List<ConfigProblem>> problems = new ConcurrentHashMap<>();
    private final Deque<WouldWrite> wouldWrite = new ArrayDeque<>();

    void onConfig(@Observes ConfigService.OrgConfigLoaded loaded) {
        if (loaded.parsed().ok()) {
            problems.remove(loaded.org().toLowerCase(Locale.ROOT));
        } else {
            problems.put(loaded.org().toLowerCase(Locale.ROOT), loaded.parsed().problems());
        }
    }

    public void story(String org, StoryView view, Instant at) {
        String key = (org + "/" + view.release().version()).toLowerCase(Locale.ROOT);
        stories.put(key, view);
        storiesAt.put(key, at);
    }

    public StoryView story(String org, String version) {
        return stories.get((org + "/" + version).toLowerCase(Locale.ROOT));
    }

    public Instant storyAt(String org, String version) {
        return storiesAt.get((org + "/" + version).toLowerCase(Locale.ROOT));
    }

    public void check(PullRequestRef ref, CheckRunOutput output, Instant at) {
        String key = (ref.repository() + "#" + ref.number() + "/" + output.name()).toLowerCase(Locale.ROOT);
        if ("failure".equals(output.conclusion())) {
            blocked.put(key, new BlockedPr(ref.repository(), ref.number(), output.name(), output.title(), at));
        } else {
            blocked.remove(key);
        }
    }

    /** A PR closed (or gone): it blocks nothing any more. */
    public void forget(String repository, int number) {
        String prefix = (repository + "#" + number + "/").toLowerCase(Locale.ROOT);
        blocked.keySet().removeIf(k -> k.startsWith(prefix));
    }

    /** The resync's list of a repository's open PRs: any other PR of it listed as blocked was closed meanwhile. */
    public void keepOpen(String repository, Set<Integer> open) {
        blocked.values().removeIf(b -> b.repository().equalsIgnoreCase(repository) && !open.contains(b.number()));
    }

    public List<BlockedPr> blocked(String org) {
        String prefix = org.toLowerCase(Locale.ROOT) + "/";
        return blocked.values().stream().filter(b -> b.repository().toLowerCase(Locale.ROOT).startsWith(prefix))
                .sorted(Comparator.comparing(BlockedPr::repository).thenComparing(BlockedPr::number)).toList();
    }

    public List<ConfigProblem> problems(String org) {
        return problems.getOrDefault(org.toLowerCase(Locale.ROOT), List.of());
    }

    void onWouldWrite(@Observes WritePacer.WouldWrite write) {
        wouldWrite(write.method(), write.path(), write.summary());
    }

    public synchronized void wouldWrite(String method, String path, String summary) {
        wouldWrite.addFirst(new WouldWrite(Instant.now(), method, path, summary));
        while (wouldWrite.size() > 200) {
            wouldWrite.removeLast();
        }
    }

    public synchronized List<WouldWrite> wouldWrite() {
        return new ArrayList<>(wouldWrite);
    }
}
