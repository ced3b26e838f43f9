package io.mojaloop.releasebot.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.config.ConfigLoader;
import io.mojaloop.releasebot.core.config.ParsedConfig;
import io.mojaloop.releasebot.github.GitHub;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import io.mojaloop.releasebot.github.InMemoryGitHub;
import io.mojaloop.releasebot.github.model.Comparison;
import io.mojaloop.releasebot.github.model.FileContent;
import io.mojaloop.releasebot.github.model.GitHubRelease;
import io.mojaloop.releasebot.github.model.Repository;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReleaseContentsEndpointsTest {

    final InMemoryGitHub github = new InMemoryGitHub();
    ParsedConfig config;

    @Inject
    ReleaseContentsEndpoints endpoints;

    /** What the dashboard's reading says; {@code publicRepositories} null: the page is private (shows all). */
    void visible(Set<String> publicRepositories) {
        QuarkusMock.installMockForType(new DashboardReads() {
            @Override
            public Reading current() {
                return new Reading(List.of(new OrgRead("mojaloop", 7, config, publicRepositories)), null, System.nanoTime());
            }
        }, DashboardReads.class);
        endpoints.read.invalidateAll();
    }

    @BeforeEach
    void install() throws IOException {
        config = ConfigLoader.parseOrg("release-bot.yml", """
                releases:
                  - version: v17.2.0
                    release-date: 2027-01-25
                    story: mojaloop/project#4300
                    repos: [central-ledger, helm]
                """);
        visible(null);
        QuarkusMock.installMockForType(new GitHubApiFactory() {
            @Override
            public GitHub github(long installationId) {
                return github;
            }
        }, GitHubApiFactory.class);
        String now = Files.readString(Path.of("/work/shared/mojaloop/umbrella-Chart.yaml"));
        String before = now.replace("central-ledger: v19.7.4", "central-ledger: v19.7.0");
        github.releases.put("mojaloop/helm", List.of(
                new GitHubRelease("mojaloop/helm", "v17.2.0-rc.1", false, true, Instant.parse("2027-01-10T00:00:00Z"), "u2", ""),
                new GitHubRelease("mojaloop/helm", "v17.1.0", false, false, Instant.parse("2026-10-01T00:00:00Z"), "u1", "")));
        github.repositories.put("mojaloop/helm", new Repository("mojaloop/helm", "main", false, false));
        github.files.put("mojaloop/helm#mojaloop/chart.yaml#v17.2.0-rc.1",
                new FileContent("mojaloop/helm", "mojaloop/Chart.yaml", now.length(), now, "h"));
        github.files.put("mojaloop/helm#mojaloop/chart.yaml#v17.1.0",
                new FileContent("mojaloop/helm", "mojaloop/Chart.yaml", before.length(), before, "h"));
        github.comparisons.put("mojaloop/central-ledger#v19.7.0#v19.7.4", new Comparison("ahead", 1, List.of(
                new Comparison.Commit("a1", "feat(ledger): limits per currency (#1001)"))));
    }

    @Test
    void notesAreMarkdown() {
        given().get("/api/v1/releases/v17.2.0/notes").then().statusCode(200)
                .contentType(containsString("text/markdown"))
                .body(containsString("# Helm Release Notes: v17.2.0"))
                .body(containsString("limits per currency"));
    }

    @Test
    void contentsAreJson() {
        given().get("/api/v1/releases/v17.2.0/contents").then().statusCode(200)
                .body("version", equalTo("v17.2.0"))
                .body("chart.ref", equalTo("v17.2.0-rc.1"))
                .body("previous.ref", equalTo("v17.1.0"))
                .body("components.find { it.name == 'central-ledger' }.commits", equalTo(1));
    }

    @Test
    void unknownVersionIs404WithAJsonError() {
        given().get("/api/v1/releases/v99.0.0/contents").then().statusCode(404)
                .body("error", equalTo("unknown-release")).body("version", equalTo("v99.0.0"));
        given().get("/api/v1/releases/v99.0.0/notes").then().statusCode(404)
                .body("error", equalTo("unknown-release"));
    }

    @Test
    void aPublicPageShowsNothingOfAPrivateUmbrella() {
        visible(Set.of("mojaloop/central-ledger"));
        given().get("/api/v1/releases/v17.2.0/contents").then().statusCode(404).body("error", equalTo("unknown-release"));
        given().get("/api/v1/releases/v17.2.0/notes").then().statusCode(404);
    }

    @Test
    void aPublicPageLeavesOutTheChangesOfPrivateComponents() {
        visible(Set.of("mojaloop/helm"));
        given().get("/api/v1/releases/v17.2.0/contents").then().statusCode(200)
                .body("components.find { it.name == 'central-ledger' }.version", equalTo("v19.7.4"))
                .body("components.find { it.name == 'central-ledger' }.commits", equalTo(0))
                .body("components.find { it.name == 'central-ledger' }.features.size()", equalTo(0))
                .body("problems.find { it.component == 'central-ledger' }.message", containsString("not public"));
        given().get("/api/v1/releases/v17.2.0/notes").then().statusCode(200)
                .body(not(containsString("limits per currency")));
        visible(Set.of("mojaloop/helm", "mojaloop/central-ledger"));
        given().get("/api/v1/releases/v17.2.0/contents").then().statusCode(200)
                .body("components.find { it.name == 'central-ledger' }.commits", equalTo(1));
    }

    @Test
    void readAtMostOncePerCacheTime() {
        int before = github.calls.size();
        for (int i = 0; i < 5; i++) {
            given().get("/api/v1/releases/v17.2.0/contents").then().statusCode(200);
        }
        int first = github.calls.size() - before;
        assertThat(first).isPositive();
        for (int i = 0; i < 5; i++) {
            given().get("/api/v1/releases/v17.2.0/notes").then().statusCode(200);
        }
        assertThat(github.calls.size() - before).isEqualTo(first);
    }
}
