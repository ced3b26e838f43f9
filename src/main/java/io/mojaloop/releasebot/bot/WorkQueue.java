package io.mojaloop.releasebot.bot;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The work webhooks ask for, done off the request thread by a few workers ({@code release-bot.work.concurrency},
 * default 10, so at most that many evaluations talk to GitHub at once) from a bounded queue
 * ({@code release-bot.work.capacity}, default 2000). Work is keyed ("review-rules:org/repo#12"): a key already
 * waiting is not queued twice, since the evaluation reads GitHub's state when it runs. When the queue holds
 * {@code capacity} entries the webhook endpoint answers 503 (see WebhookInputGuard) and GitHub's delivery can be
 * redelivered. Deliveries acknowledged just before that point are still being dispatched when it is reached, so the
 * queue itself takes {@code release-bot.work.headroom} (default 1000) more entries: acknowledged work is queued,
 * not dropped. Only past that (logged, counted as {@code release_bot_work_rejected}) does the resync have to heal.
 */
@ApplicationScoped
public class WorkQueue {

    private static final Logger LOG = Logger.getLogger(WorkQueue.class);

    @ConfigProperty(name = "release-bot.work.concurrency", defaultValue = "10")
    int concurrency;
    @ConfigProperty(name = "release-bot.work.capacity", defaultValue = "2000")
    int capacity;
    @ConfigProperty(name = "release-bot.work.headroom", defaultValue = "1000")
    int headroom;

    @Inject
    MeterRegistry registry;

    private ThreadPoolExecutor pool;
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void start() {
        pool = new ThreadPoolExecutor(concurrency, concurrency, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(capacity + headroom), r -> {
            Thread t = new Thread(r, "release-bot-work");
            t.setDaemon(true);
            return t;
        });
        registry.gauge("release_bot_queue_depth", pool, p -> p.getQueue().size());
    }

    /** Queues the work unless the same key is already waiting; false when the queue is full. */
    public boolean submit(String key, Runnable work) {
        if (!waiting.add(key)) {
            registry.counter("release_bot_work_coalesced").increment();
            return true;
        }
        try {
            pool.execute(() -> {
                waiting.remove(key);
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Work %s failed (the resync will heal)", key);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            waiting.remove(key);
            registry.counter("release_bot_work_rejected").increment();
            LOG.warnf("Work queue full: %s not queued (the resync will heal)", key);
            return false;
        }
    }

    /** True when the queue holds {@code capacity} entries: the webhook endpoint then answers 503. */
    public boolean full() {
        return pool.getQueue().size() >= capacity;
    }

    /** True when nothing is waiting and no worker is busy. */
    public boolean idle() {
        return pool.getQueue().isEmpty() && pool.getActiveCount() == 0;
    }

    public int depth() {
        return pool.getQueue().size();
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
