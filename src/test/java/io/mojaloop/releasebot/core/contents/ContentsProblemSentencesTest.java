package io.mojaloop.releasebot.core.contents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.contents.ChartRef.Source;
import io.mojaloop.releasebot.core.contents.ContentsProblem.Found;
import io.mojaloop.releasebot.core.contents.ContentsProblem.Kind;
import io.mojaloop.releasebot.core.contents.ContentsProblem.Location;
import io.mojaloop.releasebot.render.ContentsProblems;
import io.mojaloop.releasebot.render.Texts;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every kind of contents problem, made of plain facts, rendered from {@code templates/contents/problem.txt}: a
 * kind added without its sentence (here and in the template) fails, and whatever the facts hold, the Markdown
 * cannot take markup, links or mentions from them.
 */
@QuarkusTest
class ContentsProblemSentencesTest {

    static final String FILE = "helm:mojaloop/Chart.yaml@v17.2.0-rc.1";
    static final Location FILE_ONLY = Location.of(FILE);
    static final Location LINE_5 = new Location(FILE, 5, 0);
    static final CompareRequest LEDGER = new CompareRequest("central-ledger", "central-ledger", "v19.3.0", "v19.7.4");
    static final String HOSTILE = "<b>@everyone</b> [x](javascript:alert(1))";

    @Inject
    ContentsProblems problems;
    @Inject
    Texts texts;

    record Example(ContentsProblem problem, String sentence) {
    }

    static final Map<Kind, Example> EXAMPLES = new EnumMap<>(Kind.class);

    static void example(ContentsProblem problem, String sentence) {
        assertThat(EXAMPLES.put(problem.kind(), new Example(problem, sentence))).as("one example per kind").isNull();
    }

    static {
        example(ContentsProblem.release(Kind.NOT_A_VERSION, "Irrawaddy"), "The release version Irrawaddy is not a vX.Y.Z tag, so its "
                + "previous release cannot be found: set previous: for it in release-bot.yml; nothing is compared");
        example(ContentsProblem.release(Kind.NO_PREVIOUS_RELEASE, "v1.0.0"), "No full vX.Y.Z release below v1.0.0 was found, so there is "
                + "no previous release to compare with (set previous: for it in release-bot.yml); nothing is compared");
        example(ContentsProblem.chartRead(Kind.CHART_NOT_FOUND, FILE_ONLY, "mojaloop/Chart.yaml", new ChartRef("v17.2.0-rc.1",
                Source.CANDIDATE), null), FILE + ": mojaloop/Chart.yaml was not found at the candidate tag v17.2.0-rc.1; the release's "
                        + "components are unknown");
        example(ContentsProblem.chartRead(Kind.CHART_UNREADABLE, Location.of("helm:mojaloop/Chart.yaml@v17.1.0"), "mojaloop/Chart.yaml",
                new ChartRef("v17.1.0", Source.PREVIOUS_HIGHEST), "502 Bad Gateway"), "helm:mojaloop/Chart.yaml@v17.1.0: could not be read "
                        + "at the previous release's tag v17.1.0 (502 Bad Gateway); the previous release's chart is unknown, so no "
                        + "component's change is known");
        example(ContentsProblem.notYaml(new Location(FILE, 3, 7), "while scanning a quoted scalar: found unexpected end of stream"),
                FILE + ":3:7: the chart is not valid YAML (while scanning a quoted scalar: found unexpected end of stream), so the "
                        + "release's components are unknown");
        example(ContentsProblem.chart(Kind.CHART_EMPTY, null, FILE_ONLY, null, null),
                FILE + ": the chart is empty, so the release's components are unknown");
        example(ContentsProblem.shape(Kind.NOT_A_MAPPING, new Location(FILE, 1, 0), Found.TEXT, "just text", 0),
                FILE + ":1: the chart is not a mapping (found \"just text\"), so the release's components are unknown");
        example(ContentsProblem.chart(Kind.KEY_TWICE, null, LINE_5, "dependencies", null),
                FILE + ":5: the chart gives dependencies twice; the first is used");
        example(ContentsProblem.chart(Kind.NO_APP_VERSION, null, FILE_ONLY, null, null),
                FILE + ": the chart has no appVersion (\"name: vX.Y.Z; ...\"), so no component's version is known");
        example(ContentsProblem.shape(Kind.APP_VERSION_NOT_TEXT, LINE_5, Found.MAPPING, null, 0),
                FILE + ":5: appVersion is a mapping, not a text \"name: vX.Y.Z; ...\", so no component's version is known");
        example(ContentsProblem.chart(Kind.APP_VERSION_NOT_A_LIST, null, LINE_5, null, "17.0.4"),
                FILE + ":5: appVersion \"17.0.4\" is not a list of \"name: vX.Y.Z; ...\", so no component's version is known");
        example(ContentsProblem.chart(Kind.PART_NOT_NAME_VERSION, null, LINE_5, null, "central-ledger v19.7.4"),
                FILE + ":5: appVersion part \"central-ledger v19.7.4\" is not \"name: version\"; it is left out");
        example(ContentsProblem.chart(Kind.PART_NO_NAME, null, LINE_5, null, ": v1.0.0"),
                FILE + ":5: appVersion part \": v1.0.0\" has no name; it is left out");
        example(ContentsProblem.chart(Kind.PART_BAD_NAME, null, LINE_5, "ml api adapter", "ml api adapter: v1"), FILE + ":5: appVersion "
                + "part \"ml api adapter: v1\": \"ml api adapter\" is not a chart name (letters, digits, ., - and _); it is left out");
        example(ContentsProblem.chart(Kind.NO_VERSION, "quoting-service", LINE_5, "quoting-service", null),
                FILE + ":5: appVersion names quoting-service without a version; its version is unknown");
        example(ContentsProblem.chart(Kind.NOT_ONE_VERSION, "auth-service", LINE_5, "auth-service", "v15.2.5, thirdparty-sdk: v15.1.3"),
                FILE + ":5: appVersion gives auth-service the version \"v15.2.5, thirdparty-sdk: v15.1.3\", which is not one version "
                        + "(a ; missing?); its version is unknown");
        example(ContentsProblem.listedTwice("central-ledger", LINE_5, "Central-Ledger", "v19.7.4", null),
                FILE + ":5: appVersion lists Central-Ledger twice, at v19.7.4 and no version; the first is used");
        example(ContentsProblem.chart(Kind.NO_COMPONENT, null, LINE_5, null, null),
                FILE + ":5: appVersion lists no component, so no component's version is known");
        example(ContentsProblem.shape(Kind.DEPENDENCIES_NOT_A_LIST, LINE_5, Found.OTHER, null, 0),
                FILE + ":5: dependencies is something else, not a list; no component is read from it");
        example(ContentsProblem.shape(Kind.DEPENDENCY_NOT_A_MAPPING, LINE_5, Found.NOTHING, null, 2),
                FILE + ":5: dependencies[2] is nothing, not a mapping with a name; it is left out");
        example(ContentsProblem.dependency(Kind.DEPENDENCY_NO_NAME, LINE_5, 0, null),
                FILE + ":5: dependencies[0] has no name; it is left out");
        example(ContentsProblem.dependency(Kind.DEPENDENCY_BAD_NAME, LINE_5, 3, "a b"),
                FILE + ":5: dependencies[3]: \"a b\" is not a chart name; it is left out");
        example(ContentsProblem.inPreviousChart(ContentsProblem.shape(Kind.APP_VERSION_NOT_TEXT, new Location(
                "helm:mojaloop/Chart.yaml@v17.1.0", 4, 0), Found.LIST, null, 0)), "In the previous release's chart: "
                        + "helm:mojaloop/Chart.yaml@v17.1.0:4: appVersion is a list, not a text \"name: vX.Y.Z; ...\", so no component's "
                        + "version is known");
        example(ContentsProblem.wentDown("central-ledger", "v19.7.4", "v19.6.0"),
                "central-ledger went down from v19.7.4 to v19.6.0 since the previous release; its commits are not compared");
        example(ContentsProblem.compare(Kind.NOT_COMPARED, "central-ledger", LEDGER, null),
                "central-ledger: central-ledger was not compared (v19.3.0...v19.7.4); its changes are not listed");
        example(ContentsProblem.compare(Kind.REPOSITORY_NOT_FOUND, "centralledger", new CompareRequest("centralledger", "centralledger",
                "v1.0.0", "v1.1.0"), null), "centralledger: no repository centralledger was found; if the chart name is not the "
                        + "repository's, map it in contents.components (centralledger: <repository>); its changes are not listed");
        example(ContentsProblem.compare(Kind.MAPPED_REPOSITORY_NOT_FOUND, "centralledger", new CompareRequest("centralledger",
                "central-ledgr", "v1.0.0", "v1.1.0"), null),
                "centralledger: the repository central-ledgr (as contents.components maps it) was not found; its changes are not listed");
        example(ContentsProblem.compare(Kind.TAG_NOT_FOUND, "central-ledger", LEDGER, null), "central-ledger: GitHub found no tag v19.3.0 "
                + "or v19.7.4 in central-ledger (compare v19.3.0...v19.7.4 answered 404); its changes are not listed");
        example(ContentsProblem.compare(Kind.COMPARE_REFUSED, "central-ledger", LEDGER, "No common ancestor"), "central-ledger: GitHub "
                + "refused to compare v19.3.0...v19.7.4 in central-ledger (422: No common ancestor); its changes are not listed");
        example(ContentsProblem.compare(Kind.COMPARE_UNREADABLE, "central-ledger", LEDGER, "503 Service Unavailable"), "central-ledger: "
                + "central-ledger could not be read (compare v19.3.0...v19.7.4: 503 Service Unavailable); its changes are not listed");
        example(ContentsProblem.truncated("central-ledger", LEDGER, 250, 312), "central-ledger: GitHub's compare of v19.3.0...v19.7.4 in "
                + "central-ledger lists 250 of 312 commits (one compare answers at most 250); the other 62 are not listed");
        example(ContentsProblem.notPublic("central-ledger"),
                "central-ledger: its repository is not public, so its changes are not shown here");
    }

    @Test
    void everyKindHasItsSentence() {
        assertThat(EXAMPLES.keySet()).as("every kind has an example").isEqualTo(EnumSet.allOf(Kind.class));
        for (Example e : EXAMPLES.values()) {
            assertThat(problems.message(e.problem())).as(e.problem().kind().name()).isEqualTo(e.sentence());
        }
    }

    /** Each kind with markup in every text it holds, as people would read it in the notes and on the story. */
    @Test
    void noKindLetsMarkupThrough() {
        for (Kind kind : Kind.values()) {
            ContentsProblem p = hostile(kind, kind == Kind.PREVIOUS_CHART ? hostile(Kind.PART_BAD_NAME, null) : null);
            ReleaseContents one = new ReleaseContents("v2.0.0", "helm", "mojaloop/Chart.yaml", ContentsDiffTest.NOW, ContentsDiffTest.BEFORE,
                    true, true, List.of(), List.of(p));
            String notes = texts.render("contents/notes.md", Map.of("n", NotesView.of(one, ContentsExamples.LINKS)));
            String story = texts.render("contents/story-contents.md", Map.of("c", ContentsSection.of(one, ContentsExamples.LINKS, null)));
            for (String rendered : List.of(notes, story)) {
                assertThat(rendered).as(kind.name()).doesNotContain("<b>").doesNotContain("](javascript").doesNotContain("@everyone")
                        .contains("\\[x\\]");
            }
            assertThat(problems.message(p)).as(kind.name()).doesNotContain("null");
        }
    }

    static ContentsProblem hostile(Kind kind, ContentsProblem within) {
        return new ContentsProblem(kind, HOSTILE, new Location(HOSTILE, 1, 1), HOSTILE, HOSTILE, Found.TEXT, 0, HOSTILE, HOSTILE,
                new ChartRef(HOSTILE, Source.FINAL), new CompareRequest(HOSTILE, HOSTILE, HOSTILE, HOSTILE), HOSTILE, 1, 2, within);
    }
}
