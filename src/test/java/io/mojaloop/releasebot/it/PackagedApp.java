package io.mojaloop.releasebot.it;

import java.io.IOException;
import java.io.Reader;
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
import java.util.Properties;
import java.util.TreeMap;

/**
 * The packaged app ({@code target/quarkus-app/quarkus-run.jar}) as a process of its own, for the tests and
 * benchmarks that need to kill and restart it or measure it from outside: the same artifact the container runs,
 * started the way the container starts it (the JVM options of {@code quarkus.jib.jvm-entrypoint} in
 * application.properties, from the app's directory so that its AOT cache, {@value #AOT_CACHE}, is used).
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

    static final Path APP_DIR = Path.of("target", "quarkus-app");
    /** The JVM's ahead-of-time cache in the app's directory, written at package time by {@link AotTraining}. */
    static final String AOT_CACHE = "app.aot";
    /** The first Java with an AOT cache (JEP 483); an older JVM refuses {@code -XX:AOTCache} as unknown. */
    static final int AOT_SINCE = 24;

    /**
     * The JVM options the image starts the app with: {@code quarkus.jib.jvm-entrypoint} without its {@code java} and
     * {@code -jar quarkus-run.jar}. {@code -Dpackaged-app.jvm-options="..."} (space-separated) replaces them, to measure
     * other settings against these. On a Java older than {@value #AOT_SINCE} (a build without a JDK 25, see README)
     * the AOT cache option is left out: that JVM would not start with it, and the app starts without a cache.
     */
    public static List<String> jvmOptions() {
        String override = System.getProperty("packaged-app.jvm-options");
        if (override != null) {
            return List.of(override.trim().split("\\s+"));
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> entrypoint = List.of(properties.getProperty("quarkus.jib.jvm-entrypoint", "").trim().split("\\s*,\\s*"));
        if (entrypoint.size() < 3 || !entrypoint.get(0).equals("java")
                || !entrypoint.subList(entrypoint.size() - 2, entrypoint.size()).equals(List.of("-jar", "quarkus-run.jar"))) {
            throw new IllegalStateException("quarkus.jib.jvm-entrypoint is not java,<options>,-jar,quarkus-run.jar: " + entrypoint);
        }
        return entrypoint.subList(1, entrypoint.size() - 2).stream()
                .filter(o -> Runtime.version().feature() >= AOT_SINCE || !o.startsWith("-XX:AOTCache")).toList();
    }

    /** Starts the app with these settings (e.g. FakeGitHub.start()'s) on the port (0: any free one); waits until ready. */
    public static PackagedApp start(Map<String, String> settings, int port, Path log) throws IOException, InterruptedException {
        return start(settings, port, log, jvmOptions());
    }

    /** The same with these JVM options instead of the image's. */
    public static PackagedApp start(Map<String, String> settings, int port, Path log, List<String> jvmOptions)
            throws IOException, InterruptedException {
        int p = port > 0 ? port : freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        new TreeMap<>(settings).forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dquarkus.http.port=" + p);
        command.add("-jar");
        command.add("quarkus-run.jar");
        Files.createDirectories(log.toAbsolutePath().getParent());
        // run from the app's directory, as the image does (/deployments): the AppCDS archive names quarkus-run.jar so
        ProcessBuilder builder = new ProcessBuilder(command).directory(APP_DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toAbsolutePath().toFile()));
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
            Thread.sleep(20);
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
        stop(Duration.ofSeconds(20));
    }

    /** SIGTERM, as Kubernetes stops a pod; kill -9 when the process has not exited after this long. */
    public void stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
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
