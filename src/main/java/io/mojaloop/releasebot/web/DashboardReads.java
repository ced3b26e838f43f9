package io.mojaloop.releasebot.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.mojaloop.releasebot.core.config.ParsedConfig;
import io.mojaloop.releasebot.github.ConfigService;
import io.mojaloop.releasebot.github.GitHub;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import io.mojaloop.releasebot.github.model.Repository;
import io.quarkiverse.githubapp.GitHubClientProvider;

/**
 * What the dashboard reads from GitHub (the installations, each organisation's configuration and, unless the page is
 * private, which of its repositories are public), read at most once per {@code release-bot.dashboard.cache-ttl}
 * (30s) however many people look: views are answered from the last reading, and while one view renews it the others
 * get the previous one. A failed reading is kept as long, so a failing GitHub is not asked again for every view.
 */
@ApplicationScoped
public class DashboardReads {

    private static final Logger LOG = Logger.getLogger(DashboardReads.class);

    /**
     * One organisation.
     *
     * @param publicRepositories full names (lower case) of its public repositories; null when the page shows all
     */
    public record OrgRead(String org, long installationId, ParsedConfig config, Set<String> publicRepositories) {
    }

    public record Reading(List<OrgRead> orgs, String error, long atNanos) {
    }

    @Inject
    GitHubClientProvider clients;
    @Inject
    GitHubApiFactory githubs;
    @Inject
    ConfigService configs;

    @ConfigProperty(name = "release-bot.dashboard.cache-ttl", defaultValue = "30s")
    Duration ttl;
    @ConfigProperty(name = "release-bot.dashboard.private", defaultValue = "false")
    boolean privatePage;

    private final ReentrantLock renewing = new ReentrantLock();
    private volatile Reading last;

    public Reading current() {
        Reading r = last;
        if (fresh(r)) {
            return r;
        }
        if (r != null && !renewing.tryLock()) {
            return r;
        }
        if (r == null) {
            renewing.lock();
        }
        try {
            r = last;
            if (fresh(r)) {
                return r;
            }
            r = read();
            last = r;
            return r;
        } finally {
            renewing.unlock();
        }
    }

    private boolean fresh(Reading r) {
        return r != null && System.nanoTime() - r.atNanos() < ttl.toNanos();
    }

    private Reading read() {
        List<OrgRead> orgs = new ArrayList<>();
        try {
            for (var installation : clients.getApplicationClient().getApp().listInstallations()) {
                String org = installation.getAccount().getLogin();
                GitHub github = githubs.github(installation.getId());
                Optional<ParsedConfig> parsed = configs.forOrganisation(github, org);
                if (parsed.isPresent()) {
                    orgs.add(new OrgRead(org, installation.getId(), parsed.get(), privatePage ? null : publicRepositories(github, org)));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Dashboard could not read the installations", e);
            return new Reading(List.copyOf(orgs), String.valueOf(e.getMessage()) /* the template says what it means */, System.nanoTime());
        }
        return new Reading(List.copyOf(orgs), null, System.nanoTime());
    }

    /** The installation's public repositories; none (so nothing of the organisation shown) when they cannot be read. */
    static Set<String> publicRepositories(GitHub github, String org) {
        Set<String> names = new HashSet<>();
        try {
            for (Repository repository : github.installationRepositories()) {
                if (!repository.privateRepository()) {
                    names.add(repository.fullName().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Dashboard could not list the repositories of %s: showing none of them (%s)", org, e.getMessage());
            return Set.of();
        }
        return Set.copyOf(names);
    }
}
