package io.mojaloop.releasebot.it;

import static io.restassured.RestAssured.given;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;

/**
 * The training run of the JVM's ahead-of-time cache ({@value PackagedApp#AOT_CACHE} in target/quarkus-app; JEP 483,
 * 514 and 515 of JDK 24 and 25): the packaged app started as the image starts it, but with
 * {@code -XX:AOTCacheOutput} instead of {@code -XX:AOTCache}, against the simulated GitHub, taken through a start and
 * a day's usual work (new PRs evaluated and written, a review, a review exception granted, a TTK report, the
 * dashboard, validation, metrics), then stopped with SIGTERM as Kubernetes stops it. The JVM writes the classes it
 * loaded and linked, and the profiles of the methods it ran, into the cache when it exits; a start with the cache
 * maps them instead of loading the jars again (docs/benchmarks.md, "Start and memory").
 * <p>
 * Runs in {@code package}, after Quarkus has built the app (pom.xml, exec-maven-plugin; {@code -Daot.skip} leaves it
 * out). A JDK older than {@value PackagedApp#AOT_SINCE} has no such cache: it says so and makes none. Fails the build
 * when a JDK that has one did not write it, so that an image is never built from a tree that silently lost it.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path cache = PackagedApp.APP_DIR.resolve(PackagedApp.AOT_CACHE);
        Files.deleteIfExists(cache); // a cache from an earlier build does not match this one's jars
        if (Runtime.version().feature() < PackagedApp.AOT_SINCE) {
            System.out.println("AOT training: skipped, Java " + Runtime.version() + " has no AOT cache (Java "
                    + PackagedApp.AOT_SINCE + " or newer has); the app starts without one");
            return;
        }
        long began = System.nanoTime();
        List<String> options = new ArrayList<>();
        for (String o : PackagedApp.jvmOptions()) {
            options.add(o.startsWith("-XX:AOTCache=") ? "-XX:AOTCacheOutput=" + PackagedApp.AOT_CACHE : o);
        }
        if (!options.contains("-XX:AOTCacheOutput=" + PackagedApp.AOT_CACHE)) {
            throw new IllegalStateException("quarkus.jib.jvm-entrypoint has no -XX:AOTCache=" + PackagedApp.AOT_CACHE
                    + ": the image would not use the cache this run makes");
        }
        FakeGitHub github = new FakeGitHub();
        Map<String, String> settings = github.start();
        try {
            PackagedApp app = PackagedApp.start(settings, 0, Path.of("target/aot-training-app.log"), options);
            try {
                RestAssured.baseURI = "http://127.0.0.1";
                RestAssured.port = app.port;
                work(github);
            } finally {
                // the JVM assembles the cache at exit, in a second JVM it starts then: give it time
                app.stop(Duration.ofMinutes(3));
            }
        } finally {
            github.stop();
        }
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("The training run wrote no " + cache + "; see target/aot-training-app.log");
        }
        System.out.printf("AOT training: %s, %d MiB, in %d s%n", cache, Files.size(cache) >> 20,
                (System.nanoTime() - began) / 1_000_000_000L);
    }

    /** What a working day asks of the bot, each kind of request at least once. */
    static void work(FakeGitHub github) throws Exception {
        String org = "mojaloop";
        String repo = org + "/central-ledger";
        github.installedOn(org);
        github.orgConfig(org, """
                reviews:
                  exception-approvers: [design-authority]
                affiliations:
                  Infitx: [alice]
                  Crosslake: [carol]
                freeze:
                  exception-approvers: [release-managers]
                releases:
                  - version: v17.2.0
                    pi-kickoff: 2099-01-18
                    release-date: 2099-01-25
                    feature-freeze: none
                    story: mojaloop/project#4300
                    repos: [central-ledger, ml-api-adapter]
                gates:
                  - id: golden-path-dev
                    name: TTK Golden Path on dev
                    ttk-suite: GP Tests
                    environment: dev
                """);
        github.issue(org + "/project", 4300, "Release v17.2.0", "Story.\n");
        github.team(org, "design-authority", "grace");
        github.user("alice", "Infitx");
        github.user("carol", "Crosslake");
        for (int n = 1; n <= 3; n++) {
            github.pullRequest(repo, n, "eve", sha(n), "main", n == 1 ? "feat: bulk quote expiry" : "fix: change " + n);
            Webhooks.send("pull_request", Webhooks.opened(github, repo, n)).then().statusCode(200);
        }
        github.awaitQuiet(Duration.ofSeconds(1), Duration.ofSeconds(30));
        github.reviews(repo, 1, new FakeGitHub.Review("alice", "APPROVED", sha(1)));
        Webhooks.send("pull_request_review", Webhooks.review(repo, 1, "alice", "approved", sha(1))).then().statusCode(200);
        Webhooks.send("pull_request", Webhooks.pullRequest("synchronize", repo, 2, "eve", sha(2))).then().statusCode(200);
        github.comments(repo, 3, new FakeGitHub.Comment(77, "grace", "/review-exception urgent fix"));
        Webhooks.send("issue_comment", Webhooks.comment(repo, 3, true, 77, "grace", "/review-exception urgent fix"))
                .then().statusCode(200);
        github.awaitQuiet(Duration.ofSeconds(1), Duration.ofSeconds(30));
        try (InputStream in = AotTraining.class.getResourceAsStream("/ttk/all-passed.json")) {
            given().contentType("application/json").header("Authorization", "Bearer " + FakeGitHub.REPORT_TOKEN)
                    .body(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .post("/api/v1/releases/v17.2.0/ttk-reports?environment=dev").then().statusCode(201);
        }
        given().body("reviews:\n  required-approvals: 2\n").post("/api/v1/validate").then().statusCode(200);
        given().get("/releases").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        github.awaitQuiet(Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    static String sha(int n) {
        return String.format("%040x", n);
    }
}
