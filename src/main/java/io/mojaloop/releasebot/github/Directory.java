package io.mojaloop.releasebot.github;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Who people are: team members and profile companies, cached for a short time (teams and profiles change rarely,
 * and every check evaluation would otherwise ask again).
 */
@ApplicationScoped
public class Directory {

    private static final Logger LOG = Logger.getLogger(Directory.class);

    @ConfigProperty(name = "release-bot.cache.people-ttl", defaultValue = "10m")
    Duration ttl;

    @ConfigProperty(name = "release-bot.cache.people-max-entries", defaultValue = "10000")
    int maxEntries;

    /** A directory outside CDI (tests). */
    public static Directory of(Duration ttl, int maxEntries) {
        Directory directory = new Directory();
        directory.ttl = ttl;
        directory.maxEntries = maxEntries;
        return directory;
    }

    private record Entry<T>(T value, long expiresAt) {
    }

    /**
     * Caches by person or team, bounded: past {@code maxEntries} entries, expired ones are dropped, and if that is
     * not enough the cache starts again empty (everything in it can be read again from GitHub).
     */
    private <T> void remember(Map<String, Entry<T>> cache, String key, T value) {
        long now = System.currentTimeMillis();
        if (cache.size() >= maxEntries) {
            cache.values().removeIf(e -> e.expiresAt <= now);
            if (cache.size() >= maxEntries) {
                cache.clear();
            }
        }
        cache.put(key, new Entry<>(value, now + ttl.toMillis()));
    }

    private final Map<String, Entry<Set<String>>> teams = new ConcurrentHashMap<>();
    private final Map<String, Entry<Optional<String>>> companies = new ConcurrentHashMap<>();

    /** Lower-case logins of a team's members; empty (and logged) when the team does not exist. */
    public Set<String> teamMembers(GitHub github, String org, String slug) throws IOException {
        String key = (org + "/" + slug).toLowerCase(Locale.ROOT);
        Entry<Set<String>> cached = teams.get(key);
        if (cached != null && cached.expiresAt > System.currentTimeMillis()) {
            return cached.value;
        }
        Optional<Set<String>> found = github.teamMembers(org, slug);
        if (found.isEmpty()) {
            LOG.warnf("Team %s/%s named in the configuration does not exist (or the app cannot see it)", org, slug);
        }
        Set<String> members = new HashSet<>();
        found.orElse(Set.of()).forEach(login -> members.add(login.toLowerCase(Locale.ROOT)));
        Set<String> result = Set.copyOf(members);
        remember(teams, key, result);
        return result;
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
        String key = login.toLowerCase(Locale.ROOT);
        Entry<Optional<String>> cached = companies.get(key);
        if (cached != null && cached.expiresAt > System.currentTimeMillis()) {
            return cached.value;
        }
        Optional<String> company = github.profileCompany(login);
        remember(companies, key, company);
        return company;
    }

    private final Map<String, Entry<Boolean>> writers = new ConcurrentHashMap<>();

    /** True when the person has write (or maintain, or admin) permission on the repository. */
    public boolean canWrite(GitHub github, String repository, String login) throws IOException {
        String key = (repository + "/" + login).toLowerCase(Locale.ROOT);
        Entry<Boolean> cached = writers.get(key);
        if (cached != null && cached.expiresAt > System.currentTimeMillis()) {
            return cached.value;
        }
        boolean write = github.permission(repository, login).canWrite();
        remember(writers, key, write);
        return write;
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
        teams.remove((org + "/" + slug).toLowerCase(Locale.ROOT));
    }

    public void clear() {
        teams.clear();
        companies.clear();
        writers.clear();
    }
}
