package io.mojaloop.releasebot.github;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small REST client for one GitHub App installation: the only way the bot reads and writes GitHub (hub4j is used
 * for parsing webhook payloads only). Every call has a request timeout; GETs are conditional (ETag /
 * If-None-Match: a 304 costs no rate limit) with a bounded cache; failures are retried politely:
 * <ul>
 * <li>connection errors and timeouts: retried with jittered backoff (writes too, since nothing was executed only when
 * the connection failed; a read timeout on a write is not retried);</li>
 * <li>5xx: retried with jittered backoff for idempotent methods (GET, PATCH, PUT, DELETE) and the POSTs GitHub
 * applies at most once (labels, reactions);</li>
 * <li>403/429 rate limits: wait for {@code Retry-After} or {@code X-RateLimit-Reset} (capped at
 * {@code maxRateLimitWait}, plus jitter so that writes refused together do not come back together) and retry. A
 * refused write is never dropped for having been refused: it is retried (through the {@link WriteGate}, which
 * learns from the refusal) until it goes through or {@code maxWriteWait} has passed in all; reads are retried
 * {@code maxAttempts} times, except a search on a thread that answers requests ({@link #onRequestThread}): its
 * rate limit is 30 a minute, and waiting for it would hold the request, so it fails at once.</li>
 * </ul>
 */
public class GitHubApi {

    private static final Logger LOG = Logger.getLogger(GitHubApi.class);
    /**
     * POSTs that GitHub applies at most once however often they are sent, so retrying them after a 5xx or a
     * timeout is safe: adding labels to an issue (adding one it has is a no-op), creating a label (a second create
     * is a 422) and reacting (the same reaction twice is one reaction). Also a webhook redelivery: a second attempt
     * carries the same delivery id, which the bot's webhook guard answers as a duplicate.
     */
    static final Pattern IDEMPOTENT_POSTS = Pattern.compile("^(/repos/[^/]+/[^/]+/(issues/\\d+/labels|labels|issues/comments/\\d+/reactions)"
            + "|/app/hook/deliveries/\\d+/attempts)(\\?.*)?$");
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    /** Observes every HTTP exchange (metrics, tests, dry-run). */
    public interface Listener {
        void exchanged(String method, String path, int status, boolean write);

        /**
         * What GitHub says is left of one of the installation's primary rate limits: {@code X-RateLimit-Remaining}
         * of the limit named by {@code X-RateLimit-Resource} ({@code core}, {@code search}, {@code graphql}, ...;
         * {@code core} when GitHub does not say).
         */
        default void rateLimitRemaining(long installationId, String resource, long remaining) {
        }
    }

    /**
     * How the client talks to GitHub. {@code etagCacheBytes} bounds the ETag cache when the client has one of its
     * own (see {@link EtagCache}); {@code maxWriteWait} is how long, in all, a write refused by a rate limit is
     * retried before it fails.
     */
    public record Settings(Duration requestTimeout, int maxAttempts, Duration initialBackoff, Duration maxRateLimitWait,
            long etagCacheBytes, Duration maxWriteWait) {
        public static final long DEFAULT_ETAG_CACHE_BYTES = 16L * 1024 * 1024;
        public static final Duration DEFAULT_MAX_WRITE_WAIT = Duration.ofMinutes(15);
        public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(30), 4, Duration.ofMillis(250),
                Duration.ofSeconds(60), DEFAULT_ETAG_CACHE_BYTES, DEFAULT_MAX_WRITE_WAIT);

        public Settings(Duration requestTimeout, int maxAttempts, Duration initialBackoff, Duration maxRateLimitWait,
                long etagCacheBytes) {
            this(requestTimeout, maxAttempts, initialBackoff, maxRateLimitWait, etagCacheBytes, DEFAULT_MAX_WRITE_WAIT);
        }
    }

    private final long installationId;
    private final String baseUrl;
    private final Supplier<String> token;
    private final HttpClient client;
    private final ObjectMapper mapper;
    private final Settings settings;
    private final Listener listener;
    private final WriteGate writeGate;
    private final EtagCache etags;

    public GitHubApi(String baseUrl, Supplier<String> token, HttpClient client, ObjectMapper mapper, Settings settings,
            Listener listener, WriteGate writeGate) {
        this(0, baseUrl, token, client, mapper, settings, listener, writeGate);
    }

    public GitHubApi(long installationId, String baseUrl, Supplier<String> token, HttpClient client, ObjectMapper mapper,
            Settings settings, Listener listener, WriteGate writeGate) {
        this(installationId, baseUrl, token, client, mapper, settings, listener, writeGate,
                new EtagCache(settings.etagCacheBytes()));
    }

    /** A client sharing an ETag cache with others (one byte budget for every installation). */
    public GitHubApi(long installationId, String baseUrl, Supplier<String> token, HttpClient client, ObjectMapper mapper,
            Settings settings, Listener listener, WriteGate writeGate, EtagCache etags) {
        this.installationId = installationId;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.client = client;
        this.mapper = mapper;
        this.settings = settings;
        this.listener = listener;
        this.writeGate = writeGate;
        this.etags = etags;
    }

    /** The installation whose token this client uses. */
    public long installationId() {
        return installationId;
    }

    /** Paces and possibly suppresses content-creating requests (dry-run, secondary rate limits). */
    public interface WriteGate {
        /** Returns false when the write must not be sent (dry-run); may block to pace writes. */
        boolean beforeWrite(String method, String path, Object body) throws InterruptedIOException;

        /**
         * GitHub refused a write for a rate limit and asked to wait {@code wait}: the gate may hold back the writes
         * that follow and lower its pace. The refused write is then retried through {@link #beforeWrite} again.
         */
        default void refused(String method, String path, Duration wait) {
        }

        /**
         * The write let through by the last {@link #beforeWrite} on this thread has been answered (or has failed):
         * GitHub counted it at some moment up to now, so the gate may count it from now on.
         */
        default void answered(String method, String path) {
        }
    }

    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public JsonNode get(String path) throws IOException {
        return mapper.readTree(exchange("GET", path, null, null).body);
    }

    /** One page of a list and the URL of the next one ({@code Link: rel="next"}; null on the last page). */
    public record Page(JsonNode body, String next) {
    }

    /** GET of one page (a path or the {@code next} URL of the previous page), for lists read only as far as needed. */
    public Page page(String pathOrUrl) throws IOException {
        Result result = exchange("GET", pathOrUrl, null, null);
        return new Page(mapper.readTree(result.body), nextLink(result.link));
    }

    /** GET that answers empty for a 404. */
    public Optional<JsonNode> find(String path) throws IOException {
        try {
            return Optional.of(get(path));
        } catch (GitHubApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** GET of every page of a list ({@code per_page=100}, following {@code Link: rel="next"}): the items. */
    public List<JsonNode> getAll(String path) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode page : getPages(path)) {
            JsonNode items = page.isArray() ? page : firstArray(page);
            if (items != null) {
                items.forEach(all::add);
            }
        }
        return all;
    }

    /** GET of every page of a list ({@code per_page=100}, following {@code Link: rel="next"}): the whole pages. */
    public List<JsonNode> getPages(String path) throws IOException {
        List<JsonNode> pages = new ArrayList<>();
        String next = path + (path.contains("?") ? "&" : "?") + "per_page=100";
        while (next != null && pages.size() < 50) {
            Result result = exchange("GET", next, null, null);
            pages.add(mapper.readTree(result.body));
            next = nextLink(result.link);
        }
        return pages;
    }

    public JsonNode post(String path, Object body) throws IOException {
        return write("POST", path, body);
    }

    /**
     * Comments on an issue or PR exactly once, even when GitHub fails mid-way: a 5xx or a timeout may or may not
     * have created the comment, so before posting again the bot looks for a comment of its own with the same body.
     */
    public JsonNode comment(String repository, int number, String body) throws IOException {
        String path = "/repos/" + repository + "/issues/" + number + "/comments";
        for (int attempt = 1;; attempt++) {
            try {
                return post(path, Map.of("body", body));
            } catch (GitHubApiException e) {
                if (e.status() < 500 || attempt >= 3) {
                    throw e;
                }
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
            for (JsonNode existing : getAll(path)) {
                if (body.equals(existing.path("body").asText()) && "Bot".equals(existing.path("user").path("type").asText())) {
                    LOG.infof("Comment on %s#%d was created by the failed attempt: not posted again", repository, number);
                    return existing;
                }
            }
        }
    }

    public JsonNode patch(String path, Object body) throws IOException {
        return write("PATCH", path, body);
    }

    public void delete(String path) throws IOException {
        write("DELETE", path, null);
    }

    private JsonNode write(String method, String path, Object body) throws IOException {
        if (writeGate != null && !writeGate.beforeWrite(method, path, body)) {
            return mapper.createObjectNode();
        }
        String json = body == null ? null : mapper.writeValueAsString(body);
        Result result = exchange(method, path, json, null, body);
        return result.body == null || result.body.isBlank() ? mapper.createObjectNode() : mapper.readTree(result.body);
    }

    private record Result(String body, String link) {
    }

    private Result exchange(String method, String pathOrUrl, String json, String accept) throws IOException {
        return exchange(method, pathOrUrl, json, accept, null);
    }

    private Result exchange(String method, String pathOrUrl, String json, String accept, Object body) throws IOException {
        String url = pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://") ? pathOrUrl : baseUrl + pathOrUrl;
        String path = url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
        boolean idempotent = !method.equals("POST") || IDEMPOTENT_POSTS.matcher(path).find();
        boolean write = !method.equals("GET");
        IOException last = null;
        long rateLimitedMillis = 0;
        int attempt = 0;
        while (attempt < settings.maxAttempts()) {
            attempt++;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(settings.requestTimeout())
                    .header("Authorization", "Bearer " + token.get())
                    .header("Accept", accept == null ? "application/vnd.github+json" : accept)
                    .header("X-GitHub-Api-Version", "2022-11-28")
                    .header("User-Agent", "mojaloop-release-bot");
            EtagCache.Entry cached = write ? null : etags.get(installationId, url);
            if (cached != null) {
                request.header("If-None-Match", cached.etag());
            }
            if (json != null) {
                request.header("Content-Type", "application/json");
                request.method(method, HttpRequest.BodyPublishers.ofString(json));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response;
            try {
                try {
                    response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                } finally {
                    if (write && writeGate != null) {
                        writeGate.answered(method, path);
                    }
                }
            } catch (HttpTimeoutException e) {
                listener.exchanged(method, path, 0, write);
                last = new IOException(method + " " + path + " timed out after " + settings.requestTimeout(), e);
                if (!idempotent) {
                    throw last; // the write may have happened: not repeated blindly (the caller's retry reads first)
                }
                sleep(backoff(attempt));
                continue;
            } catch (ConnectException e) {
                listener.exchanged(method, path, 0, write);
                last = new IOException(method + " " + path + " could not connect: " + e.getMessage(), e);
                sleep(backoff(attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted during " + method + " " + path);
            } catch (IOException e) {
                listener.exchanged(method, path, 0, write);
                last = new IOException(method + " " + path + " failed: " + e.getMessage(), e);
                if (!idempotent) {
                    throw last;
                }
                sleep(backoff(attempt));
                continue;
            }
            int status = response.statusCode();
            listener.exchanged(method, path, status, write);
            response.headers().firstValue("X-RateLimit-Remaining").ifPresent(remaining -> {
                try {
                    String resource = response.headers().firstValue("X-RateLimit-Resource").map(String::trim)
                            .filter(r -> !r.isEmpty()).orElse("core");
                    listener.rateLimitRemaining(installationId, resource, Long.parseLong(remaining.trim()));
                } catch (NumberFormatException e) {
                    // not GitHub's header: ignored
                }
            });
            if (status == 304 && cached != null) {
                return new Result(cached.body(), response.headers().firstValue("Link").orElse(null));
            }
            if (status >= 200 && status < 300) {
                String etag = response.headers().firstValue("ETag").orElse(null);
                if (!write && etag != null) {
                    etags.put(installationId, url, etag, response.body());
                }
                return new Result(response.body(), response.headers().firstValue("Link").orElse(null));
            }
            Duration rateLimitWait = rateLimitWait(response);
            if (rateLimitWait != null && write && rateLimitedMillis + rateLimitWait.toMillis() <= settings.maxWriteWait().toMillis()) {
                // a refused write was not applied: it is retried until it goes through (the attempt does not count)
                Duration wait = jittered(rateLimitWait);
                rateLimitedMillis += wait.toMillis();
                LOG.warnf("GitHub rate limit on %s %s (%d): retrying in %d ms (%d s waited so far)", method, path, status,
                        wait.toMillis(), rateLimitedMillis / 1000);
                boolean primary = "0".equals(response.headers().firstValue("X-RateLimit-Remaining").orElse(null));
                if (writeGate != null && !primary) {
                    writeGate.refused(method, path, rateLimitWait); // a secondary limit: the gate learns from it
                }
                sleep(wait);
                if (writeGate != null) {
                    writeGate.beforeWrite(method, path, body);
                }
                attempt--;
                continue;
            }
            if (rateLimitWait != null && !write && path.startsWith("/search/") && onRequestThread()) {
                // a search's rate limit (30 a minute) can take a minute to come back: never held on a thread that
                // answers requests (the story rebuild, on its own thread, waits; see UpdateReleaseStory)
                LOG.warnf("GitHub rate limit on %s %s (%d): not waited for on request thread %s", method, path, status,
                        Thread.currentThread().getName());
                throw new GitHubApiException(method, path, status, response.body());
            }
            if (rateLimitWait != null && !write && attempt < settings.maxAttempts()) {
                Duration wait = jittered(rateLimitWait);
                LOG.warnf("GitHub rate limit on %s %s (%d): waiting %d ms before retrying", method, path, status,
                        wait.toMillis());
                sleep(wait);
                continue;
            }
            if (status >= 500 && idempotent && attempt < settings.maxAttempts()) {
                LOG.debugf("GitHub answered %d to %s %s: retrying", status, method, path);
                sleep(backoff(attempt));
                continue;
            }
            throw new GitHubApiException(method, path, status, response.body());
        }
        throw last != null ? last : new IOException(method + " " + path + " failed");
    }

    /**
     * True on a thread that answers HTTP requests or dispatches webhooks (Vert.x event loops and workers, Quarkus'
     * executor threads), where a rate-limit wait of up to a minute would hold a request.
     */
    static boolean onRequestThread() {
        String name = Thread.currentThread().getName();
        return name.startsWith("executor-thread") || name.startsWith("vert.x-eventloop") || name.startsWith("vert.x-worker");
    }

    /** How long to wait for a 403/429 that is a rate limit; null when the status is not a rate limit. */
    Duration rateLimitWait(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status != 403 && status != 429) {
            return null;
        }
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        Duration wait = null;
        if (retryAfter.isPresent()) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(retryAfter.get().trim()));
            } catch (NumberFormatException e) {
                wait = Duration.ofSeconds(60);
            }
        } else if ("0".equals(response.headers().firstValue("X-RateLimit-Remaining").orElse(null))) {
            long reset = response.headers().firstValue("X-RateLimit-Reset").map(Long::parseLong).orElse(0L);
            wait = Duration.ofSeconds(Math.max(1, reset - System.currentTimeMillis() / 1000));
        } else if (status == 429 || String.valueOf(response.body()).toLowerCase().contains("secondary rate limit")) {
            wait = Duration.ofSeconds(60);
        }
        if (wait == null) {
            return null; // a plain 403: permission denied
        }
        return wait.compareTo(settings.maxRateLimitWait()) > 0 ? settings.maxRateLimitWait() : wait;
    }

    /**
     * A rate-limit wait plus up to a quarter more (at least half a second more), at random: writes refused
     * together come back spread out instead of all at the same instant.
     */
    static Duration jittered(Duration wait) {
        long spread = Math.max(500, wait.toMillis() / 4);
        return wait.plusMillis(ThreadLocalRandom.current().nextLong(spread + 1));
    }

    private Duration backoff(int attempt) {
        long base = settings.initialBackoff().toMillis() << (attempt - 1);
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private static void sleep(Duration d) throws InterruptedIOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    private static JsonNode firstArray(JsonNode object) {
        for (JsonNode value : object) {
            if (value.isArray()) {
                return value;
            }
        }
        return null;
    }

    static String nextLink(String link) {
        if (link == null) {
            return null;
        }
        Matcher m = NEXT_LINK.matcher(link);
        return m.find() ? m.group(1) : null;
    }
}
