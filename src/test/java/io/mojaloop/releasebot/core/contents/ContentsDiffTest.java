package io.mojaloop.releasebot.core.contents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.config.Contents;
import io.mojaloop.releasebot.core.contents.ChartRef.Source;
import io.mojaloop.releasebot.core.contents.Component.CompareStatus;
import io.mojaloop.releasebot.core.contents.CompareResult.Commit;
import io.mojaloop.releasebot.core.contents.CompareResult.Failure;
import io.mojaloop.releasebot.core.contents.ContentsProblem.Kind;
import io.mojaloop.releasebot.core.contents.ContentsProblem.Location;

class ContentsDiffTest {

    static final ChartRef NOW = new ChartRef("v2.0.0-rc.1", Source.CANDIDATE);
    static final ChartRef BEFORE = new ChartRef("v1.0.0", Source.PREVIOUS_HIGHEST);
    static final ReleaseTags.Selection SELECTION = new ReleaseTags.Selection(NOW, BEFORE, List.of());

    static String chart(String appVersion, String... dependencies) {
        StringBuilder s = new StringBuilder("name: umbrella\nversion: 1.0.0\nappVersion: \"" + appVersion + "\"\n");
        if (dependencies.length > 0) {
            s.append("dependencies:\n");
            for (String d : dependencies) {
                s.append("  - {name: ").append(d).append(", version: \">= 1.0.0\"}\n");
            }
        }
        return s.toString();
    }

    static ContentsDiff diff(Contents settings, String now, String before) {
        return ContentsDiff.of(settings, "v2.0.0", SELECTION, ChartRead.of(NOW, now), before == null ? null : ChartRead.of(BEFORE, before));
    }

    static ContentsDiff diff(String now, String before) {
        return diff(Contents.DEFAULTS, now, before);
    }

    static Component component(ContentsDiff diff, String name) {
        return diff.components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }


    @Test
    void everyChangeClass() {
        ContentsDiff d = diff(chart("a: v2.0.0; b: v1.3.0; c: v1.0.1; d: v1.0.0; e: latest; f: v1.0.0-snapshot.1; g: v1.0.0"),
                chart("a: v1.0.0; b: v1.2.0; c: v1.0.0; d: v1.0.0; e: v1.0.0; f: v1.0.0; h: v3.0.0"));
        assertThat(d.read()).isTrue();
        assertThat(d.previousRead()).isTrue();
        assertThat(d.components()).extracting(Component::name, Component::version, Component::previous, Component::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", "v2.0.0", "v1.0.0", Change.MAJOR),
                org.assertj.core.groups.Tuple.tuple("b", "v1.3.0", "v1.2.0", Change.MINOR),
                org.assertj.core.groups.Tuple.tuple("c", "v1.0.1", "v1.0.0", Change.PATCH),
                org.assertj.core.groups.Tuple.tuple("d", "v1.0.0", "v1.0.0", Change.UNCHANGED),
                org.assertj.core.groups.Tuple.tuple("e", "latest", "v1.0.0", Change.NOT_SEMVER),
                org.assertj.core.groups.Tuple.tuple("f", "v1.0.0-snapshot.1", "v1.0.0", Change.PATCH),
                org.assertj.core.groups.Tuple.tuple("g", "v1.0.0", null, Change.ADDED),
                org.assertj.core.groups.Tuple.tuple("h", null, "v3.0.0", Change.REMOVED));
        // compares for changed versions only; none for added, removed, unchanged
        assertThat(d.compares()).containsExactly(new CompareRequest("a", "a", "v1.0.0", "v2.0.0"), new CompareRequest("b", "b", "v1.2.0", "v1.3.0"),
                new CompareRequest("c", "c", "v1.0.0", "v1.0.1"), new CompareRequest("e", "e", "v1.0.0", "latest"),
                new CompareRequest("f", "f", "v1.0.0", "v1.0.0-snapshot.1"));
        assertThat(d.problems()).isEmpty();
    }

    @Test
    void chartNamesAreMappedToRepositories() {
        Contents settings = new Contents("helm", "mojaloop/Chart.yaml", Map.of("CentralLedger", "central-ledger", "x", "other-org/x-svc"));
        ContentsDiff d = diff(settings, chart("centralledger: v2.0.0; x: v1.1.0; quoting-service: v1.0.0"),
                chart("centralledger: v1.0.0; x: v1.0.0; quoting-service: v1.0.0"));
        assertThat(component(d, "centralledger").repository()).isEqualTo("central-ledger");
        assertThat(component(d, "x").repository()).isEqualTo("other-org/x-svc");
        assertThat(component(d, "quoting-service").repository()).isEqualTo("quoting-service");
        assertThat(d.compares()).extracting(CompareRequest::repository).containsExactly("central-ledger", "other-org/x-svc");
    }

    @Test
    void dependenciesAddOnlyWhatAppVersionLacks() {
        Contents settings = new Contents("helm", "c", Map.of("centralledger", "central-ledger"));
        ContentsDiff d = diff(settings, chart("central-ledger: v2.0.0", "centralledger", "central-ledger", "common", "thirdparty"),
                chart("central-ledger: v1.0.0", "centralledger", "common"));
        assertThat(d.components()).extracting(Component::name, Component::version, Component::change, Component::fromDependencies)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("central-ledger", "v2.0.0", Change.MAJOR, false),
                        org.assertj.core.groups.Tuple.tuple("common", null, Change.UNKNOWN, true),
                        org.assertj.core.groups.Tuple.tuple("thirdparty", null, Change.ADDED, true));
        assertThat(d.compares()).hasSize(1);
        // without the mapping, centralledger is a component of its own, version unknown
        ContentsDiff unmapped = diff(chart("central-ledger: v2.0.0", "centralledger"), chart("central-ledger: v1.0.0", "centralledger"));
        assertThat(unmapped.components()).extracting(Component::name).containsExactly("central-ledger", "centralledger");
        assertThat(component(unmapped, "centralledger").change()).isEqualTo(Change.UNKNOWN);
    }

    @Test
    void aComponentIsMatchedAcrossChartsByNameThenByRepository() {
        Contents settings = new Contents("helm", "c", Map.of("centralledger", "central-ledger"));
        ContentsDiff d = diff(settings, chart("Central-Ledger: v2.0.0; centralledger: v1.1.0"), chart("central-ledger: v1.0.0; x: v1.0.0"));
        assertThat(component(d, "Central-Ledger").previous()).isEqualTo("v1.0.0");
        // same repository, other name: still the same component (the name in the current chart is kept)
        ContentsDiff renamed = diff(settings, chart("centralledger: v2.0.0"), chart("central-ledger: v1.0.0"));
        assertThat(renamed.components()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("centralledger");
            assertThat(c.previous()).isEqualTo("v1.0.0");
            assertThat(c.change()).isEqualTo(Change.MAJOR);
        });
    }

    @Test
    void aVersionThatWentDownIsReportedAndNotCompared() {
        ContentsDiff d = diff(chart("a: v1.9.0"), chart("a: v2.0.0"));
        assertThat(component(d, "a").change()).isEqualTo(Change.MAJOR);
        assertThat(d.compares()).isEmpty();
        assertThat(d.problems()).containsExactly(ContentsProblem.wentDown("a", "v2.0.0", "v1.9.0"));
        assertThat(d.withCompares(List.of()).components().get(0).compare()).isEqualTo(CompareStatus.NONE);
    }

    @Test
    void withoutAPreviousReleaseEveryChangeIsUnknown() {
        ContentsProblem none = ContentsProblem.release(Kind.NO_PREVIOUS_RELEASE, "v2.0.0");
        ReleaseTags.Selection first = new ReleaseTags.Selection(NOW, null, List.of(none));
        ContentsDiff d = ContentsDiff.of(Contents.DEFAULTS, "v2.0.0", first, ChartRead.of(NOW, chart("a: v1.0.0; b: v2.0.0")), null);
        assertThat(d.read()).isTrue();
        assertThat(d.previousRead()).isFalse();
        assertThat(d.components()).extracting(Component::change).containsOnly(Change.UNKNOWN);
        assertThat(d.components()).extracting(Component::previous).containsOnlyNulls();
        assertThat(d.compares()).isEmpty();
        assertThat(d.problems()).containsExactly(none);
    }

    @Test
    void aPreviousChartThatCannotBeReadMakesEveryChangeUnknown() {
        ContentsDiff missing = ContentsDiff.of(Contents.DEFAULTS, "v2.0.0", SELECTION, ChartRead.of(NOW, chart("a: v1.0.0")),
                ChartRead.notFound(BEFORE));
        assertThat(missing.previousRead()).isFalse();
        assertThat(missing.components()).extracting(Component::change).containsExactly(Change.UNKNOWN);
        assertThat(missing.problems()).containsExactly(ContentsProblem.chartRead(Kind.CHART_NOT_FOUND,
                Location.of("helm:mojaloop/Chart.yaml@v1.0.0"), "mojaloop/Chart.yaml", BEFORE, null));
        ContentsDiff broken = diff(chart("a: v1.0.0"), "appVersion: [\n");
        assertThat(broken.previousRead()).isFalse();
        assertThat(broken.components()).extracting(Component::change).containsExactly(Change.UNKNOWN);
        assertThat(broken.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.PREVIOUS_CHART);
            assertThat(p.within().kind()).isEqualTo(Kind.NOT_YAML);
            assertThat(p.within().at().file()).isEqualTo("helm:mojaloop/Chart.yaml@v1.0.0");
        });
        // a previous chart with odd entries is still read; its problems say which chart they are in
        ContentsDiff odd = diff(chart("a: v1.0.0"), chart("a: v0.9.0; b"));
        assertThat(odd.previousRead()).isTrue();
        assertThat(odd.problems()).containsExactly(ContentsProblem.inPreviousChart(ContentsProblem.chart(Kind.PART_NOT_NAME_VERSION, null,
                new Location("helm:mojaloop/Chart.yaml@v1.0.0", 3, 0), null, "b")));
        // a component's problem there is still the component's
        assertThat(diff(chart("a: v1.0.0"), chart("a:")).problems()).extracting(ContentsProblem::kind, ContentsProblem::component)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.PREVIOUS_CHART, "a"));
    }

    @Test
    void aCurrentChartThatCannotBeReadGivesNoComponentsAndSaysSo() {
        for (ChartRead read : List.of(ChartRead.notFound(NOW), ChartRead.unreadable(NOW, "502 Bad Gateway"), ChartRead.of(NOW, "- a\n"),
                ChartRead.of(NOW, "appVersion: \"a: v1\n"))) {
            ContentsDiff d = ContentsDiff.of(Contents.DEFAULTS, "v2.0.0", SELECTION, read, ChartRead.of(BEFORE, chart("a: v1.0.0")));
            assertThat(d.read()).isFalse();
            assertThat(d.components()).isEmpty();
            assertThat(d.compares()).isEmpty();
            assertThat(d.problems()).isNotEmpty();
            assertThat(d.withCompares(List.of()).read()).isFalse();
        }
        ContentsDiff notFound = ContentsDiff.of(Contents.DEFAULTS, "v2.0.0", SELECTION, ChartRead.notFound(NOW), null);
        assertThat(notFound.problems()).containsExactly(ContentsProblem.chartRead(Kind.CHART_NOT_FOUND,
                Location.of("helm:mojaloop/Chart.yaml@v2.0.0-rc.1"), "mojaloop/Chart.yaml", NOW, null));
        ContentsDiff unreadable = ContentsDiff.of(Contents.DEFAULTS, "v2.0.0",
                new ReleaseTags.Selection(new ChartRef("main", Source.DEFAULT_BRANCH), null, List.of()),
                ChartRead.unreadable(new ChartRef("main", Source.DEFAULT_BRANCH), "502 Bad Gateway"), null);
        assertThat(unreadable.problems()).containsExactly(ContentsProblem.chartRead(Kind.CHART_UNREADABLE,
                Location.of("helm:mojaloop/Chart.yaml@main"), "mojaloop/Chart.yaml", new ChartRef("main", Source.DEFAULT_BRANCH), "502 Bad Gateway"));
    }

    @Test
    void aChartWithAPlainAppVersionListsItsDependenciesVersionUnknown() {
        ContentsDiff d = diff("name: x\nappVersion: 17.0.4\ndependencies:\n  - {name: a}\n", chart("a: v1.0.0"));
        assertThat(d.read()).isTrue();
        assertThat(d.components()).extracting(Component::name, Component::version, Component::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", null, Change.UNKNOWN));
        assertThat(d.problems()).extracting(ContentsProblem::kind, ContentsProblem::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.APP_VERSION_NOT_A_LIST, "17.0.4"));
    }

    // ---- compares ----------------------------------------------------------------------------------------------

    static final String NOW_CHART = chart("a: v1.1.0; b: v2.0.0; c: v1.0.1; d: v1.0.1; e: v1.0.1; f: v1.0.1; g: v1.0.1");
    static final String BEFORE_CHART = chart("a: v1.0.0; b: v1.0.0; c: v1.0.0; d: v1.0.0; e: v1.0.0; f: v1.0.0; g: v1.0.0");

    @Test
    void commitsAreGroupedWithTheirPullRequestsAndIssues() {
        ContentsDiff d = diff(NOW_CHART, BEFORE_CHART);
        CompareRequest a = d.compares().get(0);
        ReleaseContents c = d.withCompares(List.of(CompareResult.of(a, List.of(
                new Commit("s1", "feat(mojaloop/#3122): expiry (#12)"),
                new Commit("s2", "fix(mojaloop/3058): rounding", 13),
                new Commit("s3", "feat(mojaloop/#3130)!: new API (#14)"),
                new Commit("s4", "refactor: x (#15)\n\nBREAKING CHANGE: config renamed"),
                new Commit("s5", "chore(release): 1.1.0 [skip ci]"),
                new Commit("s6", "docs: readme")))));
        Component comp = c.components().get(0);
        assertThat(comp.compare()).isEqualTo(CompareStatus.COMPLETE);
        assertThat(comp.totalCommits()).isEqualTo(6);
        assertThat(comp.features()).containsExactly(new ChangeEntry("feat(mojaloop/#3122): expiry (#12)", "s1", 12, List.of("mojaloop/project#3122")));
        assertThat(comp.fixes()).containsExactly(new ChangeEntry("fix(mojaloop/3058): rounding", "s2", 13, List.of("mojaloop/project#3058")));
        assertThat(comp.breaking()).extracting(ChangeEntry::sha).containsExactly("s3", "s4");
        assertThat(comp.breaking()).extracting(ChangeEntry::pr).containsExactly(14, 15);
        assertThat(comp.other()).extracting(ChangeEntry::sha, ChangeEntry::pr).containsExactly(
                org.assertj.core.groups.Tuple.tuple("s5", null), org.assertj.core.groups.Tuple.tuple("s6", null));
        assertThat(c.features()).isEqualTo(1);
        assertThat(c.fixes()).isEqualTo(1);
        assertThat(c.breaking()).isEqualTo(2);
        assertThat(c.other()).isEqualTo(2);
        assertThat(c.pullRequests()).containsExactly(new ReleaseContents.PullRequest("a", "a", 14), new ReleaseContents.PullRequest("a", "a", 15),
                new ReleaseContents.PullRequest("a", "a", 12), new ReleaseContents.PullRequest("a", "a", 13));
    }

    @Test
    void everyCompareOutcomeIsAProblemLineOrAList() {
        Contents settings = new Contents("helm", "mojaloop/Chart.yaml", Map.of("g", "g-svc"));
        ContentsDiff d = diff(settings, NOW_CHART, BEFORE_CHART);
        List<CompareRequest> r = d.compares();
        assertThat(r).hasSize(7);
        List<Commit> first250 = java.util.stream.IntStream.range(0, 250).mapToObj(i -> new Commit("t" + i, "fix: " + i)).toList();
        ReleaseContents c = d.withCompares(List.of(
                CompareResult.of(r.get(0), List.of()),
                CompareResult.truncated(r.get(1), first250, 312),
                CompareResult.failed(r.get(2), Failure.NOT_FOUND, "Not Found"),
                CompareResult.failed(r.get(3), Failure.REFUSED, "No common ancestor"),
                CompareResult.failed(r.get(4), Failure.REPOSITORY_NOT_FOUND, null),
                CompareResult.failed(r.get(5), Failure.UNREADABLE, "503 Service Unavailable"),
                CompareResult.failed(r.get(6), Failure.REPOSITORY_NOT_FOUND, null)));
        assertThat(c.components()).extracting(Component::compare).containsExactly(CompareStatus.COMPLETE, CompareStatus.TRUNCATED,
                CompareStatus.NOT_FOUND, CompareStatus.REFUSED, CompareStatus.REPOSITORY_NOT_FOUND, CompareStatus.UNREADABLE,
                CompareStatus.REPOSITORY_NOT_FOUND);
        // an empty compare is no problem: the component changed, with no commit between its tags
        assertThat(c.components().get(0).listed()).isZero();
        assertThat(c.components().get(1).fixes()).hasSize(250);
        assertThat(c.components().get(1).totalCommits()).isEqualTo(312);
        assertThat(c.problems()).extracting(ContentsProblem::component).containsExactly("b", "c", "d", "e", "f", "g");
        assertThat(c.problems()).containsExactly(
                ContentsProblem.truncated("b", r.get(1), 250, 312),
                ContentsProblem.compare(Kind.TAG_NOT_FOUND, "c", r.get(2), "Not Found"),
                ContentsProblem.compare(Kind.COMPARE_REFUSED, "d", r.get(3), "No common ancestor"),
                ContentsProblem.compare(Kind.REPOSITORY_NOT_FOUND, "e", r.get(4), null),
                ContentsProblem.compare(Kind.COMPARE_UNREADABLE, "f", r.get(5), "503 Service Unavailable"),
                ContentsProblem.compare(Kind.MAPPED_REPOSITORY_NOT_FOUND, "g", r.get(6), null));
        assertThat(c.problems().get(0).unlisted()).isEqualTo(62);
        assertThat(r.get(6).repository()).isEqualTo("g-svc");
        for (Component comp : c.components().subList(2, 7)) {
            assertThat(comp.listed()).isZero();
            assertThat(comp.compare().failed()).isTrue();
        }
    }

    @Test
    void aCompareWithNoResultIsAProblemNotAnEmptyList() {
        ContentsDiff d = diff(chart("a: v1.1.0"), chart("a: v1.0.0"));
        ReleaseContents c = d.withCompares(List.of(new CompareResult("a", "v1.0.0", "v9.9.9", List.of(), 0, null, null)));
        assertThat(c.components().get(0).compare()).isEqualTo(CompareStatus.MISSING);
        assertThat(c.problems()).containsExactly(ContentsProblem.compare(Kind.NOT_COMPARED, "a", d.compares().get(0), null));
    }

    @Test
    void resultsMatchTheirRequestsByRepositoryCaseInsensitivelyAndTags() {
        ContentsDiff d = diff(chart("a: v1.1.0; b: v1.1.0"), chart("a: v1.0.0; b: v1.0.0"));
        ReleaseContents c = d.withCompares(List.of(
                new CompareResult("B", "v1.0.0", "v1.1.0", List.of(new Commit("x", "feat: b")), 1, null, null),
                new CompareResult("A", "v1.0.0", "v1.1.0", List.of(new Commit("y", "fix: a")), 1, null, null)));
        assertThat(c.components().get(0).fixes()).extracting(ChangeEntry::sha).containsExactly("y");
        assertThat(c.components().get(1).features()).extracting(ChangeEntry::sha).containsExactly("x");
        assertThat(c.problems()).isEmpty();
    }

    @Test
    void twoComponentsOfOneRepositoryAtTheSameTagsShareOneCompare() {
        Contents settings = new Contents("helm", "c", Map.of("a-api", "a", "a-handler", "a"));
        ContentsDiff d = diff(settings, chart("a-api: v1.1.0; a-handler: v1.1.0"), chart("a-api: v1.0.0; a-handler: v1.0.0"));
        assertThat(d.compares()).hasSize(1);
        ReleaseContents c = d.withCompares(List.of(CompareResult.of(d.compares().get(0), List.of(new Commit("x", "fix: y (#3)")))));
        assertThat(c.components()).allSatisfy(comp -> assertThat(comp.fixes()).hasSize(1));
        assertThat(c.pullRequests()).containsExactly(new ReleaseContents.PullRequest("a-api", "a", 3));
    }

    @Test
    void theRealChartAgainstItsPrevious() {
        ReleaseContents c = ContentsExamples.contents();
        assertThat(c.read()).isTrue();
        assertThat(c.previousRead()).isTrue();
        assertThat(c.current()).isEqualTo(new ChartRef("v17.2.0-rc.1", Source.CANDIDATE));
        assertThat(c.previous()).isEqualTo(new ChartRef("v17.1.0", Source.PREVIOUS_HIGHEST));
        assertThat(c.changed()).extracting(Component::name, Component::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ml-api-adapter", Change.MINOR),
                org.assertj.core.groups.Tuple.tuple("central-ledger", Change.MINOR),
                org.assertj.core.groups.Tuple.tuple("account-lookup-service", Change.MINOR),
                org.assertj.core.groups.Tuple.tuple("quoting-service", Change.MAJOR),
                org.assertj.core.groups.Tuple.tuple("central-settlement", Change.MINOR),
                org.assertj.core.groups.Tuple.tuple("sdk-scheme-adapter", Change.PATCH),
                org.assertj.core.groups.Tuple.tuple("auth-service", Change.PATCH),
                org.assertj.core.groups.Tuple.tuple("ml-testing-toolkit-ui", Change.ADDED));
        assertThat(c.removed()).extracting(Component::name).containsExactly("central-event-processor");
        assertThat(c.count(Change.UNCHANGED)).isEqualTo(7);
        // the dependencies appVersion lacks (centralledger, centralsettlement and mojaloop-bulk are mapped to components it has)
        assertThat(c.components()).filteredOn(Component::fromDependencies).extracting(Component::name).containsExactly(
                "als-msisdn-oracle", "thirdparty", "common", "ml-testing-toolkit-cli", "inter-scheme-proxy-adapter");
        assertThat(c.breaking()).isEqualTo(2);
        assertThat(c.features()).isEqualTo(3);
        assertThat(c.fixes()).isEqualTo(5);
        assertThat(c.problems()).extracting(ContentsProblem::component).containsExactly("account-lookup-service", "central-settlement",
                "auth-service");
    }
}
