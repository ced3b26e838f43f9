package io.mojaloop.releasebot.core.contents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.config.Contents;
import io.mojaloop.releasebot.core.contents.Audit.MergedPullRequest;
import io.mojaloop.releasebot.core.contents.CompareResult.Commit;
import io.mojaloop.releasebot.render.Texts;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The draft notes and the story's contents and audit sections rendered from the real umbrella chart, compared
 * with golden files in {@code src/test/resources/golden/}. After an intended change of a template, regenerate
 * them with {@code -Dgolden.update=true} and review the diff.
 */
@QuarkusTest
class ContentsRenderingTest {

    static final String DRAFT = "https://release-bot.example/api/v1/releases/v17.2.0/notes";
    static final String FULL = "https://release-bot.example/api/v1/releases/v17.2.0/contents";

    @Inject
    Texts texts;

    static void golden(String name, String rendered) throws IOException {
        Path golden = Path.of("src/test/resources/golden/" + name);
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }
        assertThat(rendered).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    static void safe(String rendered) {
        // whatever people typed cannot inject markup, links or mentions
        assertThat(rendered).doesNotContain("<script>").doesNotContain("](javascript:").doesNotContain("@everyone");
    }

    String notes(ReleaseContents contents) {
        return texts.render("contents/notes.md", Map.of("n", NotesView.of(contents, ContentsExamples.LINKS))) + "\n";
    }

    String story(ReleaseContents contents) {
        return texts.render("contents/story-contents.md", Map.of("c", ContentsSection.of(contents, ContentsExamples.LINKS, DRAFT))) + "\n";
    }

    String audit(AuditSection section) {
        return texts.render("contents/story-audit.md", Map.of("a", section)) + "\n";
    }

    static List<MergedPullRequest> merged() {
        return List.of(
                new MergedPullRequest("central-ledger", 1180, "feat(mojaloop/#3130)!: settlement models move to the admin API (#1180)",
                        "https://github.com/mojaloop/central-ledger/pull/1180", "alice", ContentsExamples.sha(12), "failure", false, null, false),
                new MergedPullRequest("central-ledger", 1172, "feat(mojaloop/#3122): timeout handler distributed lock (#1172)",
                        "https://github.com/mojaloop/central-ledger/pull/1172", "bob", ContentsExamples.sha(10), "success", false, null, false),
                new MergedPullRequest("ml-api-adapter", 517, "fix: handle <script>alert(1)</script> @everyone in [link](javascript:alert(1))",
                        "https://github.com/mojaloop/ml-api-adapter/pull/517", "carol", ContentsExamples.sha(3), "success", true, null, false),
                new MergedPullRequest("quoting-service", 409, "feat(mojaloop/#409, mojaloop/#410): use updated AxiosHttpRequester (#409)",
                        "https://github.com/mojaloop/quoting-service/pull/409", "dave", ContentsExamples.sha(31), null, false,
                        "feature freeze", false),
                new MergedPullRequest("account-lookup-service", 547, "fix(mojaloop/#547): delete participant audit (#547)",
                        "https://github.com/mojaloop/account-lookup-service/pull/547", "erin", ContentsExamples.sha(21), "success", true,
                        "bug-fix freeze", false));
    }

    @Test
    void theDraftNotesOfTheRealChart() throws IOException {
        String rendered = notes(ContentsExamples.contents());
        golden("contents-notes.md", rendered);
        safe(rendered);
        // the sections in the order of Mojaloop's helm notes
        assertThat(rendered).containsSubsequence("## 0. Summary", "## 1. New Features", "## 2. Bug Fixes", "## 3. Application Versions",
                "## 4. Breaking Changes");
        assertThat(rendered).contains("1. ml-api-adapter: v16.4.1 -> [v16.5.6](https://github.com/mojaloop/ml-api-adapter/releases/tag/v16.5.6)");
        assertThat(rendered).contains("central-event-processor: v12.1.1 -> removed");
        assertThat(rendered).contains("ml-testing-toolkit-ui: new -> [v16.2.0]");
        assertThat(rendered).contains("[mojaloop/project\\#3122](https://github.com/mojaloop/project/issues/3122)");
        // the notes pass their own gate
        assertThat(NotesGate.check(ContentsExamples.contents(), rendered).status()).isEqualTo(NotesGate.Status.PASSED);
    }

    @Test
    void theStorysContentsSectionOfTheRealChart() throws IOException {
        String rendered = story(ContentsExamples.contents());
        golden("contents-story.md", rendered);
        safe(rendered);
        assertThat(rendered).contains("[v17.2.0 notes](" + DRAFT + ")");
    }

    @Test
    void theStorysAuditSection() throws IOException {
        String rendered = audit(AuditSection.of(true, Audit.rows(merged()), FULL));
        golden("contents-audit.md", rendered);
        safe(rendered);
        assertThat(rendered).contains("Merged without meeting the review rule").contains("during a freeze")
                .contains("⚠️ **Passed only by a review exception**");
        // a PR that met every rule is not listed
        assertThat(rendered).contains("/pull/1180").doesNotContain("/pull/1172");
    }

    @Test
    void anAuditWithNothingToReportAndOneThatCouldNotBeMade() {
        assertThat(audit(AuditSection.of(true, List.of(), FULL))).isEqualTo("### Audit\n\nEvery pull request in the release's changes met "
                + "the review rule, and none was merged into a freeze without an exception.\n");
        assertThat(audit(AuditSection.of(false, List.of(), FULL))).isEqualTo("### Audit\n\nNot checked: the release's changes are unknown.\n");
    }

    @Test
    void contentsThatCouldNotBeRead() {
        ReleaseContents unknown = ContentsDiff.of(Contents.DEFAULTS, "v17.2.0",
                new ReleaseTags.Selection(new ChartRef("main", ChartRef.Source.DEFAULT_BRANCH), null, List.of()),
                ChartRead.unreadable(new ChartRef("main", ChartRef.Source.DEFAULT_BRANCH), "502 Bad Gateway"), null).withCompares(List.of());
        String story = story(unknown);
        assertThat(story).startsWith("### Contents\n\nThe release's chart could not be read, so its contents are unknown.\n")
                .contains("- helm:mojaloop/Chart.yaml@\u200Bmain: could not be read at the default branch main \\(502 Bad Gateway\\)");
        String notes = notes(unknown);
        assertThat(notes).contains("**The release's chart could not be read, so its contents are unknown.**")
                .contains("**This draft is incomplete.**").contains("No components known.");
    }

    /** A hostile release: a thousand components with long names that escape to twice their length, long titles. */
    static ReleaseContents huge() {
        StringBuilder now = new StringBuilder();
        StringBuilder before = new StringBuilder();
        String name = "a_" + "_".repeat(150);
        for (int i = 0; i < 1000; i++) {
            now.append(name).append(i).append(": v2.0.0-").append("_".repeat(1)).append("x".repeat(100)).append("; ");
            before.append(name).append(i).append(": v1.0.0; ");
        }
        ContentsDiff diff = ContentsDiffTest.diff(ContentsDiffTest.chart(now.toString().replace("-_", "-")),
                ContentsDiffTest.chart(before.toString()));
        List<CompareResult> results = new ArrayList<>();
        for (CompareRequest r : diff.compares()) {
            results.add(CompareResult.failed(r, CompareResult.Failure.REFUSED, "*".repeat(500)));
        }
        return diff.withCompares(results);
    }

    @Test
    void theStorySectionsStayBoundedWhateverTheRelease() {
        ReleaseContents huge = huge();
        assertThat(huge.changed()).hasSize(1000);
        assertThat(huge.problems()).hasSize(1000);
        String story = story(huge);
        assertThat(story.length()).isLessThan(16_000);
        assertThat(story).contains("… and 975 more changed components, in the full draft.").contains("- … and 995 more, in the full draft.");
        List<MergedPullRequest> merged = new ArrayList<>();
        for (int i = 1; i <= 5000; i++) {
            merged.add(new MergedPullRequest("r_" + "_".repeat(100), i, "*".repeat(300), "https://github.com/mojaloop/r/pull/" + i,
                    "a-login-of-thirty-nine-characters-xxxxx", ContentsExamples.sha(i), null, false, "_".repeat(100), false));
        }
        String audit = audit(AuditSection.of(true, Audit.rows(merged), FULL));
        assertThat(audit.length()).isLessThan(16_000);
        assertThat(audit).contains("… and 4980 more pull requests: [the full list](" + FULL + ").");
        // both sections together leave most of GitHub's 65,536 characters to the rest of the story
        assertThat(story.length() + audit.length()).isLessThan(32_000);
    }
}
