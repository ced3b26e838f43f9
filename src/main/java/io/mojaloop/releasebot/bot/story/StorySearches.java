package io.mojaloop.releasebot.bot.story;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.mojaloop.releasebot.github.GitHub;
import io.mojaloop.releasebot.github.model.SearchResult;

/**
 * The issue searches of the release stories, shared. GitHub allows an installation 30 searches a minute and a
 * search answer has no ETag (asking again always costs), so:
 * <ul>
 * <li>within one rebuild of an organisation's stories each query is asked once, however many releases use it
 * ({@link Session});</li>
 * <li>across rebuilds an answer is kept {@code release-bot.story.search-ttl} (default 45 s; at most
 * {@code release-bot.story.search-max-entries} answers, default 500), so that a burst of TTK reports or
 * {@code /gate} comments does not search again each time;</li>
 * <li>an event that can change an answer (a label, an issue or PR opened or closed, a config push, a command that
 * labels: {@link #invalidate}) starts a new generation for its organisation: rebuilds from then on ask GitHub again,
 * and an answer a rebuild of the old generation is still waiting for is not kept for the new one.</li>
 * </ul>
 * An answer GitHub marked {@code incomplete_results}, or a failed search, is not kept across rebuilds.
 * Hits and misses: {@code cache_gets_total{cache="release-bot-story-searches"}}.
 */
@ApplicationScoped
public class StorySearches {

    @ConfigProperty(name = "release-bot.story.search-ttl", defaultValue = "45s")
    Duration ttl;
    @ConfigProperty(name = "release-bot.story.search-max-entries", defaultValue = "500")
    int maxEntries;
    @Inject
    MeterRegistry registry;

    private volatile Cache<String, SearchResult> cache;
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

    /** A cache outside CDI (tests). */
    static StorySearches of(Duration ttl, int maxEntries) {
        StorySearches searches = new StorySearches();
        searches.ttl = ttl;
        searches.maxEntries = maxEntries;
        return searches;
    }

    private Cache<String, SearchResult> cache() {
        Cache<String, SearchResult> c = cache;
        if (c == null) {
            synchronized (this) {
                if (cache == null) {
                    cache = Caffeine.newBuilder().maximumSize(Math.max(1, maxEntries)).expireAfterWrite(ttl).recordStats().build();
                    if (registry != null) {
                        CaffeineCacheMetrics.monitor(registry, cache, "release-bot-story-searches");
                    }
                }
                c = cache;
            }
        }
        return c;
    }

    private static String org(long installationId, String org) {
        return installationId + "/" + org.toLowerCase(Locale.ROOT);
    }

    private long generation(String org) {
        return generations.computeIfAbsent(org, k -> new AtomicLong()).get();
    }

    /** Something that may change what the organisation's searches find happened: ask GitHub again from now on. */
    public void invalidate(long installationId, String org) {
        generations.computeIfAbsent(org(installationId, org), k -> new AtomicLong()).incrementAndGet();
    }

    /** The searches of one rebuild of the organisation's stories. */
    public Session session(GitHub github, long installationId, String org) {
        String key = org(installationId, org);
        return new Session(github, key + "@" + generation(key) + " ");
    }

    /** One rebuild's searches: each query asked at most once, answered from the shared cache when it can. */
    public final class Session implements StoryScope.Search {
        private final GitHub github;
        private final String prefix;
        private final Map<String, SearchResult> asked = new ConcurrentHashMap<>();

        private Session(GitHub github, String prefix) {
            this.github = github;
            this.prefix = prefix;
        }

        @Override
        public SearchResult search(String query) throws IOException {
            SearchResult known = asked.get(query);
            if (known != null) {
                return known;
            }
            known = cache().getIfPresent(prefix + query);
            if (known == null) {
                known = github.searchIssues(query);
                if (!known.incomplete()) {
                    cache().put(prefix + query, known);
                }
            }
            asked.put(query, known);
            return known;
        }
    }
}
