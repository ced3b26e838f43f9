package io.mojaloop.releasebot.core.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.Freeze;
import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.core.config.GateKind;
import io.mojaloop.releasebot.core.report.TtkOutcome;
import io.mojaloop.releasebot.core.report.TtkRecord;
import io.mojaloop.releasebot.core.story.GateCommand.Action;
import io.mojaloop.releasebot.core.story.StoryFacts.RepoStandard;
import io.mojaloop.releasebot.core.story.StoryFacts.ReleaseNotes;
import io.mojaloop.releasebot.core.story.StoryFacts.TtkEvidence;
import io.mojaloop.releasebot.core.story.StoryView.GateRow;
import io.mojaloop.releasebot.core.story.StoryView.DetailStatus;
import io.mojaloop.releasebot.core.story.StoryView.GateStatus;
import io.mojaloop.releasebot.core.story.StoryView.ImplementerDetail;
import io.mojaloop.releasebot.core.story.StoryView.StandardDetail;

class GateEvidenceTest {

    static final Gate GP_DEV = new Gate("golden-path-dev", "GP on dev", "GP Tests", null, null, "dev", null);
    static final Gate GP_ANY = new Gate("golden-path", "GP", "GP Tests", null);
    static final Gate DOWNSTREAM = new Gate("downstream", "Downstream", null, null);
    static final Gate STANDARDS = new Gate("repo-standards", "Standards", null, null);
    static final Gate NOTES = new Gate("release-notes", "Notes", null, null);

    static TtkEvidence report(String env, int total, int failed, String at) {
        return new TtkEvidence(new TtkRecord("GP Tests", env, total, total - failed, failed, 0, "r-" + at, null),
                Instant.parse(at), "https://github.com/mojaloop/project/issues/4300#issuecomment-" + at.hashCode());
    }

    static StoryFacts facts(List<Gate> gates, List<GateCommand> commands, List<TtkEvidence> reports, List<RepoStandard> standards,
            ReleaseNotes notes) {
        return new StoryFacts(StoryExamples.V17, Freeze.DEFAULTS, gates, commands, Map.of(), List.of(), List.of(), List.of(),
                List.of(), reports, BotConfig.DEFAULT_IMPLEMENTERS, standards, notes);
    }

    static GateRow row(StoryFacts facts) {
        return ReleaseReadiness.evaluate(facts, StoryExamples.NOW).gates().get(0);
    }

    @Test
    void aTtkGatePassesOnlyWithNoFailureAndSomeAssertions() {
        assertThat(row(facts(List.of(GP_ANY), List.of(), List.of(report("dev", 10, 0, "2027-01-01T00:00:00Z")), null, null)).status())
                .isEqualTo(GateStatus.PASSED);
        assertThat(row(facts(List.of(GP_ANY), List.of(), List.of(report("dev", 10, 1, "2027-01-01T00:00:00Z")), null, null)).status())
                .isEqualTo(GateStatus.FAILED);
        assertThat(row(facts(List.of(GP_ANY), List.of(), List.of(report("dev", 0, 0, "2027-01-01T00:00:00Z")), null, null)).status())
                .isEqualTo(GateStatus.FAILED);
        assertThat(row(facts(List.of(GP_ANY), List.of(), List.of(), null, null)).status()).isEqualTo(GateStatus.PENDING);
    }

    static TtkEvidence skipping(String env, int total, Integer skipped, String at) {
        return new TtkEvidence(new TtkRecord("GP Tests", env, total, skipped == null ? total : total - skipped, 0, skipped, "r-" + at, null),
                Instant.parse(at), "https://github.com/mojaloop/project/issues/4300#issuecomment-" + at.hashCode());
    }

    static final Gate GP_ALLOWS_SKIPPED = new Gate("golden-path", "GP", "GP Tests", null, GateKind.TTK, null, null, null, true);

    @Test
    void skippedAssertionsPassATtkGateOnlyWhenItAllowsThem() {
        List<TtkEvidence> skipped = List.of(skipping("dev", 10, 2, "2027-01-01T00:00:00Z"));
        GateRow strict = row(facts(List.of(GP_ANY), List.of(), skipped, null, null));
        assertThat(strict.status()).isEqualTo(GateStatus.FAILED);
        assertThat(strict.details()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DetailStatus.FAILED);
            assertThat(((StoryView.TtkDetail) d).outcome()).isEqualTo(TtkOutcome.SKIPPED);
        });
        assertThat(row(facts(List.of(GP_ALLOWS_SKIPPED), List.of(), skipped, null, null)).status()).isEqualTo(GateStatus.PASSED);
        // every assertion skipped: still nothing failed, but nothing was tested either
        List<TtkEvidence> allSkipped = List.of(skipping("dev", 3, 3, "2027-01-01T00:00:00Z"));
        assertThat(row(facts(List.of(GP_ANY), List.of(), allSkipped, null, null)).status()).isEqualTo(GateStatus.FAILED);
        assertThat(row(facts(List.of(GP_ALLOWS_SKIPPED), List.of(), allSkipped, null, null)).status()).isEqualTo(GateStatus.FAILED);
        // a later full run replaces it
        List<TtkEvidence> thenFull = List.of(skipping("dev", 10, 2, "2027-01-01T00:00:00Z"), skipping("dev", 10, 0, "2027-01-02T00:00:00Z"));
        assertThat(row(facts(List.of(GP_ANY), List.of(), thenFull, null, null)).status()).isEqualTo(GateStatus.PASSED);
    }

    @Test
    void aRecordWithoutTheSkippedCountIsMissingEvidenceNotAPass() {
        List<TtkEvidence> unknown = List.of(skipping("dev", 10, null, "2027-01-01T00:00:00Z"));
        GateRow strict = row(facts(List.of(GP_ANY), List.of(), unknown, null, null));
        assertThat(strict.status()).isEqualTo(GateStatus.PENDING);
        assertThat(strict.details()).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(DetailStatus.PENDING));
        assertThat(row(facts(List.of(GP_ALLOWS_SKIPPED), List.of(), unknown, null, null)).status()).isEqualTo(GateStatus.PASSED);
        // with another environment failing, the gate fails
        List<TtkEvidence> qaFails = List.of(unknown.get(0), report("qa", 10, 1, "2027-01-02T00:00:00Z"));
        assertThat(row(facts(List.of(GP_ANY), List.of(), qaFails, null, null)).status()).isEqualTo(GateStatus.FAILED);
    }

    @Test
    void theLatestReportPerEnvironmentWins() {
        List<TtkEvidence> reports = List.of(report("dev", 10, 3, "2027-01-01T00:00:00Z"), report("dev", 10, 0, "2027-01-02T00:00:00Z"),
                report("qa", 10, 0, "2027-01-01T12:00:00Z"));
        GateRow any = row(facts(List.of(GP_ANY), List.of(), reports, null, null));
        assertThat(any.status()).isEqualTo(GateStatus.PASSED);
        assertThat(any.details()).extracting(StoryView.Detail::label).containsExactly("dev", "qa");
        List<TtkEvidence> qaFails = List.of(report("dev", 10, 0, "2027-01-02T00:00:00Z"), report("qa", 10, 2, "2027-01-03T00:00:00Z"));
        assertThat(row(facts(List.of(GP_ANY), List.of(), qaFails, null, null)).status()).isEqualTo(GateStatus.FAILED);
        // a gate scoped to dev ignores the failing QA run
        assertThat(row(facts(List.of(GP_DEV), List.of(), qaFails, null, null)).status()).isEqualTo(GateStatus.PASSED);
    }

    @Test
    void commandsAndReportsInTimeOrder() {
        List<TtkEvidence> failing = List.of(report("dev", 10, 1, "2027-01-01T00:00:00Z"));
        GateCommand passLater = new GateCommand("golden-path", Action.PASS, null, "flaky test, accepted", "henry",
                Instant.parse("2027-01-02T00:00:00Z"), null);
        assertThat(row(facts(List.of(GP_ANY), List.of(passLater), failing, null, null)).status()).isEqualTo(GateStatus.PASSED);
        List<TtkEvidence> failingAfter = List.of(report("dev", 10, 1, "2027-01-03T00:00:00Z"));
        assertThat(row(facts(List.of(GP_ANY), List.of(passLater), failingAfter, null, null)).status()).isEqualTo(GateStatus.FAILED);
        GateCommand reset = new GateCommand("golden-path", Action.RESET, null, null, "henry", Instant.parse("2027-01-04T00:00:00Z"), null);
        assertThat(row(facts(List.of(GP_ANY), List.of(passLater, reset), failingAfter, null, null)).status()).isEqualTo(GateStatus.PENDING);
    }

    static GateCommand downstream(Action action, String note, String at) {
        return new GateCommand("downstream", action, "https://ci.example/" + at.hashCode(), note, "henry", Instant.parse(at), null);
    }

    @Test
    void downstreamPassesWhenOneImplementerValidated() {
        GateRow none = row(facts(List.of(DOWNSTREAM), List.of(), List.of(), null, null));
        assertThat(none.status()).isEqualTo(GateStatus.PENDING);
        assertThat(none.details()).extracting(StoryView.Detail::label).containsExactly("mini-loop", "iac", "core-test-harness");
        GateRow failed = row(facts(List.of(DOWNSTREAM), List.of(downstream(Action.FAIL, "iac could not deploy", "2027-01-01T00:00:00Z")),
                List.of(), null, null));
        assertThat(failed.status()).isEqualTo(GateStatus.FAILED);
        GateRow passed = row(facts(List.of(DOWNSTREAM), List.of(downstream(Action.FAIL, "iac could not deploy", "2027-01-01T00:00:00Z"),
                downstream(Action.PASS, "Mini-Loop deployed rc.1", "2027-01-02T00:00:00Z")), List.of(), null, null));
        assertThat(passed.status()).isEqualTo(GateStatus.PASSED);
        assertThat(passed.details()).extracting(StoryView.Detail::status).containsExactly(DetailStatus.PASSED, DetailStatus.FAILED,
                DetailStatus.PENDING);
        // StoryWordingTest: "validated by henry: deployed rc.1"
        assertThat(passed.details().get(0)).isEqualTo(new ImplementerDetail("mini-loop", DetailStatus.PASSED,
                "https://ci.example/" + "2027-01-02T00:00:00Z".hashCode(), "henry", "deployed rc.1"));
        GateRow reset = row(facts(List.of(DOWNSTREAM), List.of(downstream(Action.PASS, "mini-loop ok", "2027-01-02T00:00:00Z"),
                downstream(Action.RESET, "mini-loop", "2027-01-03T00:00:00Z")), List.of(), null, null));
        assertThat(reset.status()).isEqualTo(GateStatus.PENDING);
    }

    @Test
    void repoStandards() {
        RepoStandard good = new RepoStandard("mojaloop/central-ledger", true, true, true, List.of());
        RepoStandard noLicense = new RepoStandard("mojaloop/helm", true, false, true, List.of("release-freeze"));
        RepoStandard unknown = new RepoStandard("mojaloop/ml-api-adapter", true, true, null, List.of());
        assertThat(STANDARDS.kind()).isEqualTo(GateKind.REPO_STANDARDS);
        assertThat(row(facts(List.of(STANDARDS), List.of(), List.of(), List.of(good), null)).status()).isEqualTo(GateStatus.PASSED);
        GateRow failing = row(facts(List.of(STANDARDS), List.of(), List.of(), List.of(good, noLicense, unknown), null));
        assertThat(failing.status()).isEqualTo(GateStatus.FAILED);
        // StoryWordingTest: "no LICENSE; branch protection does not require release-freeze"
        assertThat(failing.details().get(1)).isEqualTo(new StandardDetail("helm", DetailStatus.FAILED, noLicense));
        assertThat(noLicense.problems()).containsExactly(RepoStandard.Problem.NO_LICENSE, RepoStandard.Problem.MISSING_CHECKS);
        GateRow notReadable = row(facts(List.of(STANDARDS), List.of(), List.of(), List.of(good, unknown), null));
        assertThat(notReadable.status()).isEqualTo(GateStatus.PENDING);
        // StoryWordingTest: "unknown: the app needs administration read"
        assertThat(notReadable.needsAdministrationRead()).isTrue();
        assertThat(notReadable.details().get(1).status()).isEqualTo(DetailStatus.UNKNOWN);
        assertThat(row(facts(List.of(STANDARDS), List.of(), List.of(), null, null)).status()).isEqualTo(GateStatus.PENDING);
    }

    @Test
    void releaseNotes() {
        assertThat(row(facts(List.of(NOTES), List.of(), List.of(), null,
                ReleaseNotes.file(".changelog/release-v17.2.0.md", "mojaloop/helm", "https://github.com/mojaloop/helm/blob/main/.changelog/release-v17.2.0.md")))
                .status()).isEqualTo(GateStatus.PASSED);
        assertThat(row(facts(List.of(NOTES), List.of(), List.of(), null, ReleaseNotes.missing(".changelog/release-v17.2.0.md", "mojaloop/helm", "v17.2.0"))).status())
                .isEqualTo(GateStatus.PENDING);
    }
}
