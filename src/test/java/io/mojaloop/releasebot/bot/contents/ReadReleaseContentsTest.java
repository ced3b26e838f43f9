package io.mojaloop.releasebot.bot.contents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.ConfigLoader;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.contents.Component;
import io.mojaloop.releasebot.core.contents.ContentsProblem;
import io.mojaloop.releasebot.core.contents.ContentsProblem.Kind;
import io.mojaloop.releasebot.core.contents.ReleaseContents;
import io.mojaloop.releasebot.github.GitHubApiException;
import io.mojaloop.releasebot.github.InMemoryGitHub;
import io.mojaloop.releasebot.github.model.Comparison;
import io.mojaloop.releasebot.github.model.FileContent;
import io.mojaloop.releasebot.github.model.GitHubRelease;
import io.mojaloop.releasebot.github.model.PullRequest;
import io.mojaloop.releasebot.github.model.Repository;

class ReadReleaseContentsTest {

    static final String CONFIG = """
            releases:
              - version: v17.2.0
                release-date: 2027-01-25
                story: mojaloop/project#4300
                repos: [central-ledger, helm]
            """;

    /** Answers 422 for quoting-service, as GitHub does for refs it will not compare. */
    final InMemoryGitHub github = new InMemoryGitHub() {
        @Override
        public Comparison compare(String repository, String base, String head) throws IOException {
            if (repository.equalsIgnoreCase("mojaloop/quoting-service")) {
                calls.add("compare " + repository + " " + base + " " + head);
                throw new GitHubApiException("GET", "/repos/" + repository + "/compare/" + base + "..." + head, 422,
                        "{\"message\":\"No common ancestor\"}");
            }
            return super.compare(repository, base, head);
        }
    };
    final ReadReleaseContents reader = new ReadReleaseContents();
    BotConfig config;
    Release release;

    @BeforeEach
    void seed() throws IOException {
        config = ConfigLoader.parseOrg("release-bot.yml", CONFIG).config();
        release = config.releases().get(0);
        String now = Files.readString(Path.of("/work/shared/mojaloop/umbrella-Chart.yaml"));
        String before = now.replace("central-ledger: v19.7.4", "central-ledger: v19.7.0")
                .replace("quoting-service: v17.12.0", "quoting-service: v17.11.0")
                .replace("account-lookup-service: v17.12.0", "account-lookup-service: v17.10.0")
                .replace("ml-api-adapter: v16.5.6", "ml-api-adapter: v16.5.0");
        github.releases.put("mojaloop/helm", List.of(
                new GitHubRelease("mojaloop/helm", "v17.2.0-rc.1", false, true, Instant.parse("2027-01-10T00:00:00Z"), "u2", ""),
                new GitHubRelease("mojaloop/helm", "v17.1.0", false, false, Instant.parse("2026-10-01T00:00:00Z"), "u1", "")));
        github.repositories.put("mojaloop/helm", new Repository("mojaloop/helm", "main", false, false));
        for (String r : List.of("central-ledger", "quoting-service", "account-lookup-service")) {
            github.repositories.put("mojaloop/" + r, new Repository("mojaloop/" + r, "main", false, false));
        }
        github.files.put("mojaloop/helm#mojaloop/chart.yaml#v17.2.0-rc.1",
                new FileContent("mojaloop/helm", "mojaloop/Chart.yaml", now.length(), now, "h"));
        github.files.put("mojaloop/helm#mojaloop/chart.yaml#v17.1.0",
                new FileContent("mojaloop/helm", "mojaloop/Chart.yaml", before.length(), before, "h"));
        github.comparisons.put("mojaloop/central-ledger#v19.7.0#v19.7.4", new Comparison("ahead", 2, List.of(
                new Comparison.Commit("a1", "feat(ledger): limits per currency (#1001)"),
                new Comparison.Commit("a2", "fix: rounding of fees"))));
        github.comparisons.put("mojaloop/account-lookup-service#v17.10.0#v17.12.0", new Comparison("ahead", 250, List.of(
                new Comparison.Commit("b1", "fix: oracle timeout (#77)"))));
        github.pullRequests.put("mojaloop/central-ledger#1002", new PullRequest("mojaloop/central-ledger", 1002, "closed", false,
                "fix: rounding of fees", null, "a2", "main", List.of(), "u", Instant.parse("2027-01-02T00:00:00Z"), "x", "a2"));
        // ml-api-adapter: no comparison seeded and no repository: the compare's 404 is a missing repository
    }

    /** Each problem as its kind and component. */
    static List<String> problems(ReleaseContents contents) {
        return contents.problems().stream().map(p -> p.kind() + " " + p.component()).toList();
    }

    static String message(ContentsProblem p) {
        return p.kind().name();
    }

    Component component(ReleaseContents contents, String name) {
        return contents.components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void readsTwoChartsAndComparesChangedComponents() {
        ReleaseContents contents = reader.read("mojaloop", config, release, github);
        assertTrue(contents.read(), problems(contents).toString());
        assertTrue(contents.previousRead());
        assertEquals("v17.2.0-rc.1", contents.current().ref());
        assertEquals("v17.1.0", contents.previousTag());
        Component ledger = component(contents, "central-ledger");
        assertEquals(2, ledger.totalCommits());
        assertEquals(1, ledger.features().size());
        assertEquals(1001, ledger.features().get(0).pr());
        assertEquals(1, ledger.fixes().size());
        // the fix names no PR in its title: the associated PR is asked for (only that commit)
        assertEquals(1002, ledger.fixes().get(0).pr());
        assertTrue(github.calls.contains("pullRequestsOfCommit mojaloop/central-ledger a2"));
        assertTrue(github.calls.stream().noneMatch(c -> c.equals("pullRequestsOfCommit mojaloop/central-ledger a1")));
        assertTrue(github.calls.stream().noneMatch(c -> c.equals("pullRequestsOfCommit mojaloop/account-lookup-service b1")));
        List<String> problems = problems(contents);
        // 422
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(Kind.COMPARE_REFUSED + " ")), problems.toString());
        // truncated
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(Kind.TRUNCATED + " ")), problems.toString());
        // 404, repository missing
        assertTrue(problems.contains(Kind.REPOSITORY_NOT_FOUND + " ml-api-adapter"), problems.toString());
        Map<String, Object> json = contents.json(ReadReleaseContentsTest::message);
        assertEquals("v17.2.0", json.get("version"));
    }

    @Test
    void compare404InAnExistingRepositoryIsAMissingTag() {
        github.repositories.put("mojaloop/ml-api-adapter", new Repository("mojaloop/ml-api-adapter", "main", false, false));
        ReleaseContents contents = reader.read("mojaloop", config, release, github);
        List<String> problems = problems(contents);
        assertTrue(problems.contains(Kind.TAG_NOT_FOUND + " ml-api-adapter"), problems.toString());
    }

    @Test
    void secondBuildMakesNoCompareCallForWhatItAlreadyCompared() {
        ReleaseContents first = reader.read("mojaloop", config, release, github);
        long compares = github.calls.stream().filter(c -> c.startsWith("compare ")).count();
        assertEquals(4, compares, github.calls.toString());
        github.calls.clear();
        ReleaseContents second = reader.read("mojaloop", config, release, github);
        // the two successful compares come from the cache; the failed ones are asked again (a tag may appear)
        List<String> asked = github.calls.stream().filter(c -> c.startsWith("compare ")).toList();
        assertTrue(asked.stream().noneMatch(c -> c.contains("central-ledger") || c.contains("account-lookup-service")), asked.toString());
        assertTrue(github.calls.stream().noneMatch(c -> c.startsWith("pullRequestsOfCommit")), github.calls.toString());
        assertEquals(first.json(ReadReleaseContentsTest::message), second.json(ReadReleaseContentsTest::message));
        assertEquals(first.problems(), second.problems());
    }

    @Test
    void missingChartIsNotFound() {
        github.files.remove("mojaloop/helm#mojaloop/chart.yaml#v17.2.0-rc.1");
        ReleaseContents contents = reader.read("mojaloop", config, release, github);
        assertTrue(!contents.read());
        assertTrue(github.calls.stream().noneMatch(c -> c.startsWith("compare ")));
        assertTrue(!contents.problems().isEmpty());
    }
}
