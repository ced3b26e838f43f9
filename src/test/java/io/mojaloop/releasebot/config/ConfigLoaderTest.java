package io.mojaloop.releasebot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    static final String ORG = "mojaloop/.github:release-bot.yml";
    static final String REPO = "mojaloop/central-ledger:.github/release-bot.yml";

    /** The complete example of PRODUCT.md / docs/configuration.md. */
    static final String EXAMPLE = """
            reviews:
              required-approvals: 2            # distinct approving reviewers; author and bots never count
              distinct-organisations: 2        # approvals must span at least this many organisations
              dismiss-stale: true              # approvals on an older head commit do not count
              exception-approvers: [design-authority]      # team slugs allowed to /review-exception
            affiliations:                      # organisation -> GitHub logins (case-insensitive)
              Infitx: [alice, bob]
              Crosslake: [carol]
            affiliation-fallback: profile-company   # or: none (unknown people belong to no organisation)
            freeze:
              feature-freeze-weeks-before-pi-kickoff: 6
              bugfix-freeze-weeks-before-release: 4
              branches: [main, master, "release/*"]
              feature-types: [feat]            # Conventional Commit types that count as features
              allowed-during-bugfix-freeze-labels: ["priority: critical"]
              exception-approvers: [release-managers]
            release-candidates:
              approvers: [release-managers]    # team slugs; empty = anyone with write permission
            releases:
              - version: v17.2.0
                pi-kickoff: 2027-01-18
                release-date: 2027-01-25
                timezone: UTC
                story: mojaloop/project#4300
                repos: [central-ledger, ml-api-adapter, account-lookup-service, quoting-service, helm]
            gates:
              - id: golden-path-dev
                name: TTK Golden Path on dev
                ttk-suite: GP Tests            # a TTK report with this name can satisfy the gate
              - id: sdk-bulk-qa
                name: TTK SDK Bulk on QA
                ttk-suite: SDK Bulk Validation Tests
              - id: downstream
                name: Validated by a downstream implementer
              - id: blocking-bugs
                name: No high or medium priority bugs open
                issue-query: 'org:mojaloop is:issue is:open label:bug label:"priority: high","priority: medium"'
              - id: repo-standards
                name: CODEOWNERS, LICENSE and required checks in every release repo
            """;

    static ParsedConfig org(String yaml) {
        return ConfigLoader.parseOrg(ORG, yaml);
    }

    static ConfigProblem only(ParsedConfig parsed) {
        assertThat(parsed.problems()).hasSize(1);
        return parsed.problems().get(0);
    }

    @Test
    void theCompleteExampleParses() {
        ParsedConfig parsed = org(EXAMPLE);
        assertThat(parsed.problems()).isEmpty();
        BotConfig c = parsed.config();
        assertThat(c.reviews()).isEqualTo(new Reviews(2, 2, true, List.of("design-authority")));
        assertThat(c.affiliations()).containsEntry("Infitx", List.of("alice", "bob")).containsEntry("Crosslake", List.of("carol"));
        assertThat(c.affiliationFallback()).isEqualTo(AffiliationFallback.PROFILE_COMPANY);
        assertThat(c.freeze()).isEqualTo(new Freeze(6, 4, List.of("main", "master", "release/*"), List.of("feat"),
                List.of("priority: critical"), List.of("release-managers")));
        assertThat(c.releaseCandidates().approvers()).containsExactly("release-managers");
        Release r = c.releases().get(0);
        assertThat(r.version()).isEqualTo("v17.2.0");
        assertThat(r.piKickoff()).isEqualTo(new DateSpec.Day(LocalDate.of(2027, 1, 18)));
        assertThat(r.releaseDate()).isEqualTo(new DateSpec.Day(LocalDate.of(2027, 1, 25)));
        assertThat(r.timezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(r.story()).isEqualTo("mojaloop/project#4300");
        assertThat(r.repos()).hasSize(5).contains("helm");
        assertThat(r.line()).isEqualTo(20);
        assertThat(c.gates()).extracting(Gate::id).containsExactly("golden-path-dev", "sdk-bulk-qa", "downstream",
                "blocking-bugs", "repo-standards");
        assertThat(c.gates().get(0).ttkSuite()).isEqualTo("GP Tests");
        assertThat(c.gates().get(3).issueQuery()).startsWith("org:mojaloop is:issue");
    }

    @Test
    void absentOrEmptyFilesGiveTheDefaults() {
        assertThat(ConfigLoader.load(ORG, null, REPO, null)).isEqualTo(ParsedConfig.of(BotConfig.DEFAULTS));
        assertThat(org("")).isEqualTo(ParsedConfig.of(BotConfig.DEFAULTS));
        assertThat(org("# only a comment\n")).isEqualTo(ParsedConfig.of(BotConfig.DEFAULTS));
        assertThat(BotConfig.DEFAULTS.affiliationFallback()).isEqualTo(AffiliationFallback.NONE);
    }

    @Test
    void aRepositoryOverridesReviewsKeyByKey() {
        ParsedConfig parsed = ConfigLoader.load(ORG, EXAMPLE, REPO, "reviews:\n  required-approvals: 3\n");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.config().reviews()).isEqualTo(new Reviews(3, 2, true, List.of("design-authority")));
        assertThat(parsed.config().releases()).hasSize(1);
    }

    @Test
    void aRepositoryFileAloneAppliesOverTheDefaults() {
        ParsedConfig parsed = ConfigLoader.load(ORG, null, REPO, "reviews:\n  distinct-organisations: 1\n");
        assertThat(parsed.config().reviews()).isEqualTo(new Reviews(2, 1, true, List.of()));
    }

    @Test
    void aRepositoryMayNotOverrideAnythingElse() {
        ConfigProblem p = only(ConfigLoader.load(ORG, EXAMPLE, REPO, "reviews:\n  dismiss-stale: false\nfreeze:\n  branches: [dev]\n"));
        assertThat(p.file()).isEqualTo(REPO);
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.message()).contains("only reviews may be overridden").contains("move freeze");
    }

    @Test
    void problemsOfBothFilesAreReported() {
        ParsedConfig parsed = ConfigLoader.load(ORG, "reviews:\n  required-approvals: -1\n", REPO, "reviews:\n  dismiss-stale: maybe\n");
        assertThat(parsed.problems()).extracting(ConfigProblem::file).containsExactly(ORG, REPO);
        assertThat(parsed.ok()).isFalse();
    }

    @Test
    void wrongTypesAreLocatedAtTheValue() {
        ConfigProblem p = only(org("reviews:\n  required-approvals: two\n"));
        assertThat(p.format()).isEqualTo(ORG + ":2:23: reviews.required-approvals: expected a whole number ≥ 0, found \"two\"");
    }

    @Test
    void countsMustBeWholeAndNotNegative() {
        assertThat(only(org("reviews:\n  required-approvals: -1\n")).message()).contains("≥ 0");
        assertThat(only(org("reviews:\n  required-approvals: 2.5\n")).message()).contains("found \"2.5\"");
        assertThat(only(org("reviews:\n  required-approvals: \"2\"\n")).message()).contains("whole number");
        assertThat(only(org("freeze:\n  bugfix-freeze-weeks-before-release:\n")).message()).contains("found nothing");
    }

    @Test
    void booleansAreTrueOrFalseOnly() {
        assertThat(only(org("reviews:\n  dismiss-stale: yes\n")).message()).contains("expected true or false");
        assertThat(org("reviews:\n  dismiss-stale: false\n").config().reviews().dismissStale()).isFalse();
    }

    @Test
    void unknownKeysAtEveryLevel() {
        ConfigProblem top = only(org("review:\n  required-approvals: 2\n"));
        assertThat(top.line()).isEqualTo(1);
        assertThat(top.message()).contains("unknown key review").contains("reviews");
        ConfigProblem nested = only(org("reviews:\n  required-approval: 2\n"));
        assertThat(nested.line()).isEqualTo(2);
        assertThat(nested.column()).isEqualTo(3);
        ConfigProblem release = only(org("releases:\n  - version: v1\n    release-date: 2027-01-25\n    repos: [a]\n    date: 2027-01-01\n"));
        assertThat(release.line()).isEqualTo(5);
        assertThat(release.message()).contains("releases[v1]: unknown key date");
    }

    @Test
    void duplicateKeys() {
        ConfigProblem p = only(org("reviews:\n  required-approvals: 2\n  required-approvals: 3\n"));
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.message()).contains("duplicate key required-approvals");
    }

    @Test
    void aSectionOfTheWrongShape() {
        assertThat(only(org("reviews: [1, 2]\n")).message()).contains("reviews: expected a mapping");
        assertThat(only(org("releases:\n  version: v1\n")).message()).contains("releases: expected a list");
        assertThat(only(org("freeze:\n  branches: main\n")).message()).contains("freeze.branches: expected a list");
        assertThat(only(org("- a\n- b\n")).message()).contains("the top level: expected a mapping");
    }

    @Test
    void yamlSyntaxErrorsAreLocated() {
        ConfigProblem p = only(org("reviews:\n  required-approvals: [2\n  dismiss-stale: true\n"));
        assertThat(p.message()).startsWith("not valid YAML");
        assertThat(p.line()).isGreaterThanOrEqualTo(2);
        ConfigProblem tab = only(org("reviews:\n\trequired-approvals: 2\n"));
        assertThat(tab.line()).isEqualTo(2);
    }

    @Test
    void teamReferencesMustBeSlugs() {
        ConfigProblem p = only(org("reviews:\n  exception-approvers: [mojaloop/design-authority]\n"));
        assertThat(p.message()).contains("write the team slug only, e.g. design-authority");
        assertThat(p.column()).isEqualTo(25);
        assertThat(only(org("freeze:\n  exception-approvers: [\"@mojaloop/release-managers\"]\n")).message())
                .contains("e.g. release-managers");
        assertThat(only(org("release-candidates:\n  approvers: [Release Managers]\n")).message()).contains("not a team slug");
    }

    @Test
    void affiliations() {
        assertThat(only(org("affiliations:\n  Infitx: [alice, \"@bob\"]\n")).message()).contains("\"@bob\" is not a GitHub login");
        ConfigProblem dup = only(org("affiliations:\n  Infitx: [alice]\n  Crosslake: [Alice]\n"));
        assertThat(dup.line()).isEqualTo(3);
        assertThat(dup.message()).contains("Alice is already listed under Infitx");
        assertThat(only(org("affiliations: [alice]\n")).message()).contains("organisation name to a list of GitHub logins");
        assertThat(only(org("affiliation-fallback: github\n")).message()).contains("profile-company or none");
    }

    @Test
    void releasesNeedAVersionADateAndRepos() {
        ParsedConfig parsed = org("releases:\n  - pi-kickoff: 2027-01-18\n    timezone: UTC\n");
        assertThat(parsed.problems()).extracting(ConfigProblem::message).anyMatch(m -> m.contains("version is required"))
                .anyMatch(m -> m.contains("release-date is required")).anyMatch(m -> m.contains("repos is required"));
        assertThat(parsed.problems()).allSatisfy(p -> assertThat(p.line()).isEqualTo(2));
    }

    @Test
    void badDatesAndZones() {
        ConfigProblem date = only(org("releases:\n  - version: v1\n    release-date: 25/01/2027\n    repos: [a]\n"));
        assertThat(date.line()).isEqualTo(3);
        assertThat(date.column()).isEqualTo(19);
        assertThat(date.message()).contains("expected a day like 2027-01-18").contains("25/01/2027");
        ConfigProblem zone = only(org("releases:\n  - version: v1\n    release-date: 2027-01-25\n    timezone: Mars/Olympus\n    repos: [a]\n"));
        assertThat(zone.message()).contains("unknown time zone \"Mars/Olympus\"");
        assertThat(only(org("releases:\n  - version: v1\n    release-date: 2027-02-30\n    repos: [a]\n")).message())
                .contains("2027-02-30");
    }

    @Test
    void instantsWithOffsetsAndWindowsTurnedOff() {
        ParsedConfig parsed = org("""
                releases:
                  - version: v17.1.1
                    pi-kickoff: 2027-01-18
                    release-date: 2027-01-25T09:00:00+02:00
                    feature-freeze: none
                    bugfix-freeze: 2027-01-11T09:00:00+02:00
                    timezone: Africa/Johannesburg
                    repos: [central-ledger]
                """);
        assertThat(parsed.problems()).isEmpty();
        Release r = parsed.config().releases().get(0);
        assertThat(r.releaseDate()).isEqualTo(new DateSpec.At(OffsetDateTime.parse("2027-01-25T09:00:00+02:00")));
        assertThat(r.featureFreeze()).isEqualTo(WindowOverride.OFF);
        assertThat(r.bugfixFreeze().start()).isEqualTo(DateSpec.parse("2027-01-11T09:00:00+02:00"));
        assertThat(r.timezone()).isEqualTo(ZoneId.of("Africa/Johannesburg"));
    }

    @Test
    void aWindowStartingAfterTheReleaseIsAnError() {
        ConfigProblem explicit = only(org("releases:\n  - version: v1\n    release-date: 2027-01-25\n    bugfix-freeze: 2027-02-01\n    repos: [a]\n"));
        assertThat(explicit.line()).isEqualTo(4);
        assertThat(explicit.message()).contains("bug-fix freeze would start 2027-02-01, after the release date 2027-01-25");
        ConfigProblem computed = only(org("releases:\n  - version: v1\n    pi-kickoff: 2027-04-01\n    release-date: 2027-01-25\n    repos: [a]\n"));
        assertThat(computed.line()).isEqualTo(3);
        assertThat(computed.message()).contains("feature freeze would start 2027-02-18 (6 weeks before pi-kickoff)");
    }

    @Test
    void duplicateVersionsAndGateIds() {
        ConfigProblem version = only(org("""
                releases:
                  - version: v17.2.0
                    release-date: 2027-01-25
                    repos: [a]
                  - version: v17.2.0
                    release-date: 2027-02-25
                    repos: [a]
                """));
        assertThat(version.line()).isEqualTo(5);
        assertThat(version.message()).isEqualTo("duplicate release version v17.2.0 (first at line 2)");
        ConfigProblem gate = only(org("gates:\n  - id: downstream\n    name: A\n  - id: downstream\n    name: B\n"));
        assertThat(gate.line()).isEqualTo(4);
        assertThat(gate.message()).contains("duplicate gate id downstream (first at line 2)");
    }

    @Test
    void gatesNeedAnIdSlugAndAName() {
        assertThat(only(org("gates:\n  - id: Golden Path\n    name: x\n")).message()).contains("lower-case letters, digits and hyphens");
        assertThat(only(org("gates:\n  - id: x\n")).message()).contains("name is required");
        assertThat(only(org("gates:\n  - id: x\n    name: y\n    kind: robot\n")).message()).contains("expected one of manual, ttk");
        assertThat(only(org("gates:\n  - id: x\n    name: y\n    kind: ttk\n")).message()).contains("needs ttk-suite");
        assertThat(only(org("gates:\n  - id: x\n    name: y\n    colour: red\n")).message()).contains("unknown key colour");
    }

    @Test
    void storiesAreIssueReferences() {
        assertThat(only(org("releases:\n  - version: v1\n    release-date: 2027-01-25\n    story: 4300\n    repos: [a]\n")).message())
                .contains("mojaloop/project#4300");
    }

    @Test
    void gateKindsAreInferredOrWritten() {
        ParsedConfig parsed = org(EXAMPLE);
        assertThat(parsed.config().gates()).extracting(Gate::kind).containsExactly(GateKind.TTK, GateKind.TTK,
                GateKind.DOWNSTREAM, GateKind.ISSUES, GateKind.REPO_STANDARDS);
        Gate notes = org("gates:\n  - id: notes\n    name: Release notes\n    kind: release-notes\n    path: docs/{version}.md\n")
                .config().gates().get(0);
        assertThat(notes.kind()).isEqualTo(GateKind.RELEASE_NOTES);
        assertThat(notes.notesPath("v17.2.0")).isEqualTo("docs/v17.2.0.md");
        assertThat(new Gate("release-notes", "n", null, null).notesPath("v1.0.0")).isEqualTo(".changelog/release-v1.0.0.md");
        Gate dev = org("gates:\n  - id: gp\n    name: GP\n    ttk-suite: GP Tests\n    environment: dev\n").config().gates().get(0);
        assertThat(dev.environment()).isEqualTo("dev");
    }

    @Test
    void implementersAreAcceptedAsAListOfNames() {
        assertThat(org("").config().implementers()).containsExactly("mini-loop", "iac", "core-test-harness");
        assertThat(org("implementers: [mini-loop, iac]\n").config().implementers()).containsExactly("mini-loop", "iac");
        assertThat(org("implementers: [mini-loop, iac, core-test-harness]\n").problems()).isEmpty();
        assertThat(only(org("implementers: mini-loop\n")).message()).contains("implementers: expected a list");
    }

    @Test
    void everyProblemInAFileIsReported() {
        ParsedConfig parsed = org("""
                reviews:
                  required-approvals: two
                  dismiss-stale: maybe
                freeze:
                  branches: [main]
                  colour: blue
                gates:
                  - id: a
                    name: A
                  - id: a
                    name: B
                """);
        assertThat(parsed.problems()).extracting(ConfigProblem::line).containsExactly(2, 3, 6, 10);
    }
}
