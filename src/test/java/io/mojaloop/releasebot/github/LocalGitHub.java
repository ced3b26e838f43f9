package io.mojaloop.releasebot.github;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * A GitHub on loopback for the transport's unit tests (the JDK's HTTP server, nothing else): each request is
 * answered by the first route whose method and path prefix match, and recorded with the moment it arrived.
 */
public final class LocalGitHub implements AutoCloseable {

    /** A request as it arrived. */
    public record Request(String method, String uri, Map<String, List<String>> headers, String body, long arrivedNanos) {
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        public String path() {
            int q = uri.indexOf('?');
            return q < 0 ? uri : uri.substring(0, q);
        }
    }

    /** An answer: status, headers, body. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public static Answer json(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"), body);
        }

        public Answer with(String header, String value) {
            Map<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.put(header, value);
            return new Answer(status, h, body);
        }
    }

    private record Route(String method, String prefix, Function<Request, Answer> answer) {
    }

    private final HttpServer server;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    public LocalGitHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "local-github");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime());
            requests.add(request);
            Answer answer = Answer.json(404, "{\"message\":\"Not Found\"}");
            for (Route route : routes) {
                if (route.method.equals(request.method()) && request.path().startsWith(route.prefix)) {
                    answer = route.answer.apply(request);
                    break;
                }
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), answer.status() == 304 || bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0 && answer.status() != 304) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    public LocalGitHub on(String method, String pathPrefix, Function<Request, Answer> answer) {
        routes.add(new Route(method, pathPrefix, answer));
        return this;
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests(String method, String pathPrefix) {
        List<Request> found = new ArrayList<>();
        for (Request r : requests) {
            if (r.method().equals(method) && r.path().startsWith(pathPrefix)) {
                found.add(r);
            }
        }
        return found;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
