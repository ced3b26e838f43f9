package io.mojaloop.releasebot.bench;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.it.FakeGitHub;
import io.mojaloop.releasebot.it.Webhooks;
import io.mojaloop.releasebot.sandbox.SimulatedGitHub;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Exchange;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The release-contents numbers of docs/benchmarks.md: GitHub calls for a story rebuild of a release whose umbrella
 * moved 15 components (40 commits each, each commit a merged PR of a release repository), first and again with
 * nothing changed, and the time to build the draft notes, against the simulated GitHub answering in 20 ms. Not part
 * of the build (no assertion on time); run with
 * {@code ./mvnw -B verify -Dit.test=ContentsBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = FakeGitHub.class, restrictToAnnotatedClass = true)
@TestProfile(ContentsBenchmark.Profile.class)
class ContentsBenchmark {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("release-bot.dashboard.cache-ttl", "1ms");
        }
    }

    static final int COMPONENTS = 15;
    static final int COMMITS = 40;
    static final int LATENCY_MS = 20;

    FakeGitHub github;
    final List<String> lines = new ArrayList<>();
    long commentIds = 7000;

    @Test
    void run() throws IOException {
        github.reset();
        SimulatedGitHub state = github.state();
        String org = "cb-" + UUID.randomUUID().toString().substring(0, 8);
        String helm = org + "/helm";
        String project = org + "/project";
        github.installedOn(org);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= COMPONENTS; i++) {
            names.add("component-" + i);
        }
        List<String> repos = new ArrayList<>(List.of(org + "/.github", helm, project));
        names.forEach(n -> repos.add(org + "/" + n));
        github.installationRepositories(repos.toArray(String[]::new));
        github.orgConfig(org, """
                releases:
                  - version: v18.0.0
                    pi-kickoff: 2027-01-18
                    release-date: 2027-01-25
                    timezone: UTC
                    story: %s/project#100
                    repos: [%s, helm]
                gates:
                  - id: release-notes
                    name: Release notes
                """.formatted(org, String.join(", ", names)));
        github.issue(project, 100, "Release v18.0.0", "# Release v18.0.0\n");
        StringBuilder before = new StringBuilder("appVersion: \"");
        StringBuilder now = new StringBuilder("appVersion: \"");
        int pr = 1;
        for (String name : names) {
            String repository = org + "/" + name;
            state.tagCommits(repository, "v1.0.0", "chore(release): 1.0.0");
            String[] titles = new String[COMMITS];
            for (int c = 0; c < COMMITS; c++) {
                titles[c] = (c % 3 == 0 ? "feat(mojaloop/#" + (3000 + pr) + "): change " + c : c % 3 == 1 ? "fix: change " + c
                        : "chore: change " + c) + " (#" + (pr + c) + ")";
            }
            List<String> shas = state.tagCommits(repository, "v1.1.0", titles);
            for (int c = 0; c < COMMITS; c++) {
                String head = Integer.toHexString((repository + c).hashCode()) + "0".repeat(32);
                state.mergedPullRequest(repository, pr + c, "eve", titles[c], head.substring(0, 40), shas.get(c), "alice",
                        Instant.parse("2026-11-01T10:00:00Z"));
                state.botCheckRun(repository, head.substring(0, 40), "review-rules", "success");
            }
            pr += COMMITS;
            before.append(name).append(": v1.0.0; ");
            now.append(name).append(": v1.1.0; ");
        }
        String chart = "apiVersion: v2\nname: mojaloop\nversion: %s\n%s\"\n";
        state.tag(helm, "v17.0.0");
        state.fileAtTag(helm, "v17.0.0", "mojaloop/Chart.yaml", chart.formatted("17.0.0", before));
        state.tagCommits(helm, "v18.0.0-rc.1", "chore(release): v18.0.0-rc.1");
        state.fileAtTag(helm, "v18.0.0-rc.1", "mojaloop/Chart.yaml", chart.formatted("18.0.0", now));
        github.releases(helm, new String[] { "v18.0.0-rc.1", "true", "2027-01-05T10:00:00Z" },
                new String[] { "v17.0.0", "false", "2026-10-01T10:00:00Z" });
        github.latency(LATENCY_MS);

        line("Release contents (`ContentsBenchmark`): %d components, %d commits each (each a merged PR of a release "
                + "repository with the bot's review-rules run), simulated GitHub answering in %d ms.", COMPONENTS, COMMITS, LATENCY_MS);
        line("");
        line("| story rebuild | GitHub calls | compares | PR reads | check-run reads | 304 (free) | writes | time |");
        line("|---|---|---|---|---|---|---|---|");
        rebuild(project, "first (nothing cached)", true);
        rebuild(project, "second, nothing changed", false);
        rebuild(project, "third, nothing changed", false);
        line("");
        line("| draft notes `GET /api/v1/releases/v18.0.0/notes` | time | GitHub calls |");
        line("|---|---|---|");
        for (String label : List.of("first after the rebuilds (compares cached)", "again")) {
            github.clearRequests();
            long t0 = System.nanoTime();
            String notes = given().get("/api/v1/releases/v18.0.0/notes").then().statusCode(200).extract().asString();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            line("| %s (%d characters) | %d ms | %d |", label, notes.length(), ms, github.requestsSince().size());
        }
        String report = String.join("\n", lines) + "\n";
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/contents-benchmark.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);
    }

    void rebuild(String project, String label, boolean firstTime) {
        github.clearRequests();
        long id = ++commentIds;
        long t0 = System.nanoTime();
        github.comment(project, 100, id, "mallory", "/release-status");
        Webhooks.send("issue_comment", Webhooks.comment(project, 100, false, id, "mallory", "/release-status")).then().statusCode(200);
        if (firstTime) {
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                String body = github.issueBody(project, 100);
                return body != null && body.contains("### Audit");
            });
        }
        // settled: no request for a second
        int[] last = { -1 };
        long[] since = { System.nanoTime() };
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            int n = github.requestCount();
            if (n != last[0]) {
                last[0] = n;
                since[0] = System.nanoTime();
                return false;
            }
            return n > 0 && System.nanoTime() - since[0] > 1_000_000_000L;
        });
        long ms = (System.nanoTime() - t0) / 1_000_000 - 1000;
        List<Exchange> all = github.requestsSince();
        Map<String, Integer> kinds = new TreeMap<>();
        for (Exchange e : all) {
            kinds.merge(e.method() + " " + e.path().replaceAll("/repos/[^/]+/[^/]+", "/repos/{r}").replaceAll("\\d+", "N")
                    .replaceAll("\\?.*", ""), 1, Integer::sum);
        }
        long compares = all.stream().filter(e -> e.path().contains("/compare/")).count();
        long prs = all.stream().filter(e -> e.method().equals("GET") && e.path().matches(".*/pulls/\\d+")).count();
        long runs = all.stream().filter(e -> e.path().contains("/check-runs")).count();
        long writes = all.stream().filter(e -> !e.method().equals("GET")).count();
        line("| %s | %d | %d | %d | %d | %d | %d | %d ms |", label, all.size(), compares, prs, runs, github.notModifiedSince(), writes, ms);
        System.out.println(label + ": " + kinds);
    }

    void line(String format, Object... args) {
        lines.add(args.length == 0 ? format : String.format(format, args));
    }

    static List<String> list(String... s) {
        return Arrays.asList(s);
    }
}
