package io.mojaloop.releasebot.github;

import java.util.concurrent.Executor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The bodies of GitHub's answers kept for conditional requests ({@code If-None-Match}: a {@code 304} costs no rate
 * limit), bounded by their size: at most {@code maxBytes} in all, shared by every installation (one installation
 * with large files cannot make the process grow). An entry weighs its body, URL and ETag (two bytes a character,
 * what a Java string may take) plus a fixed overhead; the least valuable entries are evicted first (Caffeine's
 * frequency and recency policy). A body larger than the whole budget is not kept.
 */
public final class EtagCache {

    /** What an entry costs besides its strings: the entry, the key and the map node. */
    static final int ENTRY_OVERHEAD = 96;

    /** A body GitHub answered with its ETag. */
    public record Entry(String etag, String body) {
    }

    private record Key(long installationId, String url) {
    }

    private final Cache<Key, Entry> cache;
    private final long maxBytes;

    public EtagCache(long maxBytes) {
        this(maxBytes, null);
    }

    /** With an executor for Caffeine's maintenance ({@code Runnable::run} in tests: evictions happen at once). */
    EtagCache(long maxBytes, Executor executor) {
        this.maxBytes = maxBytes;
        Caffeine<Key, Entry> builder = Caffeine.newBuilder()
                .maximumWeight(Math.max(0, maxBytes))
                .weigher((Key key, Entry entry) -> weight(key.url(), entry))
                .recordStats();
        if (executor != null) {
            builder.executor(executor);
        }
        this.cache = builder.build();
    }

    static int weight(String url, Entry entry) {
        long chars = (long) url.length() + entry.etag().length() + (entry.body() == null ? 0 : entry.body().length());
        return (int) Math.min(Integer.MAX_VALUE, ENTRY_OVERHEAD + 2 * chars);
    }

    public Entry get(long installationId, String url) {
        return cache.getIfPresent(new Key(installationId, url));
    }

    public void put(long installationId, String url, String etag, String body) {
        Entry entry = new Entry(etag, body);
        if (weight(url, entry) > maxBytes) {
            cache.invalidate(new Key(installationId, url));
            return;
        }
        cache.put(new Key(installationId, url), entry);
    }

    /** What the kept entries weigh, in bytes (estimated as above). */
    public long bytes() {
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    public long maxBytes() {
        return maxBytes;
    }

    public long entries() {
        return cache.estimatedSize();
    }

    /** The underlying cache, for its metrics. */
    public Cache<?, ?> caffeine() {
        return cache;
    }

    /** Runs pending evictions now (tests). */
    void cleanUp() {
        cache.cleanUp();
    }
}
