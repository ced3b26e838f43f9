package io.mojaloop.releasebot.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The packaged app ({@code target/quarkus-app/quarkus-run.jar}) as a process of its own, for the tests and
 * benchmarks that need to kill and restart it or measure it from outside (the same artifact the container runs).
 */
public final class PackagedApp implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public final int port;
    public final Process process;
    public final long startToReadyMillis;

    private PackagedApp(int port, Process process, long startToReadyMillis) {
        this.port = port;
        this.process = process;
        this.startToReadyMillis = startToReadyMillis;
    }

    /** Starts the app with these settings (e.g. FakeGitHub.start()'s) on the port (0: any free one); waits until ready. */
    public static PackagedApp start(Map<String, String> settings, int port, String heap, Path log) throws IOException, InterruptedException {
        int p = port > 0 ? port : freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
        new TreeMap<>(settings).forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dquarkus.http.port=" + p);
        command.add("-jar");
        command.add("target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the bot's GitHub client honours HTTP_PROXY; the fake GitHub is on loopback
        builder.environment().keySet().removeIf(k -> k.equalsIgnoreCase("http_proxy") || k.equalsIgnoreCase("https_proxy"));
        long launched = System.nanoTime();
        Process process = builder.start();
        long deadline = launched + Duration.ofSeconds(90).toNanos();
        while (status("http://127.0.0.1:" + p + "/q/health/ready") != 200) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("The packaged app did not become ready; see " + log);
            }
            Thread.sleep(100);
        }
        return new PackagedApp(p, process, (System.nanoTime() - launched) / 1_000_000);
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** kill -9: no shutdown hook, no draining of the work queue. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Resident memory of the process (VmRSS), in MiB; -1 when unknown. */
    public long rssMiB() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    public static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
