package io.mojaloop.releasebot.core.contents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.config.Contents;
import io.mojaloop.releasebot.core.contents.ChartRef.Source;
import io.mojaloop.releasebot.core.contents.CompareResult.Commit;
import io.mojaloop.releasebot.core.contents.CompareResult.Failure;
import io.mojaloop.releasebot.render.ContentsProblems;
import io.mojaloop.releasebot.render.Texts;
import io.mojaloop.releasebot.render.Wording;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every problem sentence of the release contents, made by the core from charts, tags and compares of every odd
 * kind (names and texts that are markup among them), as the JSON answer says it and as the draft notes and the
 * story's contents section write it, compared with {@code src/test/resources/wording/contents-problems.md}.
 */
@QuarkusTest
class ContentsProblemWordingTest {

    static final String WHERE = "helm:mojaloop/Chart.yaml@v17.0.4";
    static final Contents MAPPED = new Contents("helm", "mojaloop/Chart.yaml", Map.of("g", "g-svc", "h", "other-org/h_<b>svc</b>"));
    static final String HOSTILE = "<b>@everyone</b> [x](javascript:alert(1)) *b* _i_ `c` | # ~ \\";

    @Inject
    Texts texts;
    @Inject
    ContentsProblems wording;

    final Wording.Sheet sheet = new Wording.Sheet();

    /** The problems as the JSON answer, the draft notes and the story's section give them, one problem at a time. */
    void add(String name, List<ContentsProblem> problems) {
        StringBuilder out = new StringBuilder();
        for (ContentsProblem p : problems) {
            ReleaseContents one = new ReleaseContents("v2.0.0", "helm", "mojaloop/Chart.yaml", ContentsDiffTest.NOW, ContentsDiffTest.BEFORE,
                    true, true, List.of(), List.of(p));
            out.append("component: ").append(p.component()).append('\n');
            out.append("json: ").append(json(one)).append('\n');
            out.append("notes: ").append(lines(texts.render("contents/notes.md", Map.of("n", NotesView.of(one, ContentsExamples.LINKS))),
                    "What could not be read:")).append('\n');
            out.append("story: ").append(lines(texts.render("contents/story-contents.md",
                    Map.of("c", ContentsSection.of(one, ContentsExamples.LINKS, null))), "Not complete:")).append('\n');
        }
        sheet.add(name, out.toString().strip());
    }

    @SuppressWarnings("unchecked")
    String json(ReleaseContents contents) {
        List<Map<String, Object>> problems = (List<Map<String, Object>>) contents.json(wording::message).get("problems");
        return String.valueOf(problems.get(0).get("message"));
    }

    /** The list lines under a heading line. */
    static String lines(String rendered, String heading) {
        List<String> found = new ArrayList<>();
        boolean in = false;
        for (String line : rendered.split("\n", -1)) {
            if (line.endsWith(heading)) {
                in = true;
            } else if (in && line.startsWith("- ")) {
                found.add(line);
            } else if (in) {
                break;
            }
        }
        return String.join("\n", found);
    }

    static List<ContentsProblem> parse(String text) {
        return ChartParser.parse(WHERE, text).problems();
    }

    static List<ContentsProblem> appVersion(String value) {
        return parse("name: mojaloop\nversion: 1.0.0\nappVersion: " + value + "\n");
    }

    static List<ContentsProblem> read(ChartRef now, ChartRead current, ChartRead previous) {
        ChartRef before = previous == null ? null : previous.ref();
        return ContentsDiff.of(Contents.DEFAULTS, "v2.0.0", new ReleaseTags.Selection(now, before, List.of()), current, previous).problems();
    }

    static List<ContentsProblem> previousChart(String text) {
        return ContentsDiffTest.diff(ContentsDiffTest.chart("a: v1.0.0"), text).problems();
    }

    static List<ContentsProblem> compared(Contents settings, String name, Failure failure, String detail) {
        ContentsDiff d = ContentsDiffTest.diff(settings, ContentsDiffTest.chart(name + ": v1.1.0"), ContentsDiffTest.chart(name + ": v1.0.0"));
        return d.withCompares(List.of(CompareResult.failed(d.compares().get(0), failure, detail))).problems();
    }

    @Test
    void everyProblemSentence() throws IOException {
        add("tags: not a version", ReleaseTags.select("Irrawaddy", null, List.of(), "main").problems());
        add("tags: not a version, markup", ReleaseTags.select(HOSTILE, null, List.of(), "main").problems());
        add("tags: no previous release", ReleaseTags.select("v1.0.0", null, List.of(), "main").problems());

        ChartRef candidate = new ChartRef("v2.0.0-rc.1", Source.CANDIDATE);
        ChartRef finalTag = new ChartRef("v2.0.0", Source.FINAL);
        ChartRef branch = new ChartRef("main", Source.DEFAULT_BRANCH);
        ChartRef highest = new ChartRef("v1.0.0", Source.PREVIOUS_HIGHEST);
        ChartRef configured = new ChartRef("17.0.4", Source.PREVIOUS);
        String ok = ContentsDiffTest.chart("a: v1.0.0");
        add("read: not found at the candidate", read(candidate, ChartRead.notFound(candidate), null));
        add("read: not found at the final tag", read(finalTag, ChartRead.notFound(finalTag), null));
        add("read: unreadable on the default branch", read(branch, ChartRead.unreadable(branch, " 502 Bad Gateway "), null));
        add("read: unreadable, nothing said", read(branch, ChartRead.unreadable(branch, null), null));
        add("read: unreadable, blank, markup", read(finalTag, ChartRead.unreadable(finalTag, " "), null));
        add("read: unreadable, markup", read(finalTag, ChartRead.unreadable(finalTag, HOSTILE), null));
        add("read: previous not found", read(candidate, ChartRead.of(candidate, ok), ChartRead.notFound(highest)));
        add("read: configured previous unreadable", read(candidate, ChartRead.of(candidate, ok), ChartRead.unreadable(configured, "403 Forbidden")));
        add("read: configured previous not found", read(candidate, ChartRead.of(candidate, ok), ChartRead.notFound(configured)));

        add("chart: not YAML", parse("appVersion: \"central-ledger: v19.7.4\ndependencies: [\n"));
        add("chart: not YAML, a tab", parse("name: x\n\tappVersion: y\n"));
        add("chart: not YAML, a control character", parse("name: x\u0001\n"));
        add("chart: empty", parse(""));
        add("chart: empty, null", parse(null));
        add("chart: only a comment", parse("# nothing\n"));
        add("chart: a list", parse("- a\n- b\n"));
        add("chart: a text", parse("just text"));
        add("chart: a text, markup", parse("\"" + HOSTILE.replace("\\", "\\\\") + "\""));
        add("chart: a key twice", parse("appVersion: \"a: v1.0.0\"\nname: x\nappVersion: \"a: v2.0.0\"\ndependencies: []\ndependencies: []\n"));
        add("chart: no appVersion", parse("name: mojaloop\n"));
        add("chart: an empty appVersion", parse("appVersion:\n"));
        add("chart: appVersion a list", appVersion("[a, b]"));
        add("chart: appVersion a mapping", appVersion("{central-ledger: v19.7.4}"));
        add("chart: appVersion a plain version", appVersion("17.0.4"));
        add("chart: appVersion long", appVersion("x".repeat(300)));
        add("chart: appVersion only semicolons", appVersion("\";;; \""));
        add("chart: appVersion parts", appVersion("\"central-ledger v19.7.4; : v1.0.0; ml api adapter: v1; quoting-service:; "
                + "auth-service: v15.2.5, thirdparty-sdk: v15.1.3; simulator: v12.2.5\""));
        add("chart: appVersion parts, markup", appVersion("\"a: v1; " + HOSTILE.replace("\\", "\\\\").replace(":", "") + "; "
                + "<img src=x>@everyone [x](javascript: v1; b: v1 <b>@everyone</b>\""));
        add("chart: appVersion long parts", appVersion("\"" + "p".repeat(200) + "; q q" + "q".repeat(200) + ": v1; r: " + "v".repeat(200) + " x\""));
        add("chart: appVersion no component", appVersion("\": v1.0.0; :;\""));
        add("chart: appVersion a name twice", appVersion("\"central-ledger: v19.7.4; ml-api-adapter: v16.5.6; Central-Ledger: v19.8.0\""));
        add("chart: appVersion a name twice, no version", appVersion("\"a:; A: v1.0.0; b: v2.0.0; b:\""));
        add("chart: dependencies a text", parse("appVersion: \"a: v1.0.0\"\ndependencies: common\n"));
        add("chart: dependencies a mapping", parse("appVersion: \"a: v1.0.0\"\ndependencies: {a: b}\n"));
        add("chart: dependencies of odd shapes", parse("appVersion: \"a: v1.0.0\"\ndependencies:\n  - common\n  - {version: 1.0.0}\n"
                + "  - {name: \"\"}\n  - {name: \"a b\"}\n  - {name: ok, alias: \"\"}\n  - [a]\n  -\n  - {name: \"<b>@everyone</b>\"}\n"));

        add("previous chart: not YAML", previousChart("appVersion: [\n"));
        add("previous chart: odd entries", previousChart(ContentsDiffTest.chart("a: v0.9.0; b; c:")));
        add("previous chart: empty", previousChart(""));

        add("diff: went down", ContentsDiffTest.diff(ContentsDiffTest.chart("a: v1.9.0"), ContentsDiffTest.chart("a: v2.0.0")).problems());
        add("diff: went down, to not semver", ContentsDiffTest.diff(ContentsDiffTest.chart("a_b: v1.9.0-rc.1"),
                ContentsDiffTest.chart("a_b: v2.0.0")).problems());

        ContentsDiff d = ContentsDiffTest.diff(ContentsDiffTest.chart("a: v1.1.0"), ContentsDiffTest.chart("a: v1.0.0"));
        add("compare: not made", d.withCompares(List.of()).problems());
        List<Commit> first250 = java.util.stream.IntStream.range(0, 250).mapToObj(i -> new Commit("t" + i, "fix: " + i)).toList();
        add("compare: truncated", d.withCompares(List.of(CompareResult.truncated(d.compares().get(0), first250, 312))).problems());
        add("compare: truncated, one more", d.withCompares(List.of(CompareResult.truncated(d.compares().get(0), first250, 251))).problems());
        add("compare: no tag", compared(Contents.DEFAULTS, "c", Failure.NOT_FOUND, "Not Found"));
        add("compare: no tag, nothing said", compared(Contents.DEFAULTS, "c", Failure.NOT_FOUND, null));
        add("compare: refused", compared(Contents.DEFAULTS, "d", Failure.REFUSED, " No common ancestor "));
        add("compare: refused, nothing said", compared(Contents.DEFAULTS, "d", Failure.REFUSED, ""));
        add("compare: refused, long", compared(Contents.DEFAULTS, "d", Failure.REFUSED, "*".repeat(500)));
        add("compare: no repository", compared(Contents.DEFAULTS, "account-lookup-service", Failure.REPOSITORY_NOT_FOUND, null));
        add("compare: no repository, markup name", compared(Contents.DEFAULTS, "e_x_", Failure.REPOSITORY_NOT_FOUND, "Not Found"));
        add("compare: no mapped repository", compared(MAPPED, "g", Failure.REPOSITORY_NOT_FOUND, null));
        add("compare: no mapped repository, markup", compared(MAPPED, "h", Failure.REPOSITORY_NOT_FOUND, null));
        add("compare: unreadable", compared(Contents.DEFAULTS, "f", Failure.UNREADABLE, "503 Service Unavailable"));
        add("compare: unreadable, nothing said", compared(Contents.DEFAULTS, "f", Failure.UNREADABLE, null));
        add("compare: unreadable, lines", compared(Contents.DEFAULTS, "f", Failure.UNREADABLE, "502  \n Bad\tGateway"));
        add("compare: unreadable, markup", compared(MAPPED, "h", Failure.UNREADABLE, HOSTILE));

        ReleaseContents complete = d.withCompares(List.of(CompareResult.of(d.compares().get(0), List.of(new Commit("x", "fix: y")))));
        add("shown: not public", complete.showingChangesOnlyOf(repository -> false).problems());

        Wording.matches("contents-problems.md", sheet.toString());
    }
}
