package io.mojaloop.releasebot.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.it.FakeGitHub;
import io.mojaloop.releasebot.it.PackagedApp;

/**
 * The "Start and memory" numbers of docs/benchmarks.md: the packaged app started {@code bench.starts} times (10) as
 * the image starts it (PackagedApp: the JVM options of {@code quarkus.jib.jvm-entrypoint}), production settings
 * except the GitHub App's credentials and API address (the simulated GitHub, which the app does not call before it is
 * ready). Prints, and writes to {@code target/start-benchmark.md}, the time from launching {@code java} to
 * {@code /q/health/ready} answering 200, and the resident memory then and after {@code bench.idle-seconds} (5) idle.
 * {@code -Dbench.jvm-variants="-Xmx512m|-Xmx512m -XX:AOTCache=app.aot"} measures other JVM options
 * ({@code |} between the variants) against the image's, starting each in turn so that a busy moment of the machine
 * falls on all of them. Not part of the build; run after {@code ./mvnw package} with
 * {@code ./mvnw -B surefire:test -Dtest=StartBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class StartBenchmark {

    static final int STARTS = Integer.getInteger("bench.starts", 10);
    static final int IDLE_SECONDS = Integer.getInteger("bench.idle-seconds", 5);

    record Variant(List<String> options, List<Long> ready, List<Long> rssAtReady, List<Long> rssIdle) {
        Variant(List<String> options) {
            this(options, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    @Test
    void run() throws Exception {
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant(PackagedApp.jvmOptions()));
        for (String v : System.getProperty("bench.jvm-variants", "").split("\\|")) {
            if (!v.isBlank()) {
                variants.add(new Variant(List.of(v.trim().split("\\s+"))));
            }
        }
        FakeGitHub github = new FakeGitHub();
        Map<String, String> settings = new TreeMap<>(github.start());
        settings.keySet().removeIf(k -> !k.startsWith("quarkus.github-app."));
        String loadBefore = loadAverage();
        try {
            for (int i = 0; i < STARTS; i++) {
                for (Variant v : variants) {
                    try (PackagedApp app = PackagedApp.start(settings, 0, Path.of("target/start-benchmark-app.log"), v.options())) {
                        v.ready().add(app.startToReadyMillis);
                        v.rssAtReady().add(app.rssMiB());
                        Thread.sleep(IDLE_SECONDS * 1000L);
                        v.rssIdle().add(app.rssMiB());
                    }
                }
            }
        } finally {
            github.stop();
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Start and memory: %d starts of each, %d cores, Java %s, load average %s before and %s after%n%n"
                        + "| JVM options | start to ready (ms) | resident at ready (MiB) | after %d s idle (MiB) |%n|---|---|---|---|%n",
                STARTS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadBefore,
                loadAverage(), IDLE_SECONDS));
        for (Variant v : variants) {
            report.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s |%n", String.join(" ", v.options()),
                    spread(v.ready()), spread(v.rssAtReady()), spread(v.rssIdle())));
        }
        report.append("\n(median, and min–max in brackets)\n");
        Files.writeString(Path.of("target/start-benchmark.md"), report, StandardCharsets.UTF_8);
        System.out.println("\n==== start benchmark ====\n" + report);
    }

    static String spread(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        long median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return "**" + median + "** (" + sorted.get(0) + "–" + sorted.get(sorted.size() - 1) + ")";
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
