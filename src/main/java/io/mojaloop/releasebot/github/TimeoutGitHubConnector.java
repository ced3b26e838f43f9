package io.mojaloop.releasebot.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Sends hub4j's requests with a connect timeout and a per-request timeout, so a GitHub that accepts connections
 * and never answers cannot hang a webhook handler (hub4j's own Java HTTP client connector sets neither).
 * <p>
 * Proxy: {@code HTTP_PROXY} is honoured like quarkus-github-app does, except for loopback hosts and hosts listed in
 * {@code NO_PROXY}, so a local fake GitHub is always reached directly.
 */
public class TimeoutGitHubConnector implements GitHubConnector {

    private final HttpClient client;
    private final Duration requestTimeout;

    public TimeoutGitHubConnector(Duration connectTimeout, Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .proxy(proxySelector(System.getenv("HTTP_PROXY"), System.getenv("NO_PROXY")))
                .build();
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(requestTimeout);
        try {
            builder.uri(request.url().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("Invalid URL " + request.url(), e);
        }
        for (Map.Entry<String, List<String>> header : request.allHeaders().entrySet()) {
            if (header.getValue() != null) {
                builder.header(header.getKey(), String.join(", ", header.getValue()));
            }
        }
        HttpRequest.BodyPublisher body = request.hasBody()
                ? HttpRequest.BodyPublishers.ofByteArray(request.body().readAllBytes())
                : HttpRequest.BodyPublishers.noBody();
        builder.method(request.method(), body);
        try {
            HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new Response(request, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException ioe = new InterruptedIOException(e.getMessage());
            ioe.initCause(e);
            throw ioe;
        }
    }

    static ProxySelector proxySelector(String httpProxy, String noProxy) {
        Proxy proxy = parseProxy(httpProxy);
        List<String> bypass = noProxy == null ? List.of()
                : List.of(noProxy.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
                if (proxy == Proxy.NO_PROXY || isLoopback(host) || bypassed(host, bypass)) {
                    return List.of(Proxy.NO_PROXY);
                }
                return List.of(proxy);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                // the request fails with the IOException; nothing to remember
            }
        };
    }

    private static Proxy parseProxy(String httpProxy) {
        if (httpProxy == null || httpProxy.isBlank()) {
            return Proxy.NO_PROXY;
        }
        URI uri = URI.create(httpProxy.contains("://") ? httpProxy : "http://" + httpProxy);
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port));
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    private static boolean bypassed(String host, List<String> bypass) {
        for (String entry : bypass) {
            String e = entry.startsWith(".") ? entry.substring(1) : entry;
            if (!e.isEmpty() && (host.equals(e) || host.endsWith("." + e) || e.equals("*"))) {
                return true;
            }
        }
        return false;
    }

    private static final class Response extends GitHubConnectorResponse {
        private final HttpResponse<InputStream> response;

        Response(GitHubConnectorRequest request, HttpResponse<InputStream> response) {
            super(request, response.statusCode(), response.headers().map());
            this.response = response;
        }

        @Override
        public InputStream bodyStream() throws IOException {
            return wrapStream(response.body());
        }

        @Override
        public void close() throws IOException {
            response.body().close();
        }
    }
}
