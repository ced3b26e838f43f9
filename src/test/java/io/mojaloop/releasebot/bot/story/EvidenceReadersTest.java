package io.mojaloop.releasebot.bot.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.bot.checks.ExceptionGrants;
import io.mojaloop.releasebot.bot.checks.PullRequestContext.Grant;
import io.mojaloop.releasebot.core.command.CommandReply;
import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.ConfigLoader;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.report.TtkRecord;
import io.mojaloop.releasebot.core.story.GateCommand;
import io.mojaloop.releasebot.core.story.SearchProblem;
import io.mojaloop.releasebot.github.GitHubApiException;
import io.mojaloop.releasebot.github.AppIdentity;
import io.mojaloop.releasebot.github.Directory;
import io.mojaloop.releasebot.github.InMemoryGitHub;
import io.mojaloop.releasebot.github.model.BranchProtection;
import io.mojaloop.releasebot.github.model.Comment;
import io.mojaloop.releasebot.github.model.FileContent;
import io.mojaloop.releasebot.github.model.GitHubRelease;
import io.mojaloop.releasebot.github.model.Issue;
import io.mojaloop.releasebot.github.model.Repository;
import io.mojaloop.releasebot.github.model.User;

/** Each evidence reader over an in-memory GitHub: what it reads, what it finds, what it ignores. */
class EvidenceReadersTest {

    static final String CONFIG = """
            release-candidates:
              approvers: [release-managers]
            reviews:
              exception-approvers: [design-authority]
            releases:
              - version: v17.2.0
                pi-kickoff: 2027-01-18
                release-date: 2027-01-25
                story: mojaloop/project#4300
                repos: [central-ledger, helm]
              - version: v17.3.0
                release-date: 2027-04-25
                story: mojaloop/project#4400
                repos: [central-ledger, helm]
            gates:
              - id: golden-path-dev
                name: TTK Golden Path on dev
                ttk-suite: GP Tests
              - id: blocking-bugs
                name: No bugs
                issue-query: 'org:mojaloop is:issue is:open label:bug'
              - id: repo-standards
                name: Standards
              - id: release-notes
                name: Notes
            """;

    InMemoryGitHub github = new InMemoryGitHub();
    BotConfig config = ConfigLoader.parseOrg("release-bot.yml", CONFIG).config();
    Release release = config.releases().get(0);
    Directory directory = Directory.of(Duration.ofMinutes(10), 100);
    AppIdentity identity = AppIdentity.of(42, "mojaloop-release-bot");
    Map<String, io.mojaloop.releasebot.github.model.SearchResult> searches = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() {
        github.team("mojaloop", "release-managers", "henry");
        github.team("mojaloop", "design-authority", "grace");
    }

    StoryScope scope() {
        return new StoryScope(github, "mojaloop", config, release, "mojaloop/project", 4300, searches);
    }

    static Comment comment(long id, String login, String body, Long viaApp) {
        Instant at = Instant.parse("2027-01-03T10:00:00Z").plusSeconds(id);
        return new Comment(id, new User(login, login.endsWith("[bot]")), body, at, at, "https://github.test/c/" + id, viaApp);
    }

    static Issue issue(String repo, int number, boolean pr, String... labels) {
        return new Issue(repo, number, "title " + number, null, "open", pr, List.of(labels),
                "https://github.test/" + repo + "/issues/" + number, new User("someone", false));
    }

    @Test
    void gateCommandsCountOnlyFromReleaseManagersForKnownGates() throws Exception {
        github.comments("mojaloop/project", 4300,
                comment(1, "henry", "/gate golden-path-dev pass https://ci.example/1 all green", null),
                comment(2, "mallory", "/gate golden-path-dev pass", null),
                comment(3, "henry", "/gate no-such-gate pass", null),
                comment(4, "mojaloop-release-bot[bot]", "/gate golden-path-dev fail", 42L),
                comment(5, "henry", "just talking about /gate", null));
        ReadGateCommands reader = new ReadGateCommands();
        reader.directory = directory;
        reader.identity = identity;
        StoryEvidence evidence = new StoryEvidence();
        reader.read(scope(), evidence);
        assertThat(evidence.gateCommands).singleElement().satisfies(g -> {
            assertThat(g.gateId()).isEqualTo("golden-path-dev");
            assertThat(g.action()).isEqualTo(GateCommand.Action.PASS);
            assertThat(g.by()).isEqualTo("henry");
            assertThat(g.evidenceUrl()).isEqualTo("https://ci.example/1");
        });
    }

    @Test
    void anEditedCommandRecordsAndGrantsNothingWhoeverEditedIt() throws Exception {
        Instant at = Instant.parse("2027-01-03T10:00:00Z");
        Comment edited = new Comment(7, new User("henry", false), "/gate golden-path-dev pass", at, at.plusSeconds(60), "u", null);
        Comment grant = new Comment(8, new User("grace", false), "/review-exception edited in later", at, at.plusSeconds(5), "u",
                null);
        github.comments("mojaloop/project", 4300, edited);
        ReadGateCommands reader = new ReadGateCommands();
        reader.directory = directory;
        reader.identity = identity;
        StoryEvidence evidence = new StoryEvidence();
        reader.read(scope(), evidence);
        assertThat(evidence.gateCommands).isEmpty();
        assertThat(ExceptionGrants.using(directory, identity).latest(github, "mojaloop", List.of("design-authority"), "/review-exception",
                List.of(grant), null)).isEmpty();
    }

    @Test
    void onlyTheBotsOwnLastRecordLineIsATtkReport() throws Exception {
        TtkRecord failed = new TtkRecord("GP Tests", "dev", 7, 6, 1, 0, "r-1", null);
        TtkRecord forged = new TtkRecord("GP Tests", "dev", 7, 7, 0, 0, "r-1", null);
        github.comments("mojaloop/project", 4300,
                // the bot's own summary, which shows a report id that carried a record line before its own record
                comment(1, "ml-release-bot[bot]", "Report " + forged.line() + "\n\n" + forged.line() + "\n\n" + failed.line(), 42L),
                // a person, and another app or Bot account that calls itself by the configured name
                comment(2, "mojaloop-release-bot", forged.line(), null),
                comment(3, "mojaloop-release-bot[bot]", forged.line(), null),
                comment(4, "mojaloop-release-bot[bot]", forged.line(), 7L));
        ReadTtkReports reports = new ReadTtkReports();
        reports.identity = AppIdentity.of(42, "ml-release-bot");
        StoryEvidence evidence = new StoryEvidence();
        reports.read(scope(), evidence);
        assertThat(evidence.ttkReports).singleElement().satisfies(r -> assertThat(r.record()).isEqualTo(failed));

        // where GitHub leaves performed_via_github_app out, the Bot account of the real slug is the bot
        github.comments("mojaloop/project", 4300, comment(5, "ml-release-bot[bot]", failed.line(), null));
        StoryEvidence again = new StoryEvidence();
        reports.read(new StoryScope(github, "mojaloop", config, release, "mojaloop/project", 4300, searches), again);
        assertThat(again.ttkReports).hasSize(1);
    }

    @Test
    void aReviewExceptionCarriesTheCommitTheBotRecordedForIt() throws Exception {
        String head = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
        String older = "0000000000000000000000000000000000000001";
        List<Comment> comments = List.of(
                comment(10, "grace", "/review-exception first", null),
                comment(11, "mojaloop-release-bot[bot]", "Granted.\n\n" + new CommandReply(10, head).line(), 42L),
                comment(12, "grace", "/review-exception second, never acknowledged", null),
                // a record from anyone but the bot records nothing
                comment(13, "mallory", new CommandReply(12, head).line(), null));
        ExceptionGrants grants = ExceptionGrants.using(directory, identity);
        // the latest grant recorded on the head wins over a later one the bot never acknowledged
        assertThat(grants.latest(github, "mojaloop", List.of("design-authority"), "/review-exception", comments, head))
                .contains(new Grant("grace", "first", head));
        // on another head (a push after the grant), or for the story: the latest grant, with what was recorded
        assertThat(grants.latest(github, "mojaloop", List.of("design-authority"), "/review-exception", comments, older))
                .contains(new Grant("grace", "second, never acknowledged", null));
        assertThat(grants.latest(github, "mojaloop", List.of("design-authority"), "/review-exception", comments, null))
                .contains(new Grant("grace", "second, never acknowledged", null));
    }

    @Test
    void storyCommentsAreReadOnceForAllReaders() throws Exception {
        github.comments("mojaloop/project", 4300, comment(1, "henry", "hello", null));
        ReadGateCommands gates = new ReadGateCommands();
        gates.directory = directory;
        gates.identity = identity;
        ReadTtkReports reports = new ReadTtkReports();
        reports.identity = identity;
        StoryScope scope = scope();
        gates.read(scope, new StoryEvidence());
        reports.read(scope, new StoryEvidence());
        assertThat(github.count("comments", "mojaloop/project", 4300)).isEqualTo(1);
    }

    @Test
    void candidatesOfAnotherReleaseAreLeftOutAndSearchesAreSharedAcrossStories() throws Exception {
        String query = "org:mojaloop label:\"release-candidate\"";
        github.search(query, issue("mojaloop/helm", 612, true, "release-candidate", "rc: v17.2.0-rc.1"),
                issue("mojaloop/helm", 700, true, "release-candidate", "rc: v17.3.0-rc.1"),
                issue("mojaloop/project", 9, false, "release-candidate"));
        StoryEvidence evidence = new StoryEvidence();
        new ReadReleaseCandidates().read(scope(), evidence);
        assertThat(evidence.candidates).extracting(c -> c.item().number()).containsExactly(612, 9);
        new ReadReleaseCandidates().read(new StoryScope(github, "mojaloop", config, config.releases().get(1), "mojaloop/project",
                4400, searches), new StoryEvidence());
        assertThat(github.count("searchIssues", query)).isEqualTo(1);
    }

    @Test
    void exceptionsNameWhoGrantedThemOrSayNobodyAuthorisedDid() throws Exception {
        github.search("org:mojaloop is:pr label:\"review-exception\",\"freeze-exception\"", issue("mojaloop/central-ledger", 5, true, "review-exception"),
                issue("mojaloop/other-repo", 6, true, "review-exception"), issue("mojaloop/helm", 7, true, "review-exception"));
        github.comments("mojaloop/central-ledger", 5, comment(1, "grace", "/review-exception docs only", null));
        github.comments("mojaloop/helm", 7, comment(2, "mallory", "/review-exception trust me", null));
        ReadExceptions reader = new ReadExceptions();
        reader.grants = ExceptionGrants.using(directory, identity);
        StoryEvidence evidence = new StoryEvidence();
        reader.read(scope(), evidence);
        assertThat(evidence.exceptions).extracting(e -> e.pullRequest().number() + " " + e.grantedBy() + " " + e.reason())
                .containsExactly("5 grace docs only", "7 null null");
    }

    @Test
    void blockingBugsComeFromEachGatesQuery() throws Exception {
        github.search("org:mojaloop is:issue is:open label:bug", issue("mojaloop/central-ledger", 1201, false, "bug"));
        StoryEvidence evidence = new StoryEvidence();
        new ReadBlockingBugs().read(scope(), evidence);
        assertThat(evidence.bugsByGate).containsOnlyKeys("blocking-bugs");
        assertThat(evidence.bugsByGate.get("blocking-bugs")).extracting(i -> i.ref()).containsExactly("central-ledger#1201");
    }

    static Issue bug(int number, String body) {
        return new Issue("mojaloop/project", number, "bug " + number, body, "open", false, List.of("bug"),
                "https://github.test/mojaloop/project/issues/" + number, new User("someone", false));
    }

    @Test
    void aPriorityFromBodyGateReadsEachFoundIssuesBodyFromTheSearchAnswer() throws Exception {
        BotConfig bodies = ConfigLoader.parseOrg("release-bot.yml", CONFIG.replace(
                "issue-query: 'org:mojaloop is:issue is:open label:bug'",
                "issue-query: 'org:mojaloop is:issue is:open label:bug'\n    priority-from: body\n    priorities: [high, medium]"))
                .config();
        github.search("org:mojaloop is:issue is:open label:bug", bug(1, "**Priority**: High"), bug(2, "**Priority**: Low"),
                bug(3, "no template"));
        StoryEvidence evidence = new StoryEvidence();
        new ReadBlockingBugs().read(new StoryScope(github, "mojaloop", bodies, release, "mojaloop/project", 4300, searches), evidence);
        assertThat(evidence.bugsByGate.get("blocking-bugs")).extracting(i -> i.number() + " " + i.triage().decision() + " " + i.blocks())
                .containsExactly("1 MATCHES true", "2 OUTSIDE false", "3 UNKNOWN true");
        assertThat(github.count("issue", "mojaloop/project", 1)).as("the body comes with the search answer").isZero();
        assertThat(evidence.searchProblems).isEmpty();

        // without priority-from, the query alone decides: no triage
        StoryEvidence labels = new StoryEvidence();
        new ReadBlockingBugs().read(scope(), labels);
        assertThat(labels.bugsByGate.get("blocking-bugs")).allSatisfy(i -> assertThat(i.triage()).isNull());
    }

    @Test
    void anIncompleteOrFailedSearchIsRecordedNotTakenAsNothingFound() throws Exception {
        String bugs = "org:mojaloop is:issue is:open label:bug";
        github.incompleteSearch(bugs, 40);
        StoryEvidence incomplete = new StoryEvidence();
        new ReadBlockingBugs().read(scope(), incomplete);
        assertThat(incomplete.searchProblems).containsEntry("blocking-bugs", SearchProblem.incomplete());
        assertThat(incomplete.bugsByGate.get("blocking-bugs")).isEmpty();
        assertThat(incomplete.worthRebuilding()).isTrue();

        for (var failure : List.of(
                Map.entry(new GitHubApiException("GET", "/search/issues", 502, "Server Error"), new SearchProblem(SearchProblem.Kind.FAILED, 502)),
                Map.entry(new GitHubApiException("GET", "/search/issues", 403, "secondary rate limit"), new SearchProblem(SearchProblem.Kind.RATE_LIMITED, 403)),
                Map.entry(new GitHubApiException("GET", "/search/issues", 422, "Validation Failed"), new SearchProblem(SearchProblem.Kind.INVALID, 422)),
                Map.entry(new IOException("GET /search/issues timed out after PT10S", new HttpTimeoutException("timed out")),
                        new SearchProblem(SearchProblem.Kind.TIMED_OUT, 0)),
                Map.entry(new IOException("GET /search/issues could not connect"), new SearchProblem(SearchProblem.Kind.FAILED, 0)))) {
            searches.clear();
            github.failingSearch(bugs, failure.getKey());
            StoryEvidence failed = new StoryEvidence();
            new ReadBlockingBugs().read(scope(), failed);
            assertThat(failed.searchProblems).as(failure.getKey().getMessage()).containsExactly(Map.entry("blocking-bugs", failure.getValue()));
            assertThat(failed.bugsByGate).doesNotContainKey("blocking-bugs");
            assertThat(failed.worthRebuilding()).isEqualTo(failure.getValue().kind() != SearchProblem.Kind.INVALID);
        }

        // shutting down is not a failed search
        searches.clear();
        github.failingSearch(bugs, new InterruptedIOException("interrupted"));
        assertThatThrownBy(() -> new ReadBlockingBugs().read(scope(), new StoryEvidence())).isInstanceOf(InterruptedIOException.class);
    }

    @Test
    void candidateAndExceptionSearchesThatFailOrAreIncompleteAreSaidNotShownAsNone() throws Exception {
        // one search serves both exception labels
        String exceptionsQuery = "org:mojaloop is:pr label:\"review-exception\",\"freeze-exception\"";
        github.failingSearch("org:mojaloop label:\"release-candidate\"", new GitHubApiException("GET", "/search/issues", 503, ""));
        github.incompleteSearch(exceptionsQuery, 3, issue("mojaloop/central-ledger", 5, true, "review-exception"));
        StoryEvidence evidence = new StoryEvidence();
        new ReadReleaseCandidates().read(scope(), evidence);
        ReadExceptions exceptions = new ReadExceptions();
        exceptions.grants = ExceptionGrants.using(directory, identity);
        exceptions.read(scope(), evidence);
        assertThat(evidence.candidatesProblem).isEqualTo(new SearchProblem(SearchProblem.Kind.FAILED, 503));
        assertThat(evidence.exceptionsProblem).isEqualTo(SearchProblem.incomplete());
        assertThat(evidence.exceptions).extracting(e -> e.pullRequest().number()).containsExactly(5);

        searches.clear();
        github.failingSearch(exceptionsQuery, new GitHubApiException("GET", "/search/issues", 502, ""));
        StoryEvidence failed = new StoryEvidence();
        exceptions.read(scope(), failed);
        assertThat(failed.exceptionsProblem).isEqualTo(new SearchProblem(SearchProblem.Kind.FAILED, 502));
        assertThat(failed.exceptions).isEmpty();
        assertThat(evidence.worthRebuilding()).isTrue();

        StoryEvidence fine = new StoryEvidence();
        searches.clear();
        github.searchFailures.clear();
        new ReadReleaseCandidates().read(scope(), fine);
        assertThat(fine.candidatesProblem).isNull();
        assertThat(fine.worthRebuilding()).isFalse();
    }

    @Test
    void applicationVersionsTakeTheNewestPublishedReleaseAndEveryHelmRelease() throws Exception {
        github.releases.put("mojaloop/central-ledger", List.of(
                new GitHubRelease("mojaloop/central-ledger", "v17.8.0", false, false, Instant.parse("2026-11-01T00:00:00Z"), "u1", ""),
                new GitHubRelease("mojaloop/central-ledger", "v17.8.1", false, false, Instant.parse("2026-12-01T00:00:00Z"), "u2", ""),
                new GitHubRelease("mojaloop/central-ledger", "v17.9.0", true, false, null, "u3", "")));
        github.releases.put("mojaloop/helm", List.of(
                new GitHubRelease("mojaloop/helm", "v17.2.0-rc.1", false, true, Instant.parse("2027-01-02T00:00:00Z"), "h1", "")));
        StoryEvidence evidence = new StoryEvidence();
        new ReadApplicationVersions().read(scope(), evidence);
        assertThat(evidence.versions).extracting(v -> v.name() + " " + v.tag()).containsExactly("central-ledger v17.8.1",
                "helm v17.2.0-rc.1");
        assertThat(evidence.helmReleases).extracting(v -> v.tag()).containsExactly("v17.2.0-rc.1");
    }

    @Test
    void releaseNotesAreFoundInTheHelmFileThenInAReleaseBody() throws Exception {
        StoryEvidence none = new StoryEvidence();
        new ReadReleaseNotes().read(scope(), none);
        assertThat(none.notes.found()).isFalse();

        github.releases.put("mojaloop/helm", List.of(new GitHubRelease("mojaloop/helm", "v17.2.0", true, false, null,
                "https://github.test/helm/releases/v17.2.0", "## Notes")));
        StoryEvidence inRelease = new StoryEvidence();
        new ReadReleaseNotes().read(scope(), inRelease);
        assertThat(inRelease.notes.url()).isEqualTo("https://github.test/helm/releases/v17.2.0");

        github.files.put("mojaloop/helm#.changelog/release-v17.2.0.md", new FileContent("mojaloop/helm",
                ".changelog/release-v17.2.0.md", 120, "# v17.2.0", "https://github.test/helm/blob/main/.changelog/release-v17.2.0.md"));
        StoryEvidence inFile = new StoryEvidence();
        new ReadReleaseNotes().read(scope(), inFile);
        assertThat(inFile.notes.url()).endsWith(".changelog/release-v17.2.0.md");
    }

    @Test
    void repoStandardsAreReadPerRepositoryAndUnknownWithoutAdministrationRead() throws Exception {
        github.repositories.put("mojaloop/central-ledger", new Repository("mojaloop/central-ledger", "main", false, false));
        github.repositories.put("mojaloop/helm", new Repository("mojaloop/helm", "master", false, false));
        github.files.put("mojaloop/central-ledger#.github/codeowners", new FileContent("mojaloop/central-ledger", ".github/CODEOWNERS",
                10, "* @a", null));
        github.licensed.add("mojaloop/central-ledger");
        github.protections.put("mojaloop/central-ledger#main", new BranchProtection(BranchProtection.Kind.PROTECTED,
                Set.of("review-rules")));
        github.protections.put("mojaloop/helm#master", new BranchProtection(BranchProtection.Kind.UNKNOWN, Set.of()));
        ReadRepoStandards reader = new ReadRepoStandards() {
            @Override
            List<String> requiredChecks() {
                return List.of("release-freeze", "review-rules");
            }
        };
        StoryEvidence evidence = new StoryEvidence();
        reader.read(scope(), evidence);
        assertThat(evidence.standards).hasSize(2);
        assertThat(evidence.standards.get(0)).satisfies(s -> {
            assertThat(s.codeowners()).isTrue();
            assertThat(s.license()).isTrue();
            assertThat(s.protection()).isTrue();
            assertThat(s.missingChecks()).containsExactly("release-freeze");
        });
        assertThat(evidence.standards.get(1)).satisfies(s -> {
            assertThat(s.codeowners()).isFalse();
            assertThat(s.unknown()).isTrue();
        });
    }
}
