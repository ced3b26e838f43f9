package io.mojaloop.releasebot.bot.upkeep;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.mojaloop.releasebot.bot.WorkQueue;
import io.mojaloop.releasebot.github.AppDeliveries;
import io.mojaloop.releasebot.github.GitHubApiException;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import io.mojaloop.releasebot.github.model.HookDelivery;
import io.quarkus.scheduler.Scheduled;

/**
 * Asks GitHub to redeliver the webhook deliveries that failed, which GitHub never does by itself: a delivery the
 * bot answered {@code 503} because its queue was full, or one GitHub could not deliver while the bot was down
 * (connection refused, timeout, a 5xx from the ingress). Shortly after start ({@code release-bot.redelivery.initial-delay},
 * 30s) and then periodically ({@code release-bot.redelivery.every}, 5m) it lists the app's deliveries
 * ({@code GET /app/hook/deliveries}, authenticated as the app with its JWT), newest first, back to the previous run
 * (at start: {@code release-bot.redelivery.lookback}, 24h, never more than GitHub's three days), and asks for a new
 * attempt ({@code POST /app/hook/deliveries/{id}/attempts}) of each failed one, oldest first, at most
 * {@code release-bot.redelivery.max-per-run} (50) a run (the rest in the next runs).
 * <p>
 * A delivery is redelivered once: GitHub lists a redelivery as a new delivery with {@code redelivery: true} and the
 * same {@code guid}, so a guid that already has a redelivery (successful or not), or any successful delivery, is
 * left alone; so is one this process asked for already (GitHub may not list the new attempt yet). A redelivery that
 * fails again is left to the resync. Only transient failures are redelivered (no answer, 408, 429, 5xx); a 4xx such
 * as a bad signature would fail again. Nothing is redelivered while the work queue is full, nor in dry-run
 * ({@code release-bot.dry-run}), nor with {@code release-bot.redelivery.enabled=false}.
 * <p>
 * Counted as {@code release_bot_webhooks_redelivered_total} (attempts GitHub accepted) and
 * {@code release_bot_webhooks_redelivery_failed_total} (requests GitHub refused, and failed listings).
 */
@ApplicationScoped
public class RedeliverFailedDeliveries {

    private static final Logger LOG = Logger.getLogger(RedeliverFailedDeliveries.class);
    /** GitHub redelivers deliveries of the past three days; an hour's margin. */
    static final Duration GITHUB_KEEPS = Duration.ofHours(71);
    /** Overlap with the previous run (deliveries are listed when they end, a little after they start). */
    static final Duration OVERLAP = Duration.ofMinutes(2);
    static final int MAX_PAGES = 20;
    static final int REMEMBERED = 10_000;

    @ConfigProperty(name = "release-bot.redelivery.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "release-bot.redelivery.max-per-run", defaultValue = "50")
    int maxPerRun;

    @ConfigProperty(name = "release-bot.redelivery.lookback", defaultValue = "24h")
    Duration lookback;

    @ConfigProperty(name = "release-bot.dry-run", defaultValue = "false")
    boolean dryRun;

    @Inject
    GitHubApiFactory githubs;
    @Inject
    WorkQueue work;
    @Inject
    MeterRegistry registry;
    @Inject
    Clock clock;

    /** The app's webhook deliveries (tests set their own). */
    AppDeliveries deliveries;

    private volatile boolean unlistedSaid;

    /** Deliveries before this were looked at by a previous run. */
    private Instant checkedUntil;
    /** Guids this process asked GitHub to redeliver, the oldest forgotten first. */
    private final Set<String> redelivered = java.util.Collections.newSetFromMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    @Scheduled(every = "${release-bot.redelivery.every:5m}", delayed = "${release-bot.redelivery.initial-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!enabled || dryRun) {
            return;
        }
        try {
            run();
        } catch (GitHubApiException e) {
            registry.counter("release_bot_webhooks_redelivery_failed").increment();
            if (e.status() == 404 || e.status() == 401 || e.status() == 403) {
                // said once (a GitHub without the deliveries API, or an app key GitHub does not accept), then quietly
                if (!unlistedSaid) {
                    unlistedSaid = true;
                    LOG.warnf("Webhook deliveries cannot be listed (%d): failed deliveries are not redelivered (the resync"
                            + " heals); said once", e.status());
                } else {
                    LOG.debugf("Webhook deliveries cannot be listed (%d)", e.status());
                }
            } else {
                LOG.errorf("Listing webhook deliveries failed (next run will try again): %s", e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            registry.counter("release_bot_webhooks_redelivery_failed").increment();
            LOG.errorf("Redelivering failed webhook deliveries failed (next run will try again): %s", e.getMessage());
        }
    }

    private AppDeliveries deliveries() {
        if (deliveries == null) {
            deliveries = new AppDeliveries(githubs.forApp());
        }
        return deliveries;
    }

    /** One pass; answers the deliveries asked for again. */
    synchronized List<HookDelivery> run() throws IOException {
        if (!enabled || dryRun) {
            return List.of();
        }
        if (work != null && work.full()) {
            LOG.info("Work queue full: failed webhook deliveries are redelivered in a later run");
            return List.of();
        }
        Instant now = clock.instant();
        Instant oldest = now.minus(GITHUB_KEEPS);
        Instant since = checkedUntil != null ? checkedUntil.minus(OVERLAP) : now.minus(lookback);
        if (since.isBefore(oldest)) {
            since = oldest;
        }
        List<HookDelivery> listed = deliveries().since(since, MAX_PAGES);
        Set<String> settled = new HashSet<>();
        for (HookDelivery d : listed) {
            if (d.redelivery() || d.ok()) {
                settled.add(d.guid());
            }
        }
        List<HookDelivery> failed = new ArrayList<>();
        for (HookDelivery d : listed) {
            if (!d.redelivery() && d.transientFailure() && !d.deliveredAt().isBefore(since) && !settled.contains(d.guid())
                    && !redelivered.contains(d.guid())) {
                failed.add(d);
            }
        }
        failed.sort(Comparator.comparing(HookDelivery::deliveredAt).thenComparing(HookDelivery::id));
        List<HookDelivery> asked = new ArrayList<>();
        Instant next = now;
        for (HookDelivery d : failed) {
            if (asked.size() >= Math.max(0, maxPerRun)) {
                next = d.deliveredAt(); // the rest in the next run
                LOG.infof("%d failed webhook deliveries left for the next run", failed.size() - asked.size());
                break;
            }
            try {
                deliveries().redeliver(d.id());
                redelivered.add(d.guid());
                asked.add(d);
                registry.counter("release_bot_webhooks_redelivered").increment();
                LOG.infof("Webhook delivery %s (%s, answered %d at %s) redelivered", d.guid(), d.event(), d.statusCode(),
                        d.deliveredAt());
            } catch (GitHubApiException e) {
                registry.counter("release_bot_webhooks_redelivery_failed").increment();
                LOG.warnf("GitHub refused to redeliver %s (%s): %s (the resync heals)", d.guid(), d.event(), e.getMessage());
            }
        }
        checkedUntil = next.isBefore(now) ? next.plus(OVERLAP) : now;
        return asked;
    }
}
