package io.mojaloop.releasebot.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.sandbox.SimulatedGitHub;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Answer;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Decision;
import io.mojaloop.releasebot.sandbox.SimulatedGitHubServer.Interceptor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A release's contents from the outside: the packaged app against the simulated GitHub, seeded with an umbrella
 * chart (the real chart's shape, {@code src/test/resources/contents/}) at a previous full release and at the
 * candidate, component repositories with tagged commit histories, and merged PRs with and without the bot's passing
 * {@code review-rules} run. Asserts the {@code /contents} JSON, the {@code /notes} draft, the story's contents and
 * audit sections (as GitHub holds the issue body after a rebuild), the release-notes gate, and each bad input as a
 * problem line rather than a failed rebuild.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = FakeGitHub.class, restrictToAnnotatedClass = true)
@TestProfile(ContentsIT.FreshDashboardReads.class)
class ContentsIT {

    /** Each test has an organisation of its own: the dashboard's reading (and so the endpoints') is kept only briefly. */
    public static class FreshDashboardReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("release-bot.dashboard.cache-ttl", "100ms", "release-bot.public-url", "https://release-bot.example");
        }
    }

    static final String START = "<!-- release-bot:start -->";
    static final String END = "<!-- release-bot:end -->";
    static final Instant BEFORE_FREEZE = Instant.parse("2026-11-20T10:00:00Z");
    /** In the feature freeze of v17.2.0 (from 7 Dec 2026, PI kick-off 18 Jan 2027 - 6 weeks). */
    static final Instant IN_FEATURE_FREEZE = Instant.parse("2026-12-10T10:00:00Z");

    FakeGitHub github;
    SimulatedGitHub state;
    String org;
    String helm;
    String project;
    long commentIds = 9000;
    Interceptor interceptor;

    @BeforeEach
    void setUp() {
        github.reset();
        state = github.state();
        org = "ct-" + UUID.randomUUID().toString().substring(0, 8);
        helm = org + "/helm";
        project = org + "/project";
        github.installedOn(org);
        // the dashboard's rule: a public umbrella, and only public components' changes
        List<String> repos = new java.util.ArrayList<>();
        for (String repo : List.of(".github", "helm", "project", "ml-api-adapter", "central-ledger", "account-lookup-service",
                "quoting-service", "central-settlement", "sdk-scheme-adapter", "auth-service", "bulk-api-adapter")) {
            repos.add(org + "/" + repo);
        }
        github.installationRepositories(repos.toArray(String[]::new));
    }

    @AfterEach
    void tearDown() {
        if (interceptor != null) {
            github.server().removeInterceptor(interceptor);
        }
    }

    static String resource(String name) {
        try (InputStream in = ContentsIT.class.getResourceAsStream("/contents/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void config(String releases) {
        github.orgConfig(org, """
                freeze:
                  feature-freeze-weeks-before-pi-kickoff: 6
                  bugfix-freeze-weeks-before-release: 4
                  branches: [main]
                  feature-types: [feat]
                contents:
                  components:
                    centralledger: central-ledger
                    centralsettlement: central-settlement
                    mojaloop-bulk: bulk-api-adapter
                releases:
                %s
                gates:
                  - id: release-notes
                    name: Release notes
                """.formatted(releases.indent(2).stripTrailing()));
    }

    private static String release(String version, int story, String org, String more) {
        return """
                - version: %s
                  pi-kickoff: 2027-01-18
                  release-date: 2027-01-25
                  timezone: UTC
                  story: %s/project#%d
                  repos: [central-ledger, ml-api-adapter, account-lookup-service, quoting-service, helm]
                """.formatted(version, org, story) + more;
    }

    /** The umbrella: v17.1.0 a full release with the previous chart, v17.2.0-rc.1 a pre-release with the candidate. */
    private void umbrella(String candidateChart) {
        state.tag(helm, "v17.1.0");
        state.fileAtTag(helm, "v17.1.0", "mojaloop/Chart.yaml", resource("previous-Chart.yaml"));
        state.tagCommits(helm, "v17.2.0-rc.1", "chore(release): v17.2.0-rc.1");
        state.fileAtTag(helm, "v17.2.0-rc.1", "mojaloop/Chart.yaml", candidateChart);
        github.releases(helm, new String[] { "v17.2.0-rc.1", "true", "2027-01-05T10:00:00Z" },
                new String[] { "v17.1.0", "false", "2026-10-01T10:00:00Z" });
    }

    /** A head commit of a PR (not on the base branch: squash-merged, GitHub made a new commit there). */
    static String head(String repository, int number) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest((repository + "#" + number).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PR squash-merged as {@code mergeCommit}, with the bot's {@code review-rules} run on its head (null: none). */
    private void merged(String repo, int number, String title, String mergeCommit, String mergedBy, Instant at, String reviewRules,
            String... labels) {
        String repository = org + "/" + repo;
        state.mergedPullRequest(repository, number, "eve", title, head(repository, number), mergeCommit, mergedBy, at, labels);
        if (reviewRules != null) {
            state.botCheckRun(repository, head(repository, number), "review-rules", reviewRules);
        }
    }

    /** The component histories the candidate's chart moved, every compare answerable. */
    private void components() {
        String mla = org + "/ml-api-adapter";
        state.tagCommits(mla, "v16.4.1", "chore(release): 16.4.1");
        List<String> m = state.tagCommits(mla, "v16.5.6",
                "fix(mojaloop/#3529): notification handler keeps the callback headers (#512)",
                "fix: handle <script>alert(1)</script> @everyone in [link](javascript:alert(1))",
                "chore(release): 16.5.6 [skip ci]");
        merged("ml-api-adapter", 512, "fix(mojaloop/#3529): notification handler keeps the callback headers", m.get(0), "carol",
                BEFORE_FREEZE, "success");
        // a title without (#N): the PR is the one GitHub associates with the commit
        merged("ml-api-adapter", 517, "fix: handle callbacks", m.get(1), "carol", BEFORE_FREEZE, "success");

        String cl = org + "/central-ledger";
        state.tagCommits(cl, "v19.3.0", "chore(release): 19.3.0");
        List<String> c = state.tagCommits(cl, "v19.7.4",
                "feat(mojaloop/#3122): timeout handler distributed lock (#1172)",
                "fix(mojaloop/3058): broker reports OK when kafka is disconnected (#1173)",
                "feat(mojaloop/#3130)!: settlement models move to the admin API (#1180)",
                "fix: misleading log (#1183)",
                "chore(release): 19.7.4 [skip ci]");
        merged("central-ledger", 1172, "feat(mojaloop/#3122): timeout handler distributed lock", c.get(0), "alice", BEFORE_FREEZE, "success");
        merged("central-ledger", 1173, "fix(mojaloop/3058): broker reports OK", c.get(1), "alice", BEFORE_FREEZE, "success");
        // merged by an admin although review-rules failed
        merged("central-ledger", 1180, "feat(mojaloop/#3130)!: settlement models move to the admin API", c.get(2), "alice",
                BEFORE_FREEZE, "failure");
        merged("central-ledger", 1183, "fix: misleading log", c.get(3), "bob", BEFORE_FREEZE, "success");

        String als = org + "/account-lookup-service";
        state.tagCommits(als, "v17.7.1", "chore(release): 17.7.1");
        List<String> a = state.tagCommits(als, "v17.12.0",
                "feat(mojaloop/#541): reset party mappings in inter-scheme scenario (#541)",
                "fix(mojaloop/#547): delete participant audit (#547)");
        merged("account-lookup-service", 541, "feat(mojaloop/#541): reset party mappings", a.get(0), "erin", BEFORE_FREEZE, "success");
        // passed only by a Design Authority exception
        merged("account-lookup-service", 547, "fix(mojaloop/#547): delete participant audit", a.get(1), "erin", BEFORE_FREEZE,
                "success", "review-exception");

        String qs = org + "/quoting-service";
        state.tagCommits(qs, "v16.9.0", "chore(release): 16.9.0");
        List<String> q = state.tagCommits(qs, "v17.12.0",
                "feat(mojaloop/#409, mojaloop/#410): use updated AxiosHttpRequester (#409)",
                "fix: retry quotes (#412)");
        // merged while the feature freeze blocked it, without an exception
        merged("quoting-service", 409, "feat(mojaloop/#409, mojaloop/#410): use updated AxiosHttpRequester", q.get(0), "dave",
                IN_FEATURE_FREEZE, "success");
        // another app's review-rules run does not count as the bot's
        merged("quoting-service", 412, "fix: retry quotes", q.get(1), "dave", BEFORE_FREEZE, null);
        state.checkRunByApp(qs, head(qs, 412), "review-rules", 99, "someone-else", "success");

        // not one of the release's repos: listed in the contents, not audited
        String cs = org + "/central-settlement";
        state.tagCommits(cs, "v17.0.6", "chore(release): 17.0.6");
        List<String> s = state.tagCommits(cs, "v17.2.0", "feat: settlement by currency (#300)");
        merged("central-settlement", 300, "feat: settlement by currency", s.get(0), "frank", BEFORE_FREEZE, null);

        String sdk = org + "/sdk-scheme-adapter";
        state.tagCommits(sdk, "v24.6.3-snapshot.2", "chore(release): 24.6.3-snapshot.2");
        state.tagCommits(sdk, "v24.6.3", "chore(release): 24.6.3 [skip ci]");

        String auth = org + "/auth-service";
        state.tagCommits(auth, "v15.2.4", "chore(release): 15.2.4");
        state.tagCommits(auth, "v15.2.5", "fix: token expiry (#88)");
    }

    private long onStory(int number, String body) {
        long id = ++commentIds;
        github.comment(project, number, id, "mallory", body);
        Webhooks.send("issue_comment", Webhooks.comment(project, number, false, id, "mallory", body)).then().statusCode(200);
        return id;
    }

    /** Asks for the release status on the story and waits for the block to hold {@code text}. */
    private String rebuild(int story, String text) {
        onStory(story, "/release-status");
        return await().atMost(Duration.ofSeconds(30)).until(() -> block(github.issueBody(project, story)),
                b -> b != null && b.contains(text));
    }

    static String block(String body) {
        if (body == null || !body.contains(START)) {
            return null;
        }
        return body.substring(body.indexOf(START), body.indexOf(END) + END.length());
    }

    private JsonPath contents(String version) {
        return given().get("/api/v1/releases/" + version + "/contents").then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
    }

    private List<String> compares() {
        return github.requestsSince().stream().filter(e -> e.method().equals("GET") && e.path().contains("/compare/"))
                .map(e -> e.path()).toList();
    }

    @Test
    void theContentsNotesStoryAuditAndNotesGateOfASeededUmbrella() {
        config(release("v17.2.0", 4300, org, ""));
        github.issue(project, 4300, "Release v17.2.0", "# Release v17.2.0\n\nPeople's checklist.\n");
        umbrella(resource("umbrella-Chart.yaml"));
        components();
        // the notes exist but miss quoting-service's new version
        String notes = """
                # Helm Release Notes: v17.2.0
                ## 3. Application Versions
                1. ml-api-adapter: v16.4.1 -> v16.5.6
                2. central-ledger: v19.3.0 -> [v19.7.4](https://github.com/mojaloop/central-ledger/releases/tag/v19.7.4)
                3. account-lookup-service: v17.7.1 -> v17.12.0
                4. quoting-service: v16.9.0 -> v17.11.0
                5. central-settlement: v17.0.6 -> v17.2.0
                6. sdk-scheme-adapter: v24.6.3
                7. auth-service: v15.2.5
                8. ml-testing-toolkit-ui: v16.2.0
                """;
        github.file(helm, ".changelog/release-v17.2.0.md", notes);

        String block = rebuild(4300, "### Audit");

        // the contents section: the changed components with their versions and counts
        assertThat(block).contains("### Contents").contains("8 of 21 components changed since [v17.1.0](https://github.com/" + helm
                + "/releases/tag/v17.1.0), read at the candidate tag [v17.2.0-rc.1](https://github.com/" + helm
                + "/releases/tag/v17.2.0-rc.1). New features: 4; bug fixes: 7; breaking changes: **1** ⚠️; removed components: 1.")
                .contains("| ml-api-adapter | v16.4.1 | v16.5.6 | minor | 0 | 2 | 0 |")
                .contains("| central-ledger | v19.3.0 | v19.7.4 | minor | 1 | 2 | **1** ⚠️ |")
                .contains("| account-lookup-service | v17.7.1 | v17.12.0 | minor | 1 | 1 | 0 |")
                .contains("| quoting-service | v16.9.0 | v17.12.0 | major | 1 | 1 | 0 |")
                .contains("| central-settlement | v17.0.6 | v17.2.0 | minor | 1 | 0 | 0 |")
                .contains("| sdk-scheme-adapter | v24.6.3-snapshot.2 | v24.6.3 | patch | 0 | 0 | 0 |")
                .contains("| ml-testing-toolkit-ui | - | v16.2.0 | added | - | - | - |")
                .contains("The full draft release notes: [v17.2.0 notes](https://release-bot.example/api/v1/releases/v17.2.0/notes).")
                .doesNotContain("Not complete:");
        // the audit section: who merged what without meeting the rules
        String audit = block.substring(block.indexOf("### Audit"));
        assertThat(audit).contains("Merged without meeting the review rule: 2; passed only by a review exception: **1** ⚠️; "
                + "merged during a freeze without an exception: 1.")
                .contains("| [central-ledger\\#1180](https://github.com/" + org + "/central-ledger/pull/1180) feat\\(mojaloop/\\#3130\\)\\!: "
                        + "settlement models move to the admin API | alice | Merged without meeting the review rule (`review-rules` was "
                        + "`failure` on `" + head(org + "/central-ledger", 1180).substring(0, 7) + "`) |")
                .contains("| [account-lookup-service\\#547](https://github.com/" + org + "/account-lookup-service/pull/547) "
                        + "fix\\(mojaloop/\\#547\\): delete participant audit | erin | ⚠️ **Passed only by a review exception** |")
                .contains("| [quoting-service\\#409](https://github.com/" + org + "/quoting-service/pull/409) feat\\(mojaloop/\\#409, "
                        + "mojaloop/\\#410\\): use updated AxiosHttpRequester | dave | Merged during a freeze (feature freeze) without a "
                        + "freeze exception |")
                .contains("| [quoting-service\\#412](https://github.com/" + org + "/quoting-service/pull/412) fix: retry quotes | dave | "
                        + "Merged without meeting the review rule (no `review-rules` result from the bot on `"
                        + head(org + "/quoting-service", 412).substring(0, 7) + "`) |")
                .doesNotContain("\\#1172").doesNotContain("\\#512").doesNotContain("central-settlement\\#300");
        // the release-notes gate: the notes miss quoting-service at its new version
        assertThat(block).contains("| Release notes (`release-notes`) | ❌ failed |")
                .contains("they do not name quoting-service at v17.12.0 (named, at another version)")
                .doesNotContain("central-ledger at v19.7.4");
        assertThat(github.issueBody(project, 4300)).startsWith("# Release v17.2.0\n\nPeople's checklist.\n");

        // the JSON contents
        JsonPath json = contents("v17.2.0");
        assertThat(json.getString("version")).isEqualTo("v17.2.0");
        assertThat(json.getMap("chart")).containsEntry("repository", "helm").containsEntry("path", "mojaloop/Chart.yaml")
                .containsEntry("ref", "v17.2.0-rc.1").containsEntry("source", "candidate").containsEntry("read", true);
        assertThat(json.getMap("previous")).containsEntry("ref", "v17.1.0").containsEntry("source", "previous-highest")
                .containsEntry("read", true);
        assertThat(json.getList("components")).hasSize(21);
        assertThat(json.getList("problems")).isEmpty();
        String ledger = "components.find { it.name == 'central-ledger' }";
        assertThat(json.getString(ledger + ".repository")).isEqualTo("central-ledger");
        assertThat(json.getString(ledger + ".change")).isEqualTo("minor");
        assertThat(json.getString(ledger + ".compare")).isEqualTo("complete");
        assertThat(json.getInt(ledger + ".commits")).isEqualTo(5);
        assertThat(json.getList(ledger + ".features.pr")).containsExactly(1172);
        assertThat(json.getList(ledger + ".features[0].issues")).containsExactly("mojaloop/project#3122");
        assertThat(json.getList(ledger + ".fixes.pr")).containsExactly(1173, 1183);
        assertThat(json.getList(ledger + ".fixes[0].issues")).containsExactly("mojaloop/project#3058");
        assertThat(json.getString(ledger + ".breaking[0].title")).isEqualTo("feat(mojaloop/#3130)!: settlement models move to the admin API (#1180)");
        assertThat(json.getList(ledger + ".breaking.pr")).containsExactly(1180);
        assertThat(json.getList(ledger + ".other.title")).containsExactly("chore(release): 19.7.4 [skip ci]");
        assertThat(json.getString(ledger + ".other[0].pr")).isNull();
        String mla = "components.find { it.name == 'ml-api-adapter' }";
        // the title names no PR: GitHub's commits/{sha}/pulls does
        assertThat(json.getList(mla + ".fixes.pr")).containsExactly(512, 517);
        assertThat(json.getString(mla + ".fixes[1].sha")).isEqualTo(state.pullRequest(org + "/ml-api-adapter", 517)
                .path("merge_commit_sha").asText());
        assertThat(json.getList("components.find { it.name == 'quoting-service' }.features[0].issues"))
                .containsExactly("mojaloop/project#409", "mojaloop/project#410");
        assertThat(json.getString("components.find { it.name == 'quoting-service' }.change")).isEqualTo("major");
        assertThat(json.getString("components.find { it.name == 'sdk-scheme-adapter' }.change")).isEqualTo("patch");
        assertThat(json.getString("components.find { it.name == 'ml-testing-toolkit-ui' }.change")).isEqualTo("added");
        assertThat(json.getString("components.find { it.name == 'ml-testing-toolkit-ui' }.compare")).isEqualTo("none");
        assertThat(json.getString("components.find { it.name == 'central-event-processor' }.change")).isEqualTo("removed");
        assertThat(json.getString("components.find { it.name == 'bulk-api-adapter' }.change")).isEqualTo("unchanged");
        assertThat(json.getString("components.find { it.name == 'common' }.change")).isEqualTo("unknown");

        // the draft notes, in the helm notes' section order
        String draft = given().get("/api/v1/releases/v17.2.0/notes").then().statusCode(200).contentType("text/markdown")
                .extract().asString();
        assertThat(draft).startsWith("# Helm Release Notes: v17.2.0 (draft)");
        List<String> sections = List.of("## 0. Summary", "## 1. New Features", "## 2. Bug Fixes", "## 3. Application Versions",
                "## 4. Breaking Changes");
        for (int i = 1; i < sections.size(); i++) {
            assertThat(draft.indexOf(sections.get(i))).as(sections.get(i)).isGreaterThan(draft.indexOf(sections.get(i - 1)))
                    .isPositive();
        }
        assertThat(draft).contains("* **central-ledger**: feat\\(mojaloop/\\#3122\\): timeout handler distributed lock ([central-ledger\\#1172]"
                + "(https://github.com/" + org + "/central-ledger/pull/1172)), closes [mojaloop/project\\#3122](https://github.com/mojaloop/project/issues/3122)")
                .contains("2. central-ledger: v19.3.0 -> [v19.7.4](https://github.com/" + org + "/central-ledger/releases/tag/v19.7.4) (minor, "
                        + "[Compare](https://github.com/" + org + "/central-ledger/compare/v19.3.0...v19.7.4): 5 commits)")
                .contains("fix: handle &lt;script&gt;alert\\(1\\)&lt;/script&gt; @\u200beveryone in \\[link\\]\\(javascript:alert\\(1\\)\\)")
                .doesNotContain("<script>").doesNotContain("This draft is incomplete");
        assertThat(draft.substring(draft.indexOf("## 4. Breaking Changes"))).contains("settlement models move to the admin API");

        // the notes fixed: the gate passes; nothing changed in the components: no compare asked again
        github.clearRequests();
        github.file(helm, ".changelog/release-v17.2.0.md", notes.replace("v17.11.0", "v17.12.0"));
        String fixed = rebuild(4300, "| Release notes (`release-notes`) | ✅ passed |");
        assertThat(fixed).contains("### Contents").contains("### Audit");
        assertThat(github.requests("GET", "/repos/" + helm + "/contents/mojaloop/Chart.yaml")).isNotEmpty();
        assertThat(compares()).isEmpty();
        contents("v17.2.0");
        assertThat(compares()).isEmpty();

        // an unknown version
        given().get("/api/v1/releases/v99.0.0/contents").then().statusCode(404).contentType("application/json");
        given().get("/api/v1/releases/v99.0.0/notes").then().statusCode(404);
    }

    @Test
    void comparesGitHubCannotAnswerAreProblemLinesOnTheStoryAndInTheJson() {
        config(release("v17.2.0", 4300, org, ""));
        github.issue(project, 4300, "Release v17.2.0", "# Release v17.2.0\n");
        // bulk-api-adapter moves too, in a repository the app may not read (403)
        umbrella(resource("umbrella-Chart.yaml"));
        components();
        String bulk = "/repos/" + org + "/bulk-api-adapter/compare/v17.1.9...v17.1.10";
        interceptor = r -> r.path().equals(bulk) ? Decision.answer(Answer.error(403, "Resource not accessible by integration", null))
                : Decision.proceed();
        github.server().addInterceptor(interceptor);
        // central-settlement's new tag is on a history of its own (422), auth-service's previous tag does not exist (404),
        // sdk-scheme-adapter is not visible to the installation (404 for the repository)
        state.unrelatedTag(org + "/central-settlement", "v17.2.1-unrelated", "feat: elsewhere");
        String candidate = resource("umbrella-Chart.yaml").replace("bulk-api-adapter: v17.1.9", "bulk-api-adapter: v17.1.10")
                .replace("central-settlement: v17.2.0", "central-settlement: v17.2.1-unrelated")
                .replace("auth-service: v15.2.5", "auth-service: v15.2.6");
        state.fileAtTag(helm, "v17.2.0-rc.1", "mojaloop/Chart.yaml", candidate);
        state.tagCommits(org + "/auth-service", "v15.2.6", "fix: more expiry (#89)");
        state.unreachableRepository(org + "/sdk-scheme-adapter");

        String block = rebuild(4300, "### Audit");
        assertThat(block).contains("| bulk-api-adapter | v17.1.9 | v17.1.10 | patch | ? | ? | ? |")
                .contains("| central-settlement | v17.0.6 | v17.2.1-unrelated | minor | ? | ? | ? |")
                .contains("| sdk-scheme-adapter | v24.6.3-snapshot.2 | v24.6.3 | patch | ? | ? | ? |")
                .contains("| central-ledger | v19.3.0 | v19.7.4 | minor | 1 | 2 | **1** ⚠️ |")
                .contains("Not complete:")
                .contains("- bulk-api-adapter: bulk-api-adapter could not be read \\(compare v17.1.9...v17.1.10")
                .contains("- central-settlement: GitHub refused to compare v17.0.6...v17.2.1-unrelated in central-settlement \\(422")
                .contains("- sdk-scheme-adapter: no repository sdk-scheme-adapter was found; if the chart name is not the repository's, "
                        + "map it in contents.components");
        assertThat(block).contains("### Audit");

        JsonPath json = contents("v17.2.0");
        assertThat(json.getString("components.find { it.name == 'bulk-api-adapter' }.compare")).isEqualTo("unreadable");
        assertThat(json.getString("components.find { it.name == 'central-settlement' }.compare")).isEqualTo("refused");
        assertThat(json.getString("components.find { it.name == 'sdk-scheme-adapter' }.compare")).isEqualTo("repository-not-found");
        assertThat(json.getString("components.find { it.name == 'auth-service' }.compare")).isEqualTo("complete");
        assertThat(json.getString("components.find { it.name == 'central-ledger' }.compare")).isEqualTo("complete");
        assertThat(json.getList("problems.component")).containsExactlyInAnyOrder("bulk-api-adapter", "central-settlement",
                "sdk-scheme-adapter");
        assertThat(json.getString("problems.find { it.component == 'central-settlement' }.message"))
                .contains("No common ancestor between v17.0.6 and v17.2.1-unrelated");
        assertThat(json.getString("problems.find { it.component == 'bulk-api-adapter' }.message")).contains("403")
                .endsWith("; its changes are not listed");

        // a tag that does not exist: auth-service's candidate version has no tag
        state.fileAtTag(helm, "v17.2.0-rc.1", "mojaloop/Chart.yaml", candidate.replace("auth-service: v15.2.6", "auth-service: v15.2.7"));
        github.clearRequests();
        String again = rebuild(4300, "auth-service: GitHub found no tag v15.2.4 or v15.2.7 in auth-service");
        assertThat(again).contains("\\(compare v15.2.4...v15.2.7 answered 404");
        // the compares that failed are asked again (a missing tag may appear); those answered are not
        assertThat(compares()).allMatch(p -> p.contains("/bulk-api-adapter/") || p.contains("/central-settlement/")
                || p.contains("/sdk-scheme-adapter/") || p.contains("/auth-service/")).isNotEmpty();
        assertThat(contents("v17.2.0").getString("components.find { it.name == 'auth-service' }.compare")).isEqualTo("not-found");
    }

    @Test
    void chartsThatCannotBeReadAreProblemLinesNeverAFailedRebuild() {
        config(release("v17.2.0", 4300, org, "") + release("v17.3.0", 4301, org, "  previous: v17.0.9\n"));
        github.issue(project, 4300, "Release v17.2.0", "# Release v17.2.0\n");
        github.issue(project, 4301, "Release v17.3.0", "# Release v17.3.0\n");
        // v17.2.0's candidate chart does not parse
        umbrella("appVersion: \"ml-api-adapter: v16.5.6\nname: [mojaloop\n  - {unclosed\n");
        // v17.3.0's candidate: appVersion a plain version; its configured previous release has no tag
        state.tagCommits(helm, "v17.3.0-rc.1", "chore(release): v17.3.0-rc.1");
        state.fileAtTag(helm, "v17.3.0-rc.1", "mojaloop/Chart.yaml", resource("umbrella-Chart.yaml")
                .replaceFirst("appVersion: \"[^\"]*\"", "appVersion: 17.3.0"));
        github.releases(helm, new String[] { "v17.3.0-rc.1", "true", "2027-03-05T10:00:00Z" },
                new String[] { "v17.2.0-rc.1", "true", "2027-01-05T10:00:00Z" },
                new String[] { "v17.1.0", "false", "2026-10-01T10:00:00Z" });
        github.file(helm, ".changelog/release-v17.2.0.md", "# Helm Release Notes: v17.2.0\n\nSomething.\n");

        String unread = rebuild(4300, "### Contents");
        assertThat(unread).contains("The release's chart could not be read, so its contents are unknown.")
                // (an @ before a word is kept from mentioning anyone)
                .contains("helm:mojaloop/Chart.yaml@\u200bv17.2.0-rc.1:4:1: the chart is not valid YAML")
                // nothing to check the notes against: pending, not passed
                .contains("| Release notes (`release-notes`) | ⏳");
        JsonPath broken = contents("v17.2.0");
        assertThat(broken.getBoolean("chart.read")).isFalse();
        assertThat(broken.getList("components")).isEmpty();
        assertThat(broken.getList("problems.message")).anySatisfy(m -> assertThat((String) m).startsWith("helm:mojaloop/Chart.yaml@v17.2.0-rc.1"));
        assertThat(given().get("/api/v1/releases/v17.2.0/notes").then().statusCode(200).extract().asString())
                .contains("This draft is incomplete");

        String odd = rebuild(4301, "### Contents");
        assertThat(odd).contains("appVersion \"17.3.0\" is not a list of \"name: vX.Y.Z; ...\", so no component's version is known")
                .contains("v17.0.9");
        JsonPath shape = contents("v17.3.0");
        assertThat(shape.getBoolean("chart.read")).isTrue();
        assertThat(shape.getString("previous.ref")).isEqualTo("v17.0.9");
        assertThat(shape.getBoolean("previous.read")).isFalse();
        assertThat(shape.getList("problems.message")).anySatisfy(m -> assertThat((String) m)
                .contains("appVersion \"17.3.0\" is not a list of \"name: vX.Y.Z; ...\""))
                .anySatisfy(m -> assertThat((String) m).contains("mojaloop/Chart.yaml was not found at the previous release's tag v17.0.9"));
        assertThat(shape.getList("components.change")).isNotEmpty().allMatch("unknown"::equals);
        assertThat(compares()).isEmpty();
    }
}
