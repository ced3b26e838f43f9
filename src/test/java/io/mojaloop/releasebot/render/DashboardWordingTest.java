package io.mojaloop.releasebot.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.bot.Observed;
import io.mojaloop.releasebot.core.config.ConfigProblem;
import io.mojaloop.releasebot.core.config.Freeze;
import io.mojaloop.releasebot.core.story.ReleaseReadiness;
import io.mojaloop.releasebot.core.contents.ContentsExamples;
import io.mojaloop.releasebot.core.story.StoryFacts;
import io.mojaloop.releasebot.core.story.StoryView;
import io.mojaloop.releasebot.core.story.StoryWordingTest;
import io.mojaloop.releasebot.web.Dashboard;
import io.mojaloop.releasebot.web.Timeline;
import io.quarkus.test.junit.QuarkusTest;

/** The dashboard with a story holding every kind of evidence, a timeline, blocked PRs and errors: {@code wording/dashboard.html}. */
@QuarkusTest
class DashboardWordingTest {

    static final Instant NOW = Instant.parse("2027-01-04T12:00:00Z");

    @Inject
    Texts texts;

    @Test
    void theWholePage() throws IOException {
        StoryFacts evidence = StoryWordingTest.evidence();
        StoryFacts released = StoryWordingTest.released();
        StoryView story = ReleaseReadiness.evaluate(evidence, NOW);
        var cards = List.of(
                new Dashboard.ReleaseCard(evidence.release(), Timeline.of(evidence.release(), Freeze.DEFAULTS, NOW), story,
                        NOW.minusSeconds(60), "https://github.com", true),
                new Dashboard.ReleaseCard(released.release(), Timeline.of(released.release(), Freeze.DEFAULTS, NOW), null, null,
                        "https://github.com", true));
        var orgs = List.of(
                new Dashboard.OrgCard("mojaloop", List.of(), cards, List.of(new Observed.BlockedPr("mojaloop/central-ledger", 7,
                        "release-freeze", "Blocked by the feature freeze of v17.2.0 until Mon 25 Jan 2027", NOW))),
                new Dashboard.OrgCard("broken-org", List.of(new ConfigProblem("release-bot.yml", 3, 5, "unknown key <x>")), List.of(),
                        List.of()));
        String page = texts.render("dashboard/releases.html", Map.ofEntries(Map.entry("orgs", orgs),
                Map.entry("time", new TimeTexts(NOW)), Map.entry("now", NOW), Map.entry("web", "https://github.com"),
                Map.entry("dryRun", true), Map.entry("wouldWrite", List.of(new Observed.WouldWrite(NOW, "POST",
                        "/repos/mojaloop/central-ledger/check-runs", "review-rules: failure (0 of 2 organisations, 0 of 2 approvals)"))),
                Map.entry("wouldWriteCount", 1), Map.entry("showWrites", true), Map.entry("hidden", 0),
                Map.entry("error", "timeout <after 30s>")));
        Wording.matches("dashboard.html", page);
        String empty = texts.render("dashboard/releases.html", Map.ofEntries(Map.entry("orgs", List.of()),
                Map.entry("time", new TimeTexts(NOW)), Map.entry("now", NOW), Map.entry("web", "https://github.com"),
                Map.entry("dryRun", false), Map.entry("wouldWrite", List.of()), Map.entry("wouldWriteCount", 0),
                Map.entry("showWrites", false), Map.entry("hidden", 0), Map.entry("error", "")));
        Wording.matches("dashboard-empty.html", empty);
    }

    @Test
    void aReleasesContentsAndAudit() throws IOException {
        StoryFacts base = StoryWordingTest.facts(StoryWordingTest.evidence().release(), List.of(StoryWordingTest.NOTES), List.of(), List.of(), null,
                StoryWordingTest.notesInFile(), List.of());
        StoryFacts facts = StoryWordingTest.withContents(base, "central-ledger v19.7.4", ContentsExamples.contents(),
                StoryWordingTest.MERGED, List.of());
        StoryView story = ReleaseReadiness.evaluate(facts, NOW);
        var cards = List.of(new Dashboard.ReleaseCard(facts.release(), Timeline.of(facts.release(), Freeze.DEFAULTS, NOW), story,
                NOW.minusSeconds(60), "https://github.com", true));
        String page = texts.render("dashboard/releases.html", Map.ofEntries(Map.entry("orgs", List.of(new Dashboard.OrgCard("mojaloop",
                List.of(), cards, List.of()))), Map.entry("time", new TimeTexts(NOW)), Map.entry("now", NOW),
                Map.entry("web", "https://github.com"), Map.entry("dryRun", false), Map.entry("wouldWrite", List.of()),
                Map.entry("wouldWriteCount", 0), Map.entry("showWrites", false), Map.entry("hidden", 0), Map.entry("error", "")));
        Wording.matches("dashboard-contents.html", page);
        assertThat(page).contains("<strong>Contents:</strong> 8 of 21 components changed since v17.1.0 (<a href=\"https://release-bot.example.org/api/v1/releases/v17.2.0/notes\"")
                .contains("<tr><td>central-ledger</td><td class=\"wide\">v19.3.0</td><td>v19.7.4</td><td>minor</td><td class=\"wide\">1</td><td class=\"wide\">2</td><td class=\"wide\">1</td></tr>")
                .contains("<strong>Audit:</strong> 2 merged pull requests did not meet the rules (1 without the review rule, 1 by a review exception, 1 during a freeze).");
    }
}
