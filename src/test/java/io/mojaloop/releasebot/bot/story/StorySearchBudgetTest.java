package io.mojaloop.releasebot.bot.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.bot.checks.ExceptionGrants;
import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.ConfigLoader;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.github.Directory;
import io.mojaloop.releasebot.github.GitHub;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import io.mojaloop.releasebot.github.InMemoryGitHub;
import io.mojaloop.releasebot.github.model.FileContent;
import io.mojaloop.releasebot.github.model.Issue;
import io.mojaloop.releasebot.github.model.SearchResult;
import io.mojaloop.releasebot.github.model.User;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * GitHub allows 30 searches a minute: how many one rebuild of an organisation's stories spends (three releases
 * here), and that rebuilds close together share them.
 */
@QuarkusTest
class StorySearchBudgetTest {

    @Inject
    UpdateReleaseStory stories;

    InMemoryGitHub github = new InMemoryGitHub();
    String org = "org-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void install() {
        GitHubApiFactory factory = new GitHubApiFactory() {
            @Override
            public GitHub github(long installationId) {
                return github;
            }
        };
        QuarkusMock.installMockForType(factory, GitHubApiFactory.class);
        String yaml = """
                releases:
                  - version: v17.1.0
                    release-date: 2098-10-25
                    story: %1$s/project#50
                    repos: [central-ledger]
                  - version: v17.2.0
                    release-date: 2099-01-25
                    story: %1$s/project#51
                    repos: [central-ledger]
                  - version: v18.0.0
                    release-date: 2099-04-25
                    story: %1$s/project#52
                    repos: [central-ledger]
                gates:
                  - id: blocking-bugs
                    name: No blocking bugs
                    issue-query: 'org:%1$s is:issue is:open label:bug'
                """.formatted(org);
        String repository = org + "/.github";
        github.files.put((repository + "#release-bot.yml").toLowerCase(Locale.ROOT),
                new FileContent(repository, "release-bot.yml", yaml.length(), yaml, null));
        for (int n = 50; n <= 52; n++) {
            github.issues.put((org + "/project#" + n).toLowerCase(Locale.ROOT), new Issue(org + "/project", n, "Release",
                    "# Release\n", "open", false, List.of(), "https://github.test/" + org + "/project/issues/" + n,
                    new User("henry", false)));
        }
    }

    List<String> searches() {
        return github.calls.stream().filter(c -> c.startsWith("searchIssues")).toList();
    }

    @Test
    void oneRebuildOfThreeReleasesAsksEachSearchOnceAndOnlyForWhatTheReleasesCanHold() throws Exception {
        stories.refreshAll(1, org);
        // the bugs gate's query, one search for both kinds of exception, one for the release candidates
        assertThat(searches()).hasSize(3).doesNotHaveDuplicates();
        assertThat(searches()).filteredOn(q -> q.contains("label:\"release-candidate\"") || q.contains("-exception"))
                .hasSize(2).allSatisfy(q -> assertThat(q).containsPattern(" updated:>=\\d{4}-\\d{2}-\\d{2}$"));
        assertThat(searches()).anySatisfy(q -> assertThat(q).contains("is:pr label:\"review-exception\",\"freeze-exception\""));
    }

    @Test
    void rebuildsCloseTogetherShareTheirSearchesUntilAnEventMayChangeThem() throws Exception {
        stories.refreshAll(1, org);
        assertThat(searches()).hasSize(3);
        // a TTK report or a /gate comment: the stories are rebuilt, the searches' answers reused
        long reads = github.calls.stream().filter(c -> c.startsWith("issue ")).count();
        stories.requestAfterStoryComment(1, org);
        await().atMost(Duration.ofSeconds(10)).until(() -> github.calls.stream().filter(c -> c.startsWith("issue ")).count() >= reads + 3);
        stories.refreshAll(1, org);
        assertThat(searches()).hasSize(3);
        // a label changed (or an issue opened or closed, a config push): searched again
        stories.request(1, org);
        await().atMost(Duration.ofSeconds(10)).until(() -> searches().size() == 6);
        Thread.sleep(300);
        assertThat(searches()).hasSize(6);
    }

    @Test
    void aBurstOfReportsOnTheThreeStoriesIsOneRebuildWithOneSetOfSearches() throws Exception {
        // before: each TTK report rebuilt its story at once, inside the request, with 4 searches of its own (12 here)
        stories.request(1, org);
        for (int i = 0; i < 3; i++) {
            stories.requestAfterStoryComment(1, org);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> github.calls.stream().filter(c -> c.startsWith("issue ")).count() >= 3);
        Thread.sleep(500);
        assertThat(github.calls.stream().filter(c -> c.startsWith("issue ")).count()).isEqualTo(3);
        assertThat(searches()).hasSize(3);
    }

    @Test
    void anAnswerGitHubMarkedIncompleteIsNotKeptForTheNextRebuild() throws Exception {
        String bugs = "org:" + org + " is:issue is:open label:bug";
        github.searches.put(bugs, new SearchResult(5, true, List.of()));
        stories.refreshAll(1, org);
        stories.refreshAll(1, org);
        assertThat(searches()).filteredOn(q -> q.equals("searchIssues " + bugs)).hasSize(2);
        assertThat(searches()).hasSize(4);
    }

    static Issue labelled(String repository, int number, String state, Instant closedAt, Instant mergedAt, String... labels) {
        return new Issue(repository, number, "pr " + number, null, state, true, List.of(labels),
                "https://github.test/" + repository + "/pull/" + number, new User("eve", false), closedAt, mergedAt);
    }

    @Test
    void exceptionsAndCandidatesAreThoseOpenOrMergedSinceTheReleaseBegan() throws Exception {
        BotConfig config = ConfigLoader.parseOrg("release-bot.yml", """
                releases:
                  - version: v17.1.0
                    release-date: 2026-10-26
                    story: %1$s/project#50
                    repos: [central-ledger]
                  - version: v17.2.0
                    release-date: 2027-01-25
                    story: %1$s/project#51
                    repos: [central-ledger]
                """.formatted(org)).config();
        Release v17 = config.releases().get(1);
        String ledger = org + "/central-ledger";
        Instant began = Instant.parse("2026-10-26T00:00:00Z");
        List<Issue> found = List.of(
                labelled(ledger, 1, "open", null, null, "review-exception", "release-candidate"),
                labelled(ledger, 2, "closed", began.plusSeconds(60), began.plusSeconds(60), "freeze-exception", "release-candidate"),
                labelled(ledger, 3, "closed", began.minusSeconds(60), began.minusSeconds(60), "review-exception", "release-candidate"),
                labelled(ledger, 4, "closed", began.plusSeconds(60), null, "review-exception", "release-candidate"));
        List<String> asked = new ArrayList<>();
        StoryScope scope = new StoryScope(github, org, config, v17, org + "/project", 51, query -> {
            asked.add(query);
            return new SearchResult(found.size(), false, found);
        }, Instant.parse("2026-07-06T00:00:00Z"));
        ReadExceptions exceptions = new ReadExceptions();
        exceptions.grants = ExceptionGrants.using(Directory.of(Duration.ofMinutes(10), 100), io.mojaloop.releasebot.github.AppIdentity.of(42, "mojaloop-release-bot"));
        StoryEvidence evidence = new StoryEvidence();
        exceptions.read(scope, evidence);
        new ReadReleaseCandidates().read(scope, evidence);
        assertThat(evidence.exceptions).extracting(e -> e.kind() + " " + e.pullRequest().number()).containsExactly("review 1", "freeze 2");
        assertThat(evidence.candidates).extracting(c -> c.item().number()).containsExactly(1, 2);
        assertThat(asked).containsExactly(
                "org:" + org + " is:pr label:\"review-exception\",\"freeze-exception\" updated:>=2026-07-05",
                "org:" + org + " label:\"release-candidate\" updated:>=2026-07-05");
        // the comments of PRs that do not belong are not read
        assertThat(github.calls).filteredOn(c -> c.startsWith("comments ")).extracting(c -> c.split(" ")[2])
                .containsExactlyInAnyOrder("1", "2");
    }
}
