package io.mojaloop.releasebot.it.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Where GitHub's REST description is and how it gets there. Its version is pinned in pom.xml
 * ({@code github-openapi.version}, an npm version of {@code @octokit/openapi}); Maven hands the tests the file's place
 * as {@code -Dgithub-openapi.spec} (by default under {@code ~/.cache/mojaloop-release-bot/}). {@code .ci/run} fetches
 * it with {@code .ci/github-openapi} (npm) before the build. When the file is missing, a developer's test run fetches
 * it the same way; on CI ({@code CI} set) a missing file fails the tests: the check is never skipped.
 */
final class SpecFile {

    static final String PROPERTY = "github-openapi.spec";
    private static volatile GitHubContract shared;
    static volatile long loadMillis = -1;

    private SpecFile() {
    }

    /** GitHub's description, read once per JVM (the first caller waits a few seconds). */
    static GitHubContract shared() {
        GitHubContract c = shared;
        if (c == null) {
            synchronized (SpecFile.class) {
                c = shared;
                if (c == null) {
                    Path file = locate();
                    long started = System.nanoTime();
                    long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    try {
                        c = GitHubContract.read(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Could not read GitHub's REST description " + file + ": " + e.getMessage()
                                + ". Delete it and run bash .ci/github-openapi to fetch it again.", e);
                    }
                    loadMillis = (System.nanoTime() - started) / 1_000_000;
                    cpu = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1_000_000;
                    System.out.printf("GitHub contract: %d operations of api.github.com %s read from %s in %d ms (%d ms CPU)%n",
                            c.operationCount(), c.version(), file, loadMillis, cpu);
                    shared = c;
                }
            }
        }
        return c;
    }

    static Path locate() {
        String ci = System.getenv("CI");
        return locate(System.getProperty(PROPERTY, System.getenv("GITHUB_OPENAPI_SPEC")),
                ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false"), Path.of(".ci", "github-openapi"));
    }

    /** The file, fetched with {@code script} first when it is missing and this is not CI. */
    static Path locate(String configured, boolean ci, Path script) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("Where GitHub's REST description is was not said: run the tests through ./mvnw"
                    + " (pom.xml sets -D" + PROPERTY + "), or set -D" + PROPERTY + "=FILE or GITHUB_OPENAPI_SPEC=FILE"
                    + " (bash .ci/github-openapi fetches it and prints where).");
        }
        Path file = Path.of(configured);
        if (Files.isRegularFile(file)) {
            return file;
        }
        String how = "bash .ci/github-openapi '" + file + "' (needs npm; Debian: apt-get install npm) fetches it: it runs"
                + " npm pack @octokit/openapi@<github-openapi.version in pom.xml> and extracts"
                + " package/generated/api.github.com.deref.json";
        if (ci) {
            throw new IllegalStateException("GitHub's REST description is missing: " + file + ". On CI it must be fetched"
                    + " before the build (.ci/run does it); the contract check is never skipped. " + how);
        }
        fetch(file, script, how);
        return file;
    }

    private static void fetch(Path file, Path script, String how) {
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("GitHub's REST description is missing: " + file + " (and " + script.toAbsolutePath()
                    + " is not here to fetch it; run the tests from the project's directory). " + how);
        }
        System.out.println("GitHub contract: " + file + " is missing; fetching it with " + script);
        try {
            Path log = Files.createTempFile("github-openapi", ".log");
            Process process = new ProcessBuilder("bash", script.toString(), file.toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean done = process.waitFor(5, TimeUnit.MINUTES);
            if (!done) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (!done || process.exitValue() != 0 || !Files.isRegularFile(file)) {
                throw new IllegalStateException("Could not fetch GitHub's REST description to " + file + ": "
                        + (done ? "exit " + process.exitValue() : "still running after 5 minutes") + "\n" + output.strip() + "\n" + how);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not fetch GitHub's REST description: " + e.getMessage() + ". " + how, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching GitHub's REST description", e);
        }
    }
}
