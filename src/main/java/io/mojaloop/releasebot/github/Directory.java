package io.mojaloop.releasebot.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Who people are: team members, profile companies and write permissions, cached for a short time (teams and
 * profiles change rarely, and every check evaluation would otherwise ask again). Each kind is a Caffeine cache:
 * at most {@code release-bot.cache.people-max-entries} entries (past that, the least valuable ones are evicted one
 * at a time: those asked for least often and longest ago), each kept {@code release-bot.cache.people-ttl} after it
 * was read; a person or team asked for by several evaluations at once is read from GitHub once, the others wait for
 * that answer. A failed read is not cached. Hits, misses, loads and evictions are metrics
 * ({@code cache_gets_total{cache="release-bot-teams|release-bot-companies|release-bot-permissions",result}}).
 */
@ApplicationScoped
public class Directory {

    private static final Logger LOG = Logger.getLogger(Directory.class);

    @ConfigProperty(name = "release-bot.cache.people-ttl", defaultValue = "10m")
    Duration ttl;

    @ConfigProperty(name = "release-bot.cache.people-max-entries", defaultValue = "10000")
    int maxEntries;

    @Inject
    MeterRegistry registry;

    /** Caffeine's time source (tests move it). */
    Ticker ticker = Ticker.systemTicker();

    /** Where Caffeine does its upkeep; null for its default (tests run it at once). */
    Executor upkeep;

    /** A directory outside CDI (tests). */
    public static Directory of(Duration ttl, int maxEntries) {
        Directory directory = new Directory();
        directory.ttl = ttl;
        directory.maxEntries = maxEntries;
        return directory;
    }

    private record Caches(Cache<String, Set<String>> teams, Cache<String, Optional<String>> companies,
            Cache<String, Boolean> writers) {
    }

    private volatile Caches caches;

    private Caches caches() {
        Caches c = caches;
        if (c == null) {
            synchronized (this) {
                if (caches == null) {
                    caches = new Caches(cache("release-bot-teams"), cache("release-bot-companies"),
                            cache("release-bot-permissions"));
                }
                c = caches;
            }
        }
        return c;
    }

    private <V> Cache<String, V> cache(String name) {
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(Math.max(1, maxEntries))
                .expireAfterWrite(ttl).ticker(ticker).recordStats();
        if (upkeep != null) {
            builder.executor(upkeep);
        }
        Cache<String, V> cache = builder.build();
        if (registry != null) {
            CaffeineCacheMetrics.monitor(registry, cache, name);
        }
        return cache;
    }

    private interface Read<V> {
        V read() throws IOException;
    }

    /** The cached value, or the value read once for every caller waiting for the same key. */
    private static <V> V get(Cache<String, V> cache, String key, Read<V> read) throws IOException {
        try {
            return cache.get(key, k -> {
                try {
                    return read.read();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Lower-case logins of a team's members; empty (and logged) when the team does not exist. */
    public Set<String> teamMembers(GitHub github, String org, String slug) throws IOException {
        String key = (org + "/" + slug).toLowerCase(Locale.ROOT);
        return get(caches().teams(), key, () -> {
            Optional<Set<String>> found = github.teamMembers(org, slug);
            if (found.isEmpty()) {
                LOG.warnf("Team %s/%s named in the configuration does not exist (or the app cannot see it)", org, slug);
            }
            Set<String> members = new HashSet<>();
            found.orElse(Set.of()).forEach(login -> members.add(login.toLowerCase(Locale.ROOT)));
            return Set.copyOf(members);
        });
    }

    /** True when the login is a member of at least one of the teams. */
    public boolean inAnyTeam(GitHub github, String org, List<String> slugs, String login) throws IOException {
        String l = login.toLowerCase(Locale.ROOT);
        for (String slug : slugs) {
            if (teamMembers(github, org, slug).contains(l)) {
                return true;
            }
        }
        return false;
    }

    /** The raw company field of a GitHub profile. */
    public Optional<String> company(GitHub github, String login) throws IOException {
        return get(caches().companies(), login.toLowerCase(Locale.ROOT), () -> github.profileCompany(login));
    }

    /** True when the person has write (or maintain, or admin) permission on the repository. */
    public boolean canWrite(GitHub github, String repository, String login) throws IOException {
        return get(caches().writers(), (repository + "/" + login).toLowerCase(Locale.ROOT),
                () -> github.permission(repository, login).canWrite());
    }

    /**
     * Release managers: members of {@code release-candidates.approvers}, or, when that list is empty, anyone with
     * write permission on the repository where they act.
     */
    public boolean isReleaseManager(GitHub github, String org, List<String> approverTeams, String repository, String login)
            throws IOException {
        return approverTeams.isEmpty() ? canWrite(github, repository, login) : inAnyTeam(github, org, approverTeams, login);
    }

    /** Forgets a team (membership or team events). */
    public void forgetTeam(String org, String slug) {
        caches().teams().invalidate((org + "/" + slug).toLowerCase(Locale.ROOT));
    }

    public void clear() {
        caches().teams().invalidateAll();
        caches().companies().invalidateAll();
        caches().writers().invalidateAll();
    }

    /** Entries kept now, all kinds together (tests). */
    long size() {
        Caches c = caches();
        c.teams().cleanUp();
        c.companies().cleanUp();
        c.writers().cleanUp();
        return c.teams().estimatedSize() + c.companies().estimatedSize() + c.writers().estimatedSize();
    }
}
