package io.mojaloop.releasebot.core.config;

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
                name: No critical, high or medium priority bugs open
                issue-query: 'org:mojaloop is:issue is:open label:bug'
                priority-from: body            # Mojaloop bugs say **Priority**: in the body, not in labels
                priorities: [critical, high, medium]
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
        assertThat(c.gates().get(3).priorityFromBody()).isEqualTo(new PriorityFromBody(List.of("critical", "high", "medium"), List.of()));
        assertThat(c.gates().get(0).priorityFromBody()).isNull();
        assertThat(c.gates()).noneMatch(Gate::allowSkipped);
    }

    /** The example in docs/configuration.md is this one, key for key. */
    @Test
    void theDocumentedExampleIsTheTestedOne() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/configuration.md"));
        int heading = doc.indexOf("## The complete Mojaloop example");
        int start = doc.indexOf("```yaml\n", heading) + "```yaml\n".length();
        String documented = doc.substring(start, doc.indexOf("```", start));
        assertThat(documented).isEqualTo(EXAMPLE);
    }

    @Test
    void anIssuesGateMayReadPriorityAndSeverityFromTheBody() {
        ParsedConfig parsed = org("""
                gates:
                  - id: bugs
                    name: Bugs
                    issue-query: 'org:mojaloop is:issue is:open label:bug'
                    priority-from: body
                    priorities: [High, medium, P1]
                    severities: [high]
                """);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.config().gates().get(0).priorityFromBody())
                .isEqualTo(new PriorityFromBody(List.of("high", "medium", "p1"), List.of("high")));
        assertThat(org("gates:\n  - id: bugs\n    name: Bugs\n    issue-query: 'is:open'\n").config().gates().get(0)
                .priorityFromBody()).as("without priority-from, the query alone decides").isNull();
    }

    @Test
    void priorityFromBodyProblemsAreLocated() {
        ParsedConfig parsed = org("""
                gates:
                  - id: a
                    name: A
                    issue-query: 'is:open'
                    priority-from: labels
                  - id: b
                    name: B
                    issue-query: 'is:open'
                    priority-from: body
                  - id: c
                    name: C
                    issue-query: 'is:open'
                    priorities: [high]
                  - id: d
                    name: D
                    issue-query: 'is:open'
                    priority-from: body
                    priorities: [very high, "", medium]
                    severities: []
                  - id: e
                    name: E
                    ttk-suite: GP Tests
                    priority-from: body
                    priorities: [high]
                  - id: f
                    name: F
                    issue-query: 'is:open'
                    priority-from: body
                    priorities: []
                """);
        assertThat(parsed.problems()).extracting(ConfigProblem::format).containsExactly(
                ORG + ":5:20: gates[0].priority-from: expected body (the **Priority**: field of each issue's body), "
                        + "found \"labels\"; without priority-from, issue-query alone decides",
                ORG + ":9:20: gates[1]: priority-from: body needs priorities: the priorities that block (e.g. priorities: [high, medium])",
                ORG + ":13:17: gates[2].priorities: needs priority-from: body (priorities are read from each issue's body)",
                ORG + ":18:18: gates[3].priorities: expected one word such as high or medium, found \"very high\"",
                ORG + ":18:29: gates[3].priorities: expected one word such as high or medium, found \"\"",
                ORG + ":19:17: gates[3].severities: list at least one severity, or leave severities out",
                ORG + ":23:20: gates[4].priority-from: only an issues gate (one with issue-query) reads issue bodies; this gate is ttk",
                ORG + ":29:17: gates[5].priorities: list at least one priority (e.g. [high, medium])");
    }

    @Test
    void allowSkippedIsForTtkGates() {
        ParsedConfig parsed = org("""
                gates:
                  - id: gp
                    name: GP
                    ttk-suite: GP Tests
                    allow-skipped: true
                  - id: strict
                    name: Strict
                    ttk-suite: GP Tests
                    allow-skipped: false
                  - id: bugs
                    name: Bugs
                    issue-query: 'is:open'
                    allow-skipped: true
                  - id: typo
                    name: Typo
                    ttk-suite: GP Tests
                    allow-skipped: yes please
                """);
        assertThat(parsed.config().gates()).extracting(Gate::allowSkipped).containsExactly(true, false, false, false);
        assertThat(parsed.problems()).extracting(ConfigProblem::format).containsExactly(
                ORG + ":13:20: gates[2].allow-skipped: only a ttk gate (one with ttk-suite) reads Testing Toolkit reports; "
                        + "this gate is issues",
                ORG + ":17:20: gates[3].allow-skipped: expected true or false, found \"yes please\"");
        assertThat(org("gates:\n  - id: gp\n    name: GP\n    ttk-suite: GP Tests\n").config().gates().get(0).allowSkipped())
                .as("skipped assertions do not pass a gate unless it says so").isFalse();
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

    static void at(ConfigProblem p, int line, int column) {
        assertThat(p.line()).as("line of %s", p).isEqualTo(line);
        assertThat(p.column()).as("column of %s", p).isEqualTo(column);
    }

    @Test
    void parsedConfigCopiesItsProblems() {
        List<ConfigProblem> list = new java.util.ArrayList<>(List.of(new ConfigProblem(ORG, 1, 1, "x")));
        ParsedConfig parsed = new ParsedConfig(null, list);
        list.clear();
        assertThat(parsed.problems()).hasSize(1);
        assertThat(parsed.ok()).isFalse();
        assertThat(ParsedConfig.of(BotConfig.DEFAULTS).ok()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parsed.problems().add(null))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theProblemFormatIsFileLineColumnMessage() {
        ConfigProblem p = only(org("reviews:\n  distinct-organisations: -2\n"));
        assertThat(p.format()).isEqualTo(ORG + ":2:27: reviews.distinct-organisations: expected a whole number ≥ 0, found \"-2\"");
        assertThat(p).hasToString(p.format());
    }

    @Test
    void onlyPlainDecimalNumbersAreWholeNumbers() {
        for (String v : List.of("010", "0x10", "1_000", "1:30", "+2", "99999999999", "2.0", "true", "[2]")) {
            ConfigProblem p = only(org("freeze:\n  feature-freeze-weeks-before-pi-kickoff: " + v + "\n"));
            at(p, 2, 43);
            assertThat(p.message()).as(v).startsWith("freeze.feature-freeze-weeks-before-pi-kickoff: expected a whole number ≥ 0");
        }
        assertThat(org("freeze:\n  feature-freeze-weeks-before-pi-kickoff: 0\n").config().freeze().featureFreezeWeeksBeforePiKickoff())
                .isZero();
    }

    @Test
    void yaml11BooleansAndQuotedBooleansAreRejected() {
        for (String v : List.of("yes", "no", "on", "off", "\"true\"", "1")) {
            ConfigProblem p = only(org("reviews:\n  dismiss-stale: " + v + "\n"));
            at(p, 2, 18);
            assertThat(p.message()).as(v).startsWith("reviews.dismiss-stale: expected true or false, found ");
        }
    }

    @Test
    void aTopLevelThatIsNotAMappingIsLocated() {
        ConfigProblem p = only(org("just some text\n"));
        at(p, 1, 1);
        assertThat(p.message()).isEqualTo("the top level: expected a mapping with the keys " + String.join(", ", ConfigLoader.TOP_LEVEL)
                + ", found \"just some text\"");
    }

    @Test
    void unknownKeysListTheAllowedOnes() {
        ConfigProblem p = only(org("freeze:\n  weeks: 6\n"));
        at(p, 2, 3);
        assertThat(p.message()).isEqualTo("freeze: unknown key weeks; expected one of feature-freeze-weeks-before-pi-kickoff, "
                + "bugfix-freeze-weeks-before-release, branches, feature-types, allowed-during-bugfix-freeze-labels, exception-approvers");
        ConfigProblem rc = only(org("release-candidates:\n  approver: [release-managers]\n"));
        at(rc, 2, 3);
        assertThat(rc.message()).isEqualTo("release-candidates: unknown key approver; expected one of approvers");
    }

    @Test
    void duplicateTopLevelKeysAndOrganisations() {
        ConfigProblem top = only(org("reviews:\n  required-approvals: 2\nreviews:\n  required-approvals: 3\n"));
        at(top, 3, 1);
        assertThat(top.message()).isEqualTo("the top level: duplicate key reviews");
        ConfigProblem orgs = only(org("affiliations:\n  Infitx: [alice]\n  Infitx: [bob]\n"));
        at(orgs, 3, 3);
        assertThat(orgs.message()).isEqualTo("affiliations: duplicate organisation Infitx");
    }

    @Test
    void anEmptySectionIsTheSameAsNoSection() {
        ParsedConfig parsed = org("reviews:\nreleases:\n# - version: v17.2.0\ngates:\n");
        assertThat(parsed).isEqualTo(ParsedConfig.of(BotConfig.DEFAULTS));
        ParsedConfig repo = ConfigLoader.load(ORG, EXAMPLE, REPO, "reviews:\n");
        assertThat(repo.problems()).isEmpty();
        assertThat(repo.config()).isEqualTo(org(EXAMPLE).config());
        // a forgotten indentation is still caught: the key lands at the top level
        ConfigProblem p = only(org("reviews:\nrequired-approvals: 3\n"));
        at(p, 2, 1);
        assertThat(p.message()).startsWith("the top level: unknown key required-approvals");
    }

    @Test
    void aRepositoryMayOverrideEveryReviewsKey() {
        ParsedConfig parsed = ConfigLoader.load(ORG, EXAMPLE, REPO, """
                reviews:
                  required-approvals: 1
                  distinct-organisations: 1
                  dismiss-stale: false
                  exception-approvers: [helm-maintainers]
                """);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.config().reviews()).isEqualTo(new Reviews(1, 1, false, List.of("helm-maintainers")));
        assertThat(parsed.config().freeze()).isEqualTo(org(EXAMPLE).config().freeze());
        assertThat(ConfigLoader.load(ORG, EXAMPLE, REPO, "reviews:\n  exception-approvers: []\n").config().reviews())
                .isEqualTo(new Reviews(2, 2, true, List.of()));
    }

    @Test
    void everyForbiddenKeyOfARepositoryFileIsReported() {
        ParsedConfig parsed = ConfigLoader.load(ORG, EXAMPLE, REPO, "releases: []\nreviews:\n  required-approvals: 3\ncolour: red\n");
        assertThat(parsed.problems()).hasSize(2);
        ConfigProblem releases = parsed.problems().get(0);
        assertThat(releases.format()).isEqualTo(REPO + ":1:1: only reviews may be overridden in a repository's "
                + ".github/release-bot.yml; move releases to release-bot.yml in the organisation's .github repository");
        ConfigProblem colour = parsed.problems().get(1);
        at(colour, 4, 1);
        assertThat(colour.message()).contains("unknown key colour");
    }

    @Test
    void aRepositoryFileIsValidatedLikeTheOrgs() {
        ParsedConfig parsed = ConfigLoader.load(ORG, EXAMPLE, REPO, "reviews:\n  required-approvals: many\n  dismis-stale: true\n");
        assertThat(parsed.problems()).extracting(ConfigProblem::format).containsExactly(
                REPO + ":2:23: reviews.required-approvals: expected a whole number ≥ 0, found \"many\"",
                REPO + ":3:3: reviews: unknown key dismis-stale; expected one of required-approvals, distinct-organisations, "
                        + "dismiss-stale, exception-approvers");
        ConfigProblem list = only(ConfigLoader.load(ORG, EXAMPLE, REPO, "- reviews\n"));
        at(list, 1, 1);
        assertThat(list.file()).isEqualTo(REPO);
        assertThat(list.message()).contains("expected a mapping with the key reviews");
        ConfigProblem syntax = only(ConfigLoader.load(ORG, EXAMPLE, REPO, "reviews: {required-approvals: 3\n"));
        assertThat(syntax.file()).isEqualTo(REPO);
        assertThat(syntax.message()).startsWith("not valid YAML");
    }

    @Test
    void aSyntaxErrorIsReportedAtItsMark() {
        ConfigProblem p = only(org("reviews:\n  required-approvals: 2\n dismiss-stale: true\n"));
        assertThat(p.message()).startsWith("not valid YAML: ");
        at(p, 3, 2);
        ConfigProblem twoDocs = only(org("reviews: {}\n---\nfreeze: {}\n"));
        assertThat(twoDocs.message()).startsWith("not valid YAML").contains("single document");
        assertThat(twoDocs.line()).isEqualTo(2);
    }

    @Test
    void teamSlugsAreLowerCase() {
        ConfigProblem p = only(org("freeze:\n  exception-approvers: [release-managers, Release-Managers]\n"));
        at(p, 2, 43);
        assertThat(p.message()).startsWith("freeze.exception-approvers: \"Release-Managers\" is not a team slug");
        ConfigProblem org = only(org("reviews:\n  exception-approvers:\n    - mojaloop/design-authority\n"));
        at(org, 3, 7);
        assertThat(org.message()).isEqualTo("reviews.exception-approvers: \"mojaloop/design-authority\" is not a team slug: "
                + "write the team slug only, e.g. design-authority");
        ConfigProblem notAList = only(org("release-candidates:\n  approvers: release-managers\n"));
        at(notAList, 2, 14);
        assertThat(notAList.message()).startsWith("release-candidates.approvers: expected a list of team slugs");
    }

    @Test
    void loginsAreLocatedAndCaseDuplicatesAcrossOrganisationsRejected() {
        ConfigProblem bad = only(org("affiliations:\n  Infitx: [alice, bob-, carol]\n"));
        at(bad, 2, 19);
        assertThat(bad.message()).startsWith("affiliations.Infitx: \"bob-\" is not a GitHub login");
        ConfigProblem dup = only(org("affiliations:\n  Infitx: [alice, BOB]\n  Crosslake:\n    - carol\n    - bob\n"));
        at(dup, 5, 7);
        assertThat(dup.message()).isEqualTo("affiliations.Crosslake: bob is already listed under Infitx "
                + "(logins are case-insensitive; a person belongs to one organisation)");
        ConfigProblem string = only(org("affiliations:\n  Infitx: alice\n"));
        at(string, 2, 11);
        assertThat(string.message()).startsWith("affiliations.Infitx: expected a list of GitHub logins");
    }

    @Test
    void freezeListsAreValidatedItemByItem() {
        ParsedConfig parsed = org("""
                freeze:
                  branches: [main, "", "release/*"]
                  feature-types: [feat, Feature]
                  allowed-during-bugfix-freeze-labels: ["priority: critical", [x]]
                """);
        assertThat(parsed.problems()).extracting(ConfigProblem::format).containsExactly(
                ORG + ":2:20: freeze.branches: expected a branch name or glob such as main or release/*, found \"\"",
                ORG + ":3:25: freeze.feature-types: expected a lower-case Conventional Commit type such as feat, found \"Feature\"",
                ORG + ":4:63: freeze.allowed-during-bugfix-freeze-labels: expected a label name, found a list");
    }

    @Test
    void affiliationFallbackIsLocated() {
        ConfigProblem p = only(org("affiliation-fallback: company\n"));
        at(p, 1, 23);
        assertThat(p.message()).isEqualTo("affiliation-fallback: expected profile-company or none, found \"company\"");
        assertThat(org("affiliation-fallback: none\n").config().affiliationFallback()).isEqualTo(AffiliationFallback.NONE);
    }

    @Test
    void aDayIsTheStartOfThatDayInTheReleaseZone() {
        Release r = org("releases:\n  - version: v1\n    pi-kickoff: 2027-03-01\n    release-date: 2027-03-08\n"
                + "    timezone: Africa/Nairobi\n    repos: [a]\n").config().releases().get(0);
        var w = io.mojaloop.releasebot.core.config.FreezeWindows.of(r, Freeze.DEFAULTS);
        assertThat(w.releaseAt()).isEqualTo(java.time.Instant.parse("2027-03-07T21:00:00Z"));
        assertThat(w.bugfixFreezeStart()).isEqualTo(java.time.Instant.parse("2027-02-07T21:00:00Z"));
        assertThat(w.featureFreezeStart()).isEqualTo(java.time.Instant.parse("2027-01-17T21:00:00Z"));
    }

    @Test
    void anAbsentZoneIsUtc() {
        Release r = org("releases:\n  - version: v1\n    release-date: 2027-01-25\n    repos: [a]\n").config().releases().get(0);
        assertThat(r.timezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(r.piKickoff()).isNull();
        assertThat(r.featureFreeze()).isNull();
        assertThat(r.story()).isNull();
        assertThat(r.line()).isEqualTo(2);
    }

    @Test
    void aTimestampWithoutOffsetIsNotADate() {
        ConfigProblem p = only(org("releases:\n  - version: v1\n    release-date: 2027-01-25 09:00:00\n    repos: [a]\n"));
        at(p, 3, 19);
        assertThat(p.message()).isEqualTo("releases[v1].release-date: expected a day like 2027-01-18 or an instant with offset "
                + "like 2027-01-18T09:00:00+02:00, found \"2027-01-25 09:00:00\"");
    }

    @Test
    void windowOverridesAreADateOrNone() {
        ConfigProblem p = only(org("releases:\n  - version: v1\n    release-date: 2027-01-25\n    feature-freeze: never\n    repos: [a]\n"));
        at(p, 4, 21);
        assertThat(p.message()).startsWith("releases[v1].feature-freeze: expected a day like 2027-01-18, an instant with offset")
                .endsWith("or none (no such window), found \"never\"");
        Release r = org("releases:\n  - version: v1\n    release-date: 2027-01-25\n    bugfix-freeze: none\n    repos: [a]\n")
                .config().releases().get(0);
        assertThat(r.bugfixFreeze().off()).isTrue();
        assertThat(io.mojaloop.releasebot.core.config.FreezeWindows.of(r, Freeze.DEFAULTS).bugfixFreezeStart()).isNull();
    }

    @Test
    void anExplicitInstantAfterTheReleaseIsLocatedAtTheOverride() {
        ConfigProblem p = only(org("""
                releases:
                  - version: v1
                    release-date: 2027-01-25T09:00:00+02:00
                    feature-freeze: 2027-01-25T10:00:00+02:00
                    repos: [a]
                """));
        at(p, 4, 21);
        assertThat(p.message()).isEqualTo("releases[v1]: the feature freeze would start 2027-01-25T08:00Z, after the release "
                + "date 2027-01-25T07:00Z");
    }

    @Test
    void aComputedWindowIsCheckedWithTheFileFreezeWeeks() {
        String yaml = "freeze:\n  feature-freeze-weeks-before-pi-kickoff: 1\nreleases:\n  - version: v1\n    pi-kickoff: 2027-02-15\n"
                + "    release-date: 2027-02-01\n    repos: [a]\n";
        ConfigProblem p = only(org(yaml));
        at(p, 5, 17);
        assertThat(p.message()).isEqualTo("releases[v1]: the feature freeze would start 2027-02-08 (1 weeks before pi-kickoff), "
                + "after the release date 2027-02-01");
        assertThat(org(yaml.replace("weeks-before-pi-kickoff: 1", "weeks-before-pi-kickoff: 3")).problems()).isEmpty();
    }

    @Test
    void releaseEntriesOfTheWrongShape() {
        ParsedConfig parsed = org("""
                releases:
                  - v17.2.0
                  - version: ""
                    release-date: 2027-01-25
                    repos: []
                  - version: v2
                    release-date: 2027-01-25
                    repos: central-ledger
                    story: mojaloop/project
                """);
        assertThat(parsed.problems()).extracting(ConfigProblem::format).containsExactly(
                ORG + ":2:5: releases[0]: expected a mapping with the keys " + String.join(", ", ConfigLoader.RELEASE) + ", found \"v17.2.0\"",
                ORG + ":3:14: releases[1].version: must not be empty",
                ORG + ":5:12: releases[1].repos: list at least one repository",
                ORG + ":8:12: releases[v2].repos: expected a list, each item a repository name such as central-ledger (e.g. [a, b]), "
                        + "found \"central-ledger\"",
                ORG + ":9:12: releases[v2].story: expected an issue such as mojaloop/project#4300, found \"mojaloop/project\"");
    }

    @Test
    void gateProblemsAreLocated() {
        ParsedConfig parsed = org("""
                gates:
                  - name: No id
                  - id: golden-path-dev
                    name: ""
                  - id: blocking-bugs
                    name: Bugs
                    issue-query: [bug]
                """);
        assertThat(parsed.problems()).extracting(ConfigProblem::format).containsExactly(
                ORG + ":2:5: gates[0]: id is required (e.g. id: golden-path-dev)",
                ORG + ":4:11: gates[1].name: expected a name, found an empty text",
                ORG + ":7:18: gates[2].issue-query: expected a GitHub issue search, found a list");
        ConfigProblem notAList = only(org("gates:\n  id: x\n"));
        at(notAList, 2, 3);
        assertThat(notAList.message()).startsWith("gates: expected a list of gates");
    }

    @Test
    void severalProblemsAcrossSectionsAreAllReportedInFileOrder() {
        ParsedConfig parsed = org("""
                reviews:
                  exception-approvers: [mojaloop/design-authority]
                affiliations:
                  Infitx: [alice]
                  Crosslake: [ALICE]
                releases:
                  - version: v17.2.0
                    release-date: 2027-01-25
                    timezone: Mars/Olympus
                    repos: [central-ledger]
                  - version: v17.2.0
                    release-date: 2027-13-01
                    repos: [helm]
                gates:
                  - id: downstream
                    name: A
                  - id: downstream
                    name: B
                """);
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.problems()).extracting(p -> p.line() + ":" + p.column()).containsExactly(
                "2:25", "5:15", "9:15", "11:14", "12:19", "17:9");
        assertThat(parsed.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(ORG));
    }

    // ---- contents and releases[].previous ------------------------------------------------------------------------

    static final String RELEASE = "releases:\n  - version: v17.2.0\n    release-date: 2027-01-25\n    repos: [helm]\n";

    @Test
    void contentsDefaultToHelmAndItsMojaloopChart() {
        Contents c = org(EXAMPLE).config().contents();
        assertThat(c).isEqualTo(Contents.DEFAULTS);
        assertThat(c.repo()).isEqualTo("helm");
        assertThat(c.chart()).isEqualTo("mojaloop/Chart.yaml");
        assertThat(c.components()).isEmpty();
        assertThat(BotConfig.DEFAULTS.contents()).isEqualTo(Contents.DEFAULTS);
        assertThat(org("contents:\n").config().contents()).isEqualTo(Contents.DEFAULTS);
        assertThat(org("contents: {}\n").problems()).isEmpty();
    }

    @Test
    void theProductExampleOfContentsParses() {
        ParsedConfig parsed = org("""
                contents:
                  repo: helm                      # the umbrella repository of the org
                  chart: mojaloop/Chart.yaml      # its chart
                  components:                     # a component name -> its repository, where they differ
                    centralledger: central-ledger
                    centralsettlement: central-settlement
                releases:
                  - version: v17.2.0
                    previous: v17.1.0             # optional
                    release-date: 2027-01-25
                    repos: [helm]
                """);
        assertThat(parsed.problems()).isEmpty();
        Contents c = parsed.config().contents();
        assertThat(c.components()).containsExactly(java.util.Map.entry("centralledger", "central-ledger"),
                java.util.Map.entry("centralsettlement", "central-settlement"));
        assertThat(c.repositoryOf("centralledger")).isEqualTo("central-ledger");
        assertThat(c.repositoryOf("CentralLedger")).isEqualTo("central-ledger");
        assertThat(c.repositoryOf("quoting-service")).isEqualTo("quoting-service");
        assertThat(c.maps("CENTRALSETTLEMENT")).isTrue();
        assertThat(c.maps("central-settlement")).isFalse();
        assertThat(parsed.config().releases().get(0).previous()).isEqualTo("v17.1.0");
    }

    @Test
    void contentsMayNameAnotherUmbrellaAndChart() {
        Contents c = org("contents:\n  repo: mojaloop/helm-charts\n  chart: charts/mojaloop/Chart.yaml\n  components: {mojaloop-bulk: bulk-api-adapter}\n")
                .config().contents();
        assertThat(c).isEqualTo(new Contents("mojaloop/helm-charts", "charts/mojaloop/Chart.yaml",
                java.util.Map.of("mojaloop-bulk", "bulk-api-adapter")));
    }

    @Test
    void contentsProblemsAreLocatedAtTheValue() {
        at(only(org("contents:\n  repos: helm\n")), 2, 3);
        assertThat(only(org("contents:\n  repos: helm\n")).message()).isEqualTo(
                "contents: unknown key repos; expected one of repo, chart, components");
        ConfigProblem repo = only(org("contents:\n  repo: \"helm charts\"\n"));
        at(repo, 2, 9);
        assertThat(repo.message()).isEqualTo("contents.repo: expected a repository name such as helm (or owner/name), found \"helm charts\"");
        assertThat(only(org("contents:\n  repo:\n")).message()).isEqualTo(
                "contents.repo: expected a repository name such as helm, found nothing");
        assertThat(only(org("contents:\n  repo: [helm]\n")).message()).contains("contents.repo: expected").contains("found a list");
        assertThat(only(org("contents: helm\n")).message()).startsWith("contents: expected a mapping with the keys repo, chart, components");
        assertThat(org("contents:\n  repo: \"helm charts\"\n").config().contents().repo()).isEqualTo("helm");
    }

    @Test
    void theChartIsAPathInsideTheRepository() {
        for (String bad : List.of("/mojaloop/Chart.yaml", "../other/Chart.yaml", "mojaloop/../../x.yaml", "mojaloop/", "mojaloop//Chart.yaml")) {
            ConfigProblem p = only(org("contents:\n  chart: \"" + bad + "\"\n"));
            at(p, 2, 10);
            assertThat(p.message()).startsWith("contents.chart: expected a file path inside the repository").endsWith("found \"" + bad + "\"");
        }
        assertThat(only(org("contents:\n  chart: \" \"\n")).message()).isEqualTo(
                "contents.chart: expected a file path such as mojaloop/Chart.yaml, found an empty text");
        assertThat(org("contents:\n  chart: Chart.yaml\n").config().contents().chart()).isEqualTo("Chart.yaml");
    }

    @Test
    void componentsAreAMappingOfChartNameToRepository() {
        ConfigProblem list = only(org("contents:\n  components: [centralledger]\n"));
        at(list, 2, 15);
        assertThat(list.message()).isEqualTo("contents.components: expected a mapping of chart name to repository "
                + "(e.g. centralledger: central-ledger), found a list");
        ConfigProblem dup = only(org("contents:\n  components:\n    centralledger: central-ledger\n    CentralLedger: central-ledger\n"));
        at(dup, 4, 5);
        assertThat(dup.message()).isEqualTo("contents.components: duplicate name CentralLedger (names are case-insensitive: "
                + "centralledger is already listed)");
        ConfigProblem same = only(org("contents:\n  components:\n    centralledger: a\n    centralledger: b\n"));
        assertThat(same.message()).isEqualTo("contents.components: duplicate name centralledger");
        ConfigProblem target = only(org("contents:\n  components:\n    centralledger: \"central ledger\"\n"));
        at(target, 3, 20);
        assertThat(target.message()).isEqualTo("contents.components.centralledger: expected a repository name such as "
                + "central-ledger (or owner/name), found \"central ledger\"");
        ConfigProblem empty = only(org("contents:\n  components:\n    centralledger:\n"));
        assertThat(empty.message()).isEqualTo("contents.components.centralledger: expected a repository name such as "
                + "central-ledger, found nothing");
        ConfigProblem name = only(org("contents:\n  components:\n    \"central ledger\": central-ledger\n"));
        at(name, 3, 5);
        assertThat(name.message()).contains("\"central ledger\" is not a chart name");
        // the good entries around a bad one are kept
        ParsedConfig mixed = org("contents:\n  components:\n    a: x\n    b: \"bad repo\"\n    c: owner/y\n");
        assertThat(mixed.config().contents().components()).containsOnlyKeys("a", "c");
    }

    @Test
    void aRepositoryFileMayNotHoldContents() {
        ConfigProblem p = only(ConfigLoader.load(ORG, EXAMPLE, REPO, "contents:\n  repo: helm\n"));
        assertThat(p.message()).contains("only reviews may be overridden").contains("move contents");
    }

    @Test
    void previousIsOptionalAndNullWhenAbsent() {
        ParsedConfig parsed = org(RELEASE);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.config().releases().get(0).previous()).isNull();
    }

    @Test
    void previousIsATagBelowTheVersion() {
        for (String ok : List.of("v17.1.0", "17.1.0", "v17.1.9", "v16.99.99", "v17.1.0-hotfix.1", "v17.2.0-rc.1")) {
            ParsedConfig parsed = org(RELEASE + "    previous: " + ok + "\n");
            assertThat(parsed.problems()).as(ok).isEmpty();
            assertThat(parsed.config().releases().get(0).previous()).isEqualTo(ok);
        }
        ConfigProblem shape = only(org(RELEASE + "    previous: 17.1\n"));
        at(shape, 5, 15);
        assertThat(shape.message()).isEqualTo("releases[v17.2.0].previous: expected a release tag such as v17.1.0, found \"17.1\"");
        assertThat(only(org(RELEASE + "    previous: latest\n")).message()).contains("found \"latest\"");
        assertThat(only(org(RELEASE + "    previous: v017.1.0\n")).message()).contains("expected a release tag");
        assertThat(only(org(RELEASE + "    previous:\n")).message()).isEqualTo(
                "releases[v17.2.0].previous: expected a release tag such as v17.1.0, found nothing");
        ConfigProblem itself = only(org(RELEASE + "    previous: 17.2.0\n"));
        assertThat(itself.message()).isEqualTo("releases[v17.2.0].previous: 17.2.0 is this release itself; name the release "
                + "it follows (e.g. the last vX.Y.Z before it)");
        ConfigProblem above = only(org(RELEASE + "    previous: v17.10.0\n"));
        at(above, 5, 15);
        assertThat(above.message()).isEqualTo("releases[v17.2.0].previous: v17.10.0 is above v17.2.0; previous is the release this one follows");
        assertThat(only(org(RELEASE + "    previous: v18.0.0\n")).message()).contains("is above");
        assertThat(only(org(RELEASE + "    previous: v99999999999999999999.0.0\n")).message()).contains("is above");
        // a release whose version is not a tag (free text) cannot be compared: only the shape is checked
        assertThat(org("releases:\n  - version: Irrawaddy\n    previous: v17.1.0\n    release-date: 2027-01-25\n    repos: [helm]\n")
                .problems()).isEmpty();
    }
}
