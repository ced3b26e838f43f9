package io.mojaloop.releasebot.core.contents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.config.Contents;
import io.mojaloop.releasebot.core.contents.NotesGate.Check;
import io.mojaloop.releasebot.core.contents.NotesGate.Missing;
import io.mojaloop.releasebot.core.contents.NotesGate.Status;

class NotesGateTest {

    static ReleaseContents contents(String now, String before) {
        return ContentsDiffTest.diff(now, before).withCompares(List.of());
    }

    static final ReleaseContents SMALL = contents(
            ContentsDiffTest.chart("central-ledger: v19.7.4; ml-testing-toolkit: v18.11.2; quoting-service: v17.12.0; gone: v1.0.0"),
            ContentsDiffTest.chart("central-ledger: v19.7.3; ml-testing-toolkit: v18.11.1; quoting-service: v17.12.0; gone: v1.0.0; "
                    + "central-event-processor: v12.1.1"));

    @Test
    void pendingWhileThereAreNoNotes() {
        Check check = NotesGate.check(SMALL, null);
        assertThat(check.status()).isEqualTo(Status.PENDING);
        assertThat(check.missing()).isEmpty();
    }

    @Test
    void pendingWhenTheChartCouldNotBeRead() {
        ReleaseContents unknown = ContentsDiff.of(Contents.DEFAULTS, "v2.0.0", ContentsDiffTest.SELECTION,
                ChartRead.notFound(ContentsDiffTest.NOW), null).withCompares(List.of());
        assertThat(NotesGate.check(unknown, "anything").status()).isEqualTo(Status.PENDING);
    }

    @Test
    void passesWhenEveryChangedComponentIsNamedAtItsNewVersion() {
        String notes = """
                ## 3. Application Versions

                1. central-ledger: v19.7.3 ->                     [v19.7.4](https://github.com/mojaloop/central-ledger/releases/v19.7.4)
                2. ml-testing-toolkit: v18.11.1 -> **18.11.2**
                """;
        Check check = NotesGate.check(SMALL, notes);
        assertThat(check.status()).isEqualTo(Status.PASSED);
        assertThat(check.required()).isEqualTo(2);
        // a table, other case, a link naming both
        assertThat(NotesGate.check(SMALL, "| Central-Ledger | `v19.7.4` |\n"
                + "https://github.com/mojaloop/ml-testing-toolkit/releases/tag/v18.11.2\n").status()).isEqualTo(Status.PASSED);
    }

    @Test
    void failsListingWhatIsMissing() {
        Check check = NotesGate.check(SMALL, "1. central-ledger: v19.7.4\n");
        assertThat(check.status()).isEqualTo(Status.FAILED);
        assertThat(check.missing()).containsExactly(new Missing("ml-testing-toolkit", "ml-testing-toolkit", "v18.11.2", false));
        Check empty = NotesGate.check(SMALL, "");
        assertThat(empty.status()).isEqualTo(Status.FAILED);
        assertThat(empty.missing()).extracting(Missing::name).containsExactly("central-ledger", "ml-testing-toolkit");
    }

    @Test
    void aComponentNamedAtAnOldVersionIsMissing() {
        Check check = NotesGate.check(SMALL, "central-ledger: v19.7.3\nml-testing-toolkit: v18.11.2\n");
        assertThat(check.status()).isEqualTo(Status.FAILED);
        assertThat(check.missing()).containsExactly(new Missing("central-ledger", "central-ledger", "v19.7.4", true));
        // the version on another line does not count
        assertThat(NotesGate.check(SMALL, "central-ledger\nv19.7.4\nml-testing-toolkit v18.11.2").missing())
                .extracting(Missing::name).containsExactly("central-ledger");
    }

    @Test
    void namesAndVersionsAreWholeWords() {
        // ml-testing-toolkit-ui is not ml-testing-toolkit; v19.7.40 and v19.7.4-snapshot.1 are not v19.7.4
        Check check = NotesGate.check(SMALL, "central-ledger: v19.7.40\ncentral-ledger: v19.7.4-snapshot.1\ncentral-ledger: 119.7.4\n"
                + "ml-testing-toolkit-ui: v18.11.2\nmy-ml-testing-toolkit: v18.11.2\n");
        assertThat(check.missing()).containsExactly(new Missing("central-ledger", "central-ledger", "v19.7.4", true),
                new Missing("ml-testing-toolkit", "ml-testing-toolkit", "v18.11.2", false));
        // punctuation after a version is fine
        assertThat(NotesGate.check(SMALL, "central-ledger is at v19.7.4. ml-testing-toolkit (v18.11.2)").status()).isEqualTo(Status.PASSED);
    }

    @Test
    void theRepositoryNameCountsToo() {
        ReleaseContents mapped = ContentsDiffTest.diff(new Contents("helm", "c", Map.of("centralledger", "central-ledger")),
                ContentsDiffTest.chart("centralledger: v19.7.4"), ContentsDiffTest.chart("centralledger: v19.7.3")).withCompares(List.of());
        assertThat(NotesGate.check(mapped, "central-ledger v19.7.4").status()).isEqualTo(Status.PASSED);
        assertThat(NotesGate.check(mapped, "centralledger v19.7.4").status()).isEqualTo(Status.PASSED);
        ReleaseContents owned = ContentsDiffTest.diff(new Contents("helm", "c", Map.of("x", "other-org/x-svc")),
                ContentsDiffTest.chart("x: v2.0.0"), ContentsDiffTest.chart("x: v1.0.0")).withCompares(List.of());
        assertThat(NotesGate.check(owned, "x-svc: v2.0.0").status()).isEqualTo(Status.PASSED);
    }

    @Test
    void addedAndNotSemverComponentsAreRequiredRemovedAndUnchangedAreNot() {
        ReleaseContents c = contents(ContentsDiffTest.chart("new-svc: v1.0.0; odd: build-7; same: v1.0.0", "chart-only"),
                ContentsDiffTest.chart("odd: build-6; same: v1.0.0; old-svc: v3.0.0"));
        Check check = NotesGate.check(c, "nothing here");
        assertThat(check.missing()).extracting(Missing::name, Missing::version).containsExactly(
                org.assertj.core.groups.Tuple.tuple("new-svc", "v1.0.0"), org.assertj.core.groups.Tuple.tuple("odd", "build-7"),
                org.assertj.core.groups.Tuple.tuple("chart-only", null));
        // an added component of unknown version is named by its name alone
        assertThat(NotesGate.check(c, "new-svc v1.0.0\nodd build-7\nchart-only (new)").status()).isEqualTo(Status.PASSED);
    }

    @Test
    void withoutAPreviousReleaseEveryComponentWithAVersionIsRequired() {
        ReleaseTags.Selection first = new ReleaseTags.Selection(ContentsDiffTest.NOW, null, List.of());
        ReleaseContents c = ContentsDiff.of(Contents.DEFAULTS, "v2.0.0", first, ChartRead.of(ContentsDiffTest.NOW,
                ContentsDiffTest.chart("a: v1.0.0; b: v2.0.0", "dep")), null).withCompares(List.of());
        Check check = NotesGate.check(c, "a v1.0.0");
        assertThat(check.missing()).extracting(Missing::name).containsExactly("b");
        assertThat(check.required()).isEqualTo(2);
    }

    @Test
    void nothingChangedPassesOnceNotesExist() {
        ReleaseContents same = contents(ContentsDiffTest.chart("a: v1.0.0"), ContentsDiffTest.chart("a: v1.0.0"));
        assertThat(NotesGate.check(same, "No changes.").status()).isEqualTo(Status.PASSED);
        assertThat(NotesGate.check(same, null).status()).isEqualTo(Status.PENDING);
    }

    @Test
    void theRealChartsNotes() {
        ReleaseContents c = ContentsExamples.contents();
        Check none = NotesGate.check(c, "# Helm Release Notes\n");
        assertThat(none.missing()).extracting(Missing::name).containsExactly("ml-api-adapter", "central-ledger", "account-lookup-service",
                "quoting-service", "central-settlement", "sdk-scheme-adapter", "auth-service", "ml-testing-toolkit-ui");
        StringBuilder notes = new StringBuilder("## 3. Application Versions\n");
        for (Component comp : c.changed()) {
            notes.append("1. ").append(comp.name()).append(": ").append(comp.previous() == null ? "" : comp.previous()).append(" -> ")
                    .append(comp.version()).append('\n');
        }
        assertThat(NotesGate.check(c, notes.toString()).status()).isEqualTo(Status.PASSED);
    }
}
