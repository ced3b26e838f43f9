package io.mojaloop.releasebot.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Serves a {@link SimulatedGitHub} over HTTP the way GitHub's REST API answers, so the bot runs its production code
 * against it (only the base URL and the credentials differ). The one simulated GitHub of the project: the sandbox
 * ({@code -Dquarkus.profile=sandbox}) and the HTTP-level tests (through {@code it/FakeGitHub}) both use it.
 * <p>
 * What it answers like GitHub:
 * <ul>
 * <li>paths, methods, status codes and JSON shapes of the endpoints the bot uses (anything else: 404);</li>
 * <li>lists paginated with {@code per_page} (default 30, at most 100) and {@code page}, with a {@code Link} header
 * ({@code rel="next"}, {@code "last"}, {@code "prev"}, {@code "first"}; absolute URLs) when there is more than one
 * page; search and check-run lists in their wrapper objects ({@code total_count}, ...);</li>
 * <li>conditional requests: every successful GET has an {@code ETag} (a hash of its body); {@code If-None-Match} with
 * the current one answers 304 with no body, the same headers and no cost to the rate limit;</li>
 * <li>{@code X-RateLimit-*} headers on every answer, a primary limit per hour for the installation's requests
 * ({@link #primaryRateLimit}, 5000 by default; over it: 403 with {@code X-RateLimit-Remaining: 0}), and an
 * {@code X-GitHub-Request-Id};</li>
 * <li>errors as {@code {"message", "documentation_url", "status"}} (404, 401, 403, 422 with {@code errors}), and
 * GitHub's validation of what the bot writes (required fields, 65535-character outputs and bodies, label colours,
 * reaction contents, duplicate labels);</li>
 * <li>authentication: {@code /app/...} wants the app's JWT, everything else the installation token it issued.</li>
 * </ul>
 * Deliberate leniencies: one installation (id and account configurable in {@link SimulatedGitHub}); every login
 * exists (a profile without company) and every repository (empty, default branch {@code main}) unless it is seeded
 * as unreachable; commit histories are lines (one parent per commit), and a compare lists at most 250 commits even
 * when paged (GitHub pages on past 250; its {@code total_commits} is what tells there are more); issues, PRs and
 * comments exist only once seeded (404 otherwise); no secondary limits unless an interceptor adds one.
 * <p>
 * Hooks, all off by default (so the sandbox is unaffected), called on the server's event loop (keep them quick):
 * <ul>
 * <li>{@link RequestListener}: sees every request as it arrives (method, path and query, headers, body): where a
 * validator of the bot's requests plugs in;</li>
 * <li>{@link ExchangeListener}: sees every request as it arrives and again once answered (status, headers, body):
 * recording for assertions;</li>
 * <li>{@link Interceptor}s, in the order added: each may let a request through, delay it, or answer it instead of
 * the simulation (fault injection, latency, a scaled secondary write limit).</li>
 * </ul>
 */
public class SimulatedGitHubServer {

    private static final Logger LOG = Logger.getLogger(SimulatedGitHubServer.class);
    static final String DOCS = "https://docs.github.com/rest";
    static final String RATE_LIMIT_DOCS = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";
    private static final Set<String> REACTIONS = Set.of("+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes");
    private static final Set<String> CONCLUSIONS = Set.of("action_required", "cancelled", "failure", "neutral", "success",
            "skipped", "stale", "timed_out");
    private static final int MAX_TEXT = 65_535;
    private static final int MAX_BODY = 65_536;

    /** Sees every request as it arrives, before any interceptor: the place for a request validator. */
    public interface RequestListener {
        void request(String method, String pathAndQuery, Map<String, List<String>> headers, String body);
    }

    /** Sees every request as it arrives, and once it has been answered. */
    public interface ExchangeListener {
        default void received(Exchange exchange) {
        }

        default void answered(Exchange exchange) {
        }
    }

    /** Decides about a request before the simulation handles it: through, later, or answered instead. */
    public interface Interceptor {
        Decision decide(Exchange request);
    }

    /** What an {@link Interceptor} decided: a delay (added to the others') and, or, an answer that ends the chain. */
    public record Decision(long delayMillis, Answer answer) {
        private static final Decision PROCEED = new Decision(0, null);

        public static Decision proceed() {
            return PROCEED;
        }

        public static Decision delay(long millis) {
            return new Decision(millis, null);
        }

        public static Decision answer(Answer answer) {
            return new Decision(0, answer);
        }

        public static Decision answerAfter(long millis, Answer answer) {
            return new Decision(millis, answer);
        }
    }

    /** An answer an interceptor gives instead of the simulation. */
    public record Answer(int status, Map<String, String> headers, String body) {
        /** An error in GitHub's shape. */
        public static Answer error(int status, String message, String documentationUrl) {
            return new Answer(status, Map.of(), errorBody(status, message, documentationUrl).toString());
        }

        /** GitHub's 403 for a secondary rate limit, with {@code Retry-After}. */
        public static Answer secondaryRateLimit(int retryAfterSeconds) {
            return new Answer(403, Map.of("Retry-After", String.valueOf(retryAfterSeconds)), errorBody(403,
                    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. "
                            + "If you reach out to GitHub Support for help, please include the request ID.",
                    RATE_LIMIT_DOCS + "#about-secondary-rate-limits").toString());
        }
    }

    /** One request and, once answered, its answer. */
    public static final class Exchange {
        private final long number;
        private final String method;
        private final String pathAndQuery;
        private final String path;
        private final Map<String, List<String>> headers;
        private final String body;
        private final long receivedAtNanos = System.nanoTime();
        private volatile int status;
        private volatile long answeredAtNanos;
        private volatile Map<String, List<String>> responseHeaders = Map.of();
        private volatile String responseBody;

        Exchange(long number, String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
            this.number = number;
            this.method = method;
            this.pathAndQuery = pathAndQuery;
            int q = pathAndQuery.indexOf('?');
            this.path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
            this.headers = headers;
            this.body = body;
        }

        /** 1 for the server's first request, then 2, ... */
        public long number() {
            return number;
        }

        public String method() {
            return method;
        }

        /** As sent: path and query, percent-encoded. */
        public String pathAndQuery() {
            return pathAndQuery;
        }

        public String path() {
            return path;
        }

        /** Request headers (names case-insensitive). */
        public Map<String, List<String>> headers() {
            return headers;
        }

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The request body ("" when none). */
        public String body() {
            return body;
        }

        public long receivedAtNanos() {
            return receivedAtNanos;
        }

        /** When the answer was sent ({@link System#nanoTime()}); 0 until then. */
        public long answeredAtNanos() {
            return answeredAtNanos;
        }

        /** True for a content-changing request (POST, PATCH, PUT, DELETE). */
        public boolean write() {
            return !method.equals("GET") && !method.equals("HEAD");
        }

        /** True for the app's own endpoints ({@code /app/...}, authenticated with the app's JWT). */
        public boolean appEndpoint() {
            return path.equals("/app") || path.startsWith("/app/");
        }

        /** The answer's status; 0 until answered. */
        public int status() {
            return status;
        }

        public boolean answered() {
            return status != 0;
        }

        public Map<String, List<String>> responseHeaders() {
            return responseHeaders;
        }

        /** The answer's body (null until answered, "" for a 304). */
        public String responseBody() {
            return responseBody;
        }

        @Override
        public String toString() {
            return method + " " + pathAndQuery + (status == 0 ? "" : " -> " + status);
        }
    }

    private final SimulatedGitHub github;
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Interceptor> interceptors = new CopyOnWriteArrayList<>();
    private final List<ExchangeListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final String installationToken;
    private final List<Route> routes = new ArrayList<>();
    private volatile int rateLimit = 5000;
    private long windowStartSeconds;
    private int used;
    private Vertx vertx;
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private String deployment;
    private String base;

    public SimulatedGitHubServer(SimulatedGitHub github) {
        this.github = github;
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        this.installationToken = "ghs_" + HexFormat.of().formatHex(random);
        routes();
    }

    // ---- hooks and settings ---------------------------------------------------------------------------------

    public SimulatedGitHubServer addRequestListener(RequestListener listener) {
        listeners.add(new ExchangeListener() {
            @Override
            public void received(Exchange e) {
                listener.request(e.method(), e.pathAndQuery(), e.headers(), e.body());
            }
        });
        return this;
    }

    public SimulatedGitHubServer addExchangeListener(ExchangeListener listener) {
        listeners.add(listener);
        return this;
    }

    public void removeExchangeListener(ExchangeListener listener) {
        listeners.remove(listener);
    }

    /** Adds an interceptor after those already added. */
    public SimulatedGitHubServer addInterceptor(Interceptor interceptor) {
        interceptors.add(interceptor);
        return this;
    }

    public void removeInterceptor(Interceptor interceptor) {
        interceptors.remove(interceptor);
    }

    /** The installation's primary rate limit per hour (5000 on GitHub for most installations). */
    public void primaryRateLimit(int perHour) {
        this.rateLimit = perHour;
        synchronized (this) {
            used = 0;
        }
    }

    /** Requests received so far. */
    public long requests() {
        return requests.get();
    }

    /** Writes (POST, PATCH, PUT, DELETE outside {@code /app/...}) received so far. */
    public long writes() {
        return writes.get();
    }

    /** Requests received and not answered yet. */
    public long inFlight() {
        return inFlight.get();
    }

    /** The API base, e.g. {@code http://127.0.0.1:8089} (once started). */
    public String base() {
        return base;
    }

    public SimulatedGitHub github() {
        return github;
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    /** Listens on the host and port (0: any free one) on one event loop; returns the port. */
    public int start(Vertx vertx, String host, int port) throws Exception {
        return start(vertx, host, port, 1);
    }

    /**
     * Listens on the host and port (0: any free one) with {@code instances} servers sharing the port, each on an
     * event loop of its own (the state is shared; parsing, serialising and hashing run in parallel); returns the port.
     */
    public int start(Vertx vertx, String host, int port, int instances) throws Exception {
        this.vertx = vertx;
        // HTTP/1.1 only, like GitHub over plain HTTP: no h2c upgrade
        HttpServerOptions options = new HttpServerOptions().setHttp2ClearTextEnabled(false).setIdleTimeout(0);
        // Vert.x shares a port between the instances of a deployment, but not port 0: pick a free one first
        int bind = port == 0 && instances > 1 ? freePort(host) : port;
        deployment = vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                vertx.createHttpServer(options).requestHandler(SimulatedGitHubServer.this::receive).listen(bind, host)
                        .onSuccess(s -> {
                            servers.add(s);
                            started.complete();
                        }).onFailure(started::fail);
            }
        }, new DeploymentOptions().setInstances(Math.max(1, instances))).toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        int actual = servers.get(0).actualPort();
        if (servers.stream().anyMatch(s -> s.actualPort() != actual)) {
            stop();
            throw new IllegalStateException("The simulated GitHub's servers did not share one port");
        }
        base = "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + actual;
        github.apiBase(base);
        return actual;
    }

    private static int freePort(String host) throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName(host))) {
            return socket.getLocalPort();
        }
    }

    public void stop() {
        if (deployment != null) {
            try {
                vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("Simulated GitHub did not close cleanly", e);
            }
            deployment = null;
        }
        servers.clear();
    }

    // ---- the request pipeline ------------------------------------------------------------------------------

    private void receive(HttpServerRequest request) {
        request.body().onComplete(ar -> {
            if (ar.failed()) {
                // the connection closed before the whole request arrived (the client was killed mid-send): GitHub
                // never acts on a request it did not receive, so neither is it recorded, checked nor answered here
                LOG.debugf("simulated GitHub: %s %s cut off before its body arrived", request.method(), request.uri());
                return;
            }
            Buffer body = ar.result();
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Map.Entry<String, String> h : request.headers()) {
                headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue());
            }
            Exchange exchange = new Exchange(sequence.incrementAndGet(), request.method().name(), request.uri(),
                    Collections.unmodifiableMap(headers), body.toString(StandardCharsets.UTF_8));
            requests.incrementAndGet();
            inFlight.incrementAndGet();
            if (exchange.write() && !exchange.appEndpoint()) {
                writes.incrementAndGet();
            }
            LOG.debugf("simulated GitHub: %s %s", exchange.method(), exchange.pathAndQuery());
            for (ExchangeListener l : listeners) {
                try {
                    l.received(exchange);
                } catch (RuntimeException e) {
                    LOG.warn("A listener of the simulated GitHub failed", e);
                }
            }
            long delay = 0;
            Answer answer = null;
            for (Interceptor i : interceptors) {
                Decision d = i.decide(exchange);
                delay += Math.max(0, d.delayMillis());
                if (d.answer() != null) {
                    answer = d.answer();
                    break;
                }
            }
            Answer intercepted = answer;
            Runnable go = () -> {
                if (intercepted != null) {
                    Map<String, String> h = new LinkedHashMap<>(intercepted.headers());
                    h.putIfAbsent("Content-Type", "application/json; charset=utf-8");
                    send(request, exchange, intercepted.status(), intercepted.body(), h);
                } else {
                    handle(request, exchange);
                }
            };
            if (delay > 0) {
                vertx.setTimer(delay, t -> go.run());
            } else {
                go.run();
            }
        });
    }

    private void handle(HttpServerRequest request, Exchange exchange) {
        Reply reply;
        try {
            reply = authenticate(exchange);
            if (reply == null && !exchange.appEndpoint() && !exchange.path().equals("/rate_limit") && overPrimaryLimit()) {
                reply = new Reply(403, errorBody(403, "API rate limit exceeded for installation ID " + github.installationId()
                        + ".", RATE_LIMIT_DOCS), null);
            }
            if (reply == null) {
                reply = dispatch(exchange);
            }
        } catch (BadJson e) {
            reply = new Reply(400, errorBody(400, "Problems parsing JSON", DOCS), null);
        } catch (NumberFormatException e) {
            reply = notFound();
        } catch (RuntimeException e) {
            LOG.error("Simulated GitHub failed on " + exchange, e);
            reply = new Reply(500, errorBody(500, "Server Error", DOCS), null);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String json = reply.body() == null ? "" : reply.body().toString();
        if (reply.body() != null) {
            headers.put("Content-Type", "application/json; charset=utf-8");
        }
        if (reply.link() != null) {
            headers.put("Link", reply.link());
        }
        int status = reply.status();
        if (exchange.method().equals("GET") && status >= 200 && status < 300) {
            String etag = "W/\"" + hash(json) + "\"";
            headers.put("ETag", etag);
            headers.put("Cache-Control", "private, max-age=60, s-maxage=60");
            headers.put("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP");
            if (matches(exchange.header("If-None-Match"), etag)) {
                status = 304;
                json = "";
                headers.remove("Content-Type");
            }
        }
        send(request, exchange, status, json, headers);
    }

    private void send(HttpServerRequest request, Exchange exchange, int status, String body, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        headers.put("X-GitHub-Media-Type", "github.v3; format=json");
        headers.put("X-GitHub-Api-Version-Selected", "2022-11-28");
        headers.put("X-GitHub-Request-Id", String.format("%04X:%04X:%06X:%06X:%08X", 0xC0DE, exchange.number() % 0xFFFF,
                exchange.number() * 7 % 0xFFFFFF, exchange.number() * 13 % 0xFFFFFF, exchange.number()));
        // the installation's budget: the app's own (JWT) requests, 304s, 401s and /rate_limit do not count
        boolean counts = !exchange.appEndpoint() && status != 304 && status != 401 && !exchange.path().equals("/rate_limit");
        rateLimitHeaders(headers, counts, exchange.path().startsWith("/search/") ? "search" : "core");
        Map<String, List<String>> shown = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> shown.put(k, List.of(v)));
        exchange.responseHeaders = Collections.unmodifiableMap(shown);
        exchange.responseBody = body;
        exchange.answeredAtNanos = System.nanoTime();
        exchange.status = status;
        inFlight.decrementAndGet();
        // listeners first: once the client has its answer, whatever records it has recorded it
        for (ExchangeListener l : listeners) {
            try {
                l.answered(exchange);
            } catch (RuntimeException e) {
                LOG.warn("A listener of the simulated GitHub failed", e);
            }
        }
        HttpServerResponse response = request.response();
        if (!response.closed() && !response.ended()) {
            response.setStatusCode(status);
            headers.forEach(response::putHeader);
            response.end(body == null ? "" : body);
        }
    }

    private Reply authenticate(Exchange exchange) {
        String authorization = exchange.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return new Reply(401, errorBody(401, "Requires authentication", DOCS), null);
        }
        String credential = authorization.replaceFirst("(?i)^(bearer|token)\\s+", "").trim();
        boolean ok = exchange.appEndpoint() ? credential.split("\\.").length == 3 : credential.equals(installationToken);
        if (!ok) {
            String message = exchange.appEndpoint() ? "A JSON web token could not be decoded" : "Bad credentials";
            return new Reply(401, errorBody(401, message, DOCS), null);
        }
        return null;
    }

    private synchronized boolean overPrimaryLimit() {
        rollWindow();
        return used >= rateLimit;
    }

    private synchronized void rateLimitHeaders(Map<String, String> headers, boolean counts, String resource) {
        rollWindow();
        if (counts) {
            used++;
        }
        headers.put("X-RateLimit-Limit", String.valueOf(rateLimit));
        headers.put("X-RateLimit-Remaining", String.valueOf(Math.max(0, rateLimit - used)));
        headers.put("X-RateLimit-Reset", String.valueOf(windowStartSeconds + 3600));
        headers.put("X-RateLimit-Used", String.valueOf(Math.min(used, rateLimit)));
        headers.put("X-RateLimit-Resource", resource);
    }

    private void rollWindow() {
        long now = System.currentTimeMillis() / 1000;
        if (windowStartSeconds == 0 || now >= windowStartSeconds + 3600) {
            windowStartSeconds = now;
            used = 0;
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.replaceFirst("^W/", "");
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.replaceFirst("^W/", "").equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String hash(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode errorBody(int status, String message, String documentationUrl) {
        ObjectNode error = new ObjectMapper().createObjectNode();
        error.put("message", message).put("documentation_url", documentationUrl == null ? DOCS : documentationUrl)
                .put("status", String.valueOf(status));
        return error;
    }

    // ---- routing --------------------------------------------------------------------------------------------

    private record Reply(int status, JsonNode body, String link) {
    }

    private interface Handler {
        Reply handle(Call call);
    }

    private record Route(String method, Pattern pattern, Handler handler) {
    }

    private static final class BadJson extends RuntimeException {
        BadJson(Throwable cause) {
            super(cause);
        }
    }

    /** One routed request: decoded path parameters, decoded query parameters, the body. */
    private final class Call {
        final Exchange exchange;
        final List<String> params;
        final Map<String, List<String>> query = new LinkedHashMap<>();
        private JsonNode json;

        Call(Exchange exchange, List<String> params) {
            this.exchange = exchange;
            this.params = params;
            int q = exchange.pathAndQuery().indexOf('?');
            if (q >= 0) {
                for (String pair : exchange.pathAndQuery().substring(q + 1).split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    query.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
                }
            }
        }

        String param(int i) {
            return params.get(i);
        }

        /** owner/repo from the first two parameters. */
        String repository() {
            return params.get(0) + "/" + params.get(1);
        }

        int number(int i) {
            return Integer.parseInt(params.get(i));
        }

        String q(String name) {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        JsonNode json() {
            if (json == null) {
                try {
                    json = exchange.body().isBlank() ? mapper.createObjectNode() : mapper.readTree(exchange.body());
                } catch (JsonProcessingException e) {
                    throw new BadJson(e);
                }
            }
            return json;
        }
    }

    private void route(String method, String template, Handler handler) {
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{(\\w+)(\\+)?\\}").matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append(m.group(2) != null ? "(.+)" : "([^/]+)");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, Pattern.compile(regex.toString()), handler));
    }

    private Reply dispatch(Exchange exchange) {
        for (Route route : routes) {
            if (!route.method().equals(exchange.method())) {
                continue;
            }
            Matcher m = route.pattern().matcher(exchange.path());
            if (m.matches()) {
                List<String> params = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    params.add(URLDecoder.decode(m.group(i).replace("+", "%2B"), StandardCharsets.UTF_8));
                }
                return route.handler().handle(new Call(exchange, params));
            }
        }
        return notFound();
    }

    private static Reply ok(JsonNode body) {
        return new Reply(200, body, null);
    }

    private static Reply created(JsonNode body) {
        return new Reply(201, body, null);
    }

    private static Reply notFound() {
        return notFound("Not Found");
    }

    private static Reply notFound(String message) {
        return new Reply(404, errorBody(404, message, DOCS), null);
    }

    private static Reply orNotFound(JsonNode value) {
        return value == null ? notFound() : ok(value);
    }

    private static Reply lookup(SimulatedGitHub.Lookup<? extends JsonNode> found) {
        return found.value() != null ? ok(found.value()) : new Reply(found.status(), errorBody(found.status(), found.message(), DOCS), null);
    }

    /** 422 as GitHub answers a body over its limit: "body is too long (maximum is 65536 characters)". */
    private static Reply tooLong(String resource) {
        Reply reply = invalid("Validation Failed", resource, "custom", "body");
        ((ObjectNode) reply.body().path("errors").get(0)).put("message", "body is too long (maximum is " + MAX_BODY + " characters)");
        return reply;
    }

    /** 422 as GitHub answers invalid input: the message, and the fields that failed. */
    private static Reply invalid(String message, String resource, String code, String field) {
        ObjectNode error = errorBody(422, message, DOCS);
        if (resource != null) {
            error.putArray("errors").addObject().put("resource", resource).put("code", code).put("field", field);
        }
        return new Reply(422, error, null);
    }

    /** One page of a list, with GitHub's Link header; {@code wrap} puts the page into its wrapper object. */
    private Reply page(Call call, List<JsonNode> all, Function<ArrayNode, JsonNode> wrap) {
        int perPage = Math.max(1, Math.min(100, call.q("per_page") == null ? 30 : Integer.parseInt(call.q("per_page"))));
        int page = Math.max(1, call.q("page") == null ? 1 : Integer.parseInt(call.q("page")));
        int lastPage = Math.max(1, (all.size() + perPage - 1) / perPage);
        int from = Math.min(all.size(), (page - 1) * perPage);
        ArrayNode items = mapper.createArrayNode();
        all.subList(from, Math.min(all.size(), from + perPage)).forEach(items::add);
        List<String> links = new ArrayList<>();
        if (page < lastPage) {
            links.add("<" + pageUrl(call, page + 1) + ">; rel=\"next\"");
            links.add("<" + pageUrl(call, lastPage) + ">; rel=\"last\"");
        }
        if (page > 1) {
            links.add("<" + pageUrl(call, Math.min(page - 1, lastPage)) + ">; rel=\"prev\"");
            links.add("<" + pageUrl(call, 1) + ">; rel=\"first\"");
        }
        return new Reply(200, wrap == null ? items : wrap.apply(items), links.isEmpty() ? null : String.join(", ", links));
    }

    private String pageUrl(Call call, int page) {
        String pathAndQuery = call.exchange.pathAndQuery();
        int q = pathAndQuery.indexOf('?');
        List<String> pairs = new ArrayList<>();
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("page=")) {
                    pairs.add(pair);
                }
            }
        }
        pairs.add("page=" + page);
        return base + call.exchange.path() + "?" + String.join("&", pairs);
    }

    private void routes() {
        String repo = "/repos/{owner}/{repo}";
        // the app and its installation (JWT)
        route("GET", "/app", c -> ok(github.app()));
        route("GET", "/app/installations", c -> page(c, github.installations(), null));
        route("GET", "/app/hook/deliveries", c -> page(c, github.hookDeliveries(), null));
        route("POST", "/app/hook/deliveries/{id}/attempts", c -> new Reply(202, mapper.createObjectNode(), null));
        route("GET", "/app/installations/{id}", c -> orNotFound(github.installation(Long.parseLong(c.param(0)))));
        route("POST", "/app/installations/{id}/access_tokens", c -> {
            if (github.installation(Long.parseLong(c.param(0))) == null) {
                return notFound();
            }
            ObjectNode token = mapper.createObjectNode().put("token", installationToken)
                    .put("expires_at", java.time.Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                    .put("repository_selection", "selected");
            token.putObject("permissions").put("checks", "write").put("pull_requests", "write").put("issues", "write")
                    .put("contents", "read").put("members", "read").put("metadata", "read");
            return created(token);
        });
        // the installation (its token)
        route("GET", "/rate_limit", c -> {
            Map<String, String> h = new LinkedHashMap<>();
            rateLimitHeaders(h, false, "core");
            ObjectNode core = mapper.createObjectNode().put("limit", Long.parseLong(h.get("X-RateLimit-Limit")))
                    .put("remaining", Long.parseLong(h.get("X-RateLimit-Remaining")))
                    .put("reset", Long.parseLong(h.get("X-RateLimit-Reset"))).put("used", Long.parseLong(h.get("X-RateLimit-Used")));
            ObjectNode limits = mapper.createObjectNode();
            limits.putObject("resources").set("core", core);
            limits.set("rate", core.deepCopy());
            return ok(limits);
        });
        route("GET", "/installation/repositories", c -> page(c, github.installationRepositories(), items -> {
            ObjectNode page = mapper.createObjectNode().put("total_count", github.installationRepositories().size())
                    .put("repository_selection", "selected");
            page.set("repositories", items);
            return page;
        }));
        route("GET", repo, c -> orNotFound(github.repository(c.param(0), c.param(1))));
        route("GET", repo + "/contents/{path+}", c -> lookup(github.content(c.repository(), c.param(2), c.q("ref"))));
        route("GET", repo + "/license", c -> orNotFound(github.licence(c.repository())));
        route("GET", repo + "/branches/{branch}/protection/required_status_checks",
                c -> lookup(github.requiredStatusChecks(c.repository(), c.param(2))));
        // pull requests and reviews
        route("GET", repo + "/pulls", c -> {
            String state = c.q("state") == null ? "open" : c.q("state");
            if (!Set.of("open", "closed", "all").contains(state)) {
                return invalid("Validation Failed", "Issue", "invalid", "state");
            }
            return page(c, github.pullRequests(c.repository(), state), null);
        });
        route("GET", repo + "/pulls/{number}", c -> orNotFound(github.pullRequest(c.repository(), c.number(2))));
        route("GET", repo + "/pulls/{number}/reviews", c -> list(c, github.reviews(c.repository(), c.number(2))));
        route("GET", repo + "/commits/{ref}/pulls", c -> page(c, github.pullRequestsOfCommit(c.repository(), c.param(2)), null));
        route("GET", repo + "/compare/{basehead}", this::compare);
        // issues, comments, labels, reactions
        route("GET", repo + "/issues/{number}", c -> orNotFound(github.issue(c.repository(), c.number(2))));
        route("PATCH", repo + "/issues/{number}", c -> {
            JsonNode patch = c.json();
            if (patch.path("body").asText("").length() > MAX_BODY) {
                return tooLong("Issue");
            }
            return orNotFound(github.editIssue(c.repository(), c.number(2), patch));
        });
        route("GET", repo + "/issues/{number}/comments", c -> list(c, github.commentsOf(c.repository(), c.number(2))));
        route("POST", repo + "/issues/{number}/comments", c -> {
            String body = c.json().path("body").asText("");
            if (body.isBlank()) {
                return invalid("Validation Failed", "IssueComment", "missing_field", "body");
            }
            if (body.length() > MAX_BODY) {
                return tooLong("IssueComment");
            }
            ObjectNode comment = github.botComment(c.repository(), c.number(2), body);
            return comment == null ? notFound() : created(comment);
        });
        route("GET", repo + "/issues/{number}/labels", c -> {
            ArrayNode labels = github.labelsOf(c.repository(), c.number(2));
            return labels == null ? notFound() : page(c, toList(labels), null);
        });
        route("POST", repo + "/issues/{number}/labels", c -> {
            JsonNode json = c.json();
            JsonNode given = json.isArray() ? json : json.path("labels");
            if (!given.isArray() || given.isEmpty()) {
                return invalid("Invalid request.\n\nNo subschema in \"anyOf\" matched.", null, null, null);
            }
            List<String> names = new ArrayList<>();
            given.forEach(l -> names.add(l.isObject() ? l.path("name").asText() : l.asText()));
            return orNotFound(github.addLabels(c.repository(), c.number(2), names));
        });
        route("DELETE", repo + "/issues/{number}/labels/{name}",
                c -> lookup(github.removeLabel(c.repository(), c.number(2), c.param(3))));
        route("GET", repo + "/issues/comments/{id}/reactions", c -> {
            List<JsonNode> found = github.reactionsOf(Long.parseLong(c.param(2)), c.q("content"));
            return found == null ? notFound() : page(c, found, null);
        });
        route("POST", repo + "/issues/comments/{id}/reactions", c -> {
            String content = c.json().path("content").asText("");
            if (!REACTIONS.contains(content)) {
                return invalid("Validation Failed", "Reaction", "invalid", "content");
            }
            Map.Entry<ObjectNode, Boolean> reaction = github.react(Long.parseLong(c.param(2)), content);
            if (reaction == null) {
                return notFound();
            }
            return new Reply(reaction.getValue() ? 201 : 200, reaction.getKey(), null);
        });
        route("GET", repo + "/labels/{name}", c -> orNotFound(github.repositoryLabel(c.repository(), c.param(2))));
        route("POST", repo + "/labels", c -> {
            JsonNode json = c.json();
            String name = json.path("name").asText("");
            String color = json.path("color").asText(null);
            if (name.isBlank()) {
                return invalid("Validation Failed", "Label", "missing_field", "name");
            }
            if (color != null && !color.matches("[0-9a-fA-F]{6}")) {
                return invalid("Validation Failed", "Label", "invalid", "color");
            }
            ObjectNode label = github.createLabel(c.repository(), name, color, json.path("description").asText(null));
            return label == null ? invalid("Validation Failed", "Label", "already_exists", "name") : created(label);
        });
        // releases, people, teams
        route("GET", repo + "/releases", c -> list(c, github.releases(c.repository())));
        route("GET", repo + "/collaborators/{login}/permission", c -> {
            String permission = github.permission(c.repository(), c.param(2));
            ObjectNode answer = mapper.createObjectNode().put("permission", permission).put("role_name", permission);
            answer.set("user", github.user(c.param(2)));
            return ok(answer);
        });
        route("GET", "/orgs/{org}/teams/{slug}/members", c -> list(c, github.teamMembers(c.param(0), c.param(1))));
        route("GET", "/users/{login}", c -> ok(github.profile(c.param(0))));
        route("GET", "/search/issues", c -> {
            String q = c.q("q");
            if (q == null || q.isBlank()) {
                return invalid("Validation Failed", "Search", "missing", "q");
            }
            List<JsonNode> found = github.search(q);
            return page(c, found, items -> {
                ObjectNode page = mapper.createObjectNode().put("total_count", found.size()).put("incomplete_results", false);
                page.set("items", items);
                return page;
            });
        });
        // check runs
        route("GET", repo + "/commits/{ref}/check-runs", c -> {
            String filter = c.q("filter") == null ? "latest" : c.q("filter");
            if (!filter.equals("latest") && !filter.equals("all")) {
                return invalid("Validation Failed", "CheckRun", "invalid", "filter");
            }
            Long app = c.q("app_id") == null ? null : Long.parseLong(c.q("app_id"));
            List<JsonNode> runs = new ArrayList<>(github.checkRuns(c.repository(), c.param(2), c.q("check_name"), app,
                    filter.equals("latest")));
            if (c.q("status") != null) {
                runs.removeIf(r -> !r.path("status").asText().equals(c.q("status")));
            }
            return page(c, runs, items -> {
                ObjectNode page = mapper.createObjectNode().put("total_count", runs.size());
                page.set("check_runs", items);
                return page;
            });
        });
        route("POST", repo + "/check-runs", c -> {
            JsonNode body = c.json();
            for (String field : List.of("name", "head_sha")) {
                if (body.path(field).asText("").isBlank()) {
                    return invalid("Invalid request.\n\n\"" + field + "\" wasn't supplied.", null, null, null);
                }
            }
            Reply problem = checkRunProblem(body);
            return problem != null ? problem : created(github.createCheckRun(c.repository(), body));
        });
        route("GET", repo + "/check-runs/{id}", c -> orNotFound(github.checkRun(c.repository(), Long.parseLong(c.param(2)))));
        route("PATCH", repo + "/check-runs/{id}", c -> {
            Reply problem = checkRunProblem(c.json());
            return problem != null ? problem : orNotFound(github.updateCheckRun(c.repository(), Long.parseLong(c.param(2)), c.json()));
        });
    }

    /** GitHub answers at most this many commits for one compare, paged or not; {@code total_commits} counts them all. */
    static final int MAX_COMPARE_COMMITS = 250;

    /**
     * {@code GET /repos/{repo}/compare/{base}...{head}} (also {@code base..head}): without {@code per_page} or
     * {@code page}, one answer with the newest 250 commits (oldest first); with them, pages (at most 100 per page) of the
     * oldest 250, each page the whole comparison with that page's commits and a {@code Link} header, {@code files} on
     * the first page only. Beyond 250, {@code total_commits} says how many there are.
     */
    private Reply compare(Call c) {
        String basehead = c.param(2);
        int dots = basehead.indexOf("...");
        int two = basehead.indexOf("..");
        if (two <= 0) {
            return notFound();
        }
        String base = basehead.substring(0, dots > 0 ? dots : two);
        String head = basehead.substring(dots > 0 ? dots + 3 : two + 2);
        if (head.isEmpty()) {
            return notFound();
        }
        SimulatedGitHub.Lookup<SimulatedGitHub.Compared> found = github.compare(c.repository(), base, head);
        if (found.value() == null) {
            return found.status() == 422 ? invalid(found.message(), null, null, null)
                    : new Reply(found.status(), errorBody(found.status(), found.message(), DOCS), null);
        }
        List<JsonNode> commits = found.value().commits();
        boolean paged = c.q("per_page") != null || c.q("page") != null;
        Function<ArrayNode, JsonNode> whole = items -> {
            ObjectNode comparison = found.value().summary().deepCopy();
            comparison.set("commits", items);
            if (!paged || c.q("page") == null || "1".equals(c.q("page"))) {
                comparison.putArray("files");
            }
            return comparison;
        };
        if (!paged) {
            ArrayNode items = mapper.createArrayNode();
            commits.subList(Math.max(0, commits.size() - MAX_COMPARE_COMMITS), commits.size()).forEach(items::add);
            return ok(whole.apply(items));
        }
        return page(c, commits.subList(0, Math.min(commits.size(), MAX_COMPARE_COMMITS)), whole);
    }

    private Reply list(Call call, List<JsonNode> all) {
        return all == null ? notFound() : page(call, all, null);
    }

    private static List<JsonNode> toList(ArrayNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    /** GitHub's checks on a check run's fields, or null when it would accept them. */
    private static Reply checkRunProblem(JsonNode body) {
        String status = body.path("status").asText(null);
        if (status != null && !Set.of("queued", "in_progress", "completed").contains(status)) {
            return invalid("Invalid request.\n\n\"" + status + "\" is not a member of [\"queued\", \"in_progress\", \"completed\"].",
                    null, null, null);
        }
        String conclusion = body.path("conclusion").asText(null);
        if (conclusion != null && !CONCLUSIONS.contains(conclusion)) {
            return invalid("Invalid request.\n\n\"" + conclusion + "\" is not a valid conclusion.", null, null, null);
        }
        if ("completed".equals(status) && conclusion == null) {
            return invalid("Invalid request.\n\nWhen status is completed, conclusion is required.", null, null, null);
        }
        JsonNode output = body.path("output");
        if (!output.isMissingNode() && !output.isNull()) {
            for (String field : List.of("title", "summary")) {
                if (!output.hasNonNull(field)) {
                    return invalid("Invalid request.\n\n\"" + field + "\" wasn't supplied.", null, null, null);
                }
            }
            for (String field : List.of("title", "summary", "text")) {
                if (output.path(field).asText("").length() > MAX_TEXT) {
                    return invalid("Invalid request.\n\nOnly 65535 characters are allowed; " + output.path(field).asText().length()
                            + " were supplied.", null, null, null);
                }
            }
        }
        return null;
    }
}
