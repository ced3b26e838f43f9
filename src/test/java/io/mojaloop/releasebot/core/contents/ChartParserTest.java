package io.mojaloop.releasebot.core.contents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.contents.Chart.AppVersion;
import io.mojaloop.releasebot.core.contents.Chart.Dependency;

class ChartParserTest {

    static final String WHERE = "helm:mojaloop/Chart.yaml@v17.0.4";

    static String realChart() throws IOException {
        return Files.readString(Path.of("src/test/resources/contents/umbrella-Chart.yaml"), StandardCharsets.UTF_8);
    }

    static Chart parse(String text) {
        return ChartParser.parse(WHERE, text);
    }

    static Chart appVersion(String value) {
        return parse("name: mojaloop\nversion: 1.0.0\nappVersion: " + value + "\n");
    }

    static List<String> messages(Chart chart) {
        return chart.problems().stream().map(ContentsProblem::message).toList();
    }

    @Test
    void theRealUmbrellaChart() throws IOException {
        Chart chart = parse(realChart());
        assertThat(chart.parsed()).isTrue();
        assertThat(chart.problems()).isEmpty();
        assertThat(chart.name()).isEqualTo("mojaloop");
        assertThat(chart.version()).isEqualTo("17.0.4");
        assertThat(chart.appVersions()).containsExactly(
                new AppVersion("ml-api-adapter", "v16.5.6"), new AppVersion("central-ledger", "v19.7.4"),
                new AppVersion("account-lookup-service", "v17.12.0"), new AppVersion("quoting-service", "v17.12.0"),
                new AppVersion("central-settlement", "v17.2.0"), new AppVersion("bulk-api-adapter", "v17.1.9"),
                new AppVersion("transaction-requests-service", "v14.3.9"), new AppVersion("simulator", "v12.2.5"),
                new AppVersion("mojaloop-simulator", "v15.3.0"), new AppVersion("sdk-scheme-adapter", "v24.6.3"),
                new AppVersion("auth-service", "v15.2.5"), new AppVersion("als-consent-oracle", "v1.1.2"),
                new AppVersion("thirdparty-sdk", "v15.1.3"), new AppVersion("ml-testing-toolkit", "v18.11.2"),
                new AppVersion("ml-testing-toolkit-ui", "v16.2.0"));
        assertThat(chart.dependencies()).extracting(Dependency::name).containsExactly("account-lookup-service", "quoting-service",
                "ml-api-adapter", "centralledger", "centralsettlement", "simulator", "als-msisdn-oracle", "mojaloop-simulator",
                "mojaloop-bulk", "transaction-requests-service", "thirdparty", "common", "ml-testing-toolkit",
                "ml-testing-toolkit-cli", "inter-scheme-proxy-adapter");
        // two aliases of one chart are one dependency
        Dependency cli = chart.dependencies().get(13);
        assertThat(cli.aliases()).containsExactly("ml-ttk-test-val-gp", "ml-ttk-test-val-bulk");
        Dependency ledger = chart.dependencies().get(3);
        assertThat(ledger.version()).isEqualTo(">= 14.41.2");
        assertThat(ledger.repository()).isEqualTo("file://../centralledger");
        assertThat(chart.dependencies().get(11).version()).isEqualTo("3.1.3");
    }

    @Test
    void oddSpacingAndEmptyPartsDoNotMatter() {
        Chart chart = appVersion("\"  central-ledger:v19.7.4 ;ml-api-adapter :   v16.5.6;;  ; quoting-service\t:\tv17.12.0 ;  \"");
        assertThat(chart.problems()).isEmpty();
        assertThat(chart.appVersions()).containsExactly(new AppVersion("central-ledger", "v19.7.4"),
                new AppVersion("ml-api-adapter", "v16.5.6"), new AppVersion("quoting-service", "v17.12.0"));
        // folded over lines, as a long YAML scalar may be
        Chart folded = parse("appVersion: >-\n  central-ledger: v19.7.4;\n  ml-api-adapter: v16.5.6;\n");
        assertThat(folded.appVersions()).containsExactly(new AppVersion("central-ledger", "v19.7.4"),
                new AppVersion("ml-api-adapter", "v16.5.6"));
        Chart literal = parse("appVersion: |\n  central-ledger: v19.7.4;\n  ml-api-adapter: v16.5.6\n");
        assertThat(literal.appVersions()).hasSize(2);
        assertThat(literal.problems()).isEmpty();
    }

    @Test
    void aNameListedTwice() {
        Chart same = appVersion("\"central-ledger: v19.7.4; central-ledger: v19.7.4\"");
        assertThat(same.problems()).isEmpty();
        assertThat(same.appVersions()).containsExactly(new AppVersion("central-ledger", "v19.7.4"));
        Chart differ = appVersion("\"central-ledger: v19.7.4; ml-api-adapter: v16.5.6; Central-Ledger: v19.8.0\"");
        assertThat(differ.appVersions()).containsExactly(new AppVersion("central-ledger", "v19.7.4"),
                new AppVersion("ml-api-adapter", "v16.5.6"));
        assertThat(differ.problems()).containsExactly(ContentsProblem.of("central-ledger",
                WHERE + ":3: appVersion lists Central-Ledger twice, at v19.7.4 and v19.8.0; the first is used"));
    }

    @Test
    void partsOfAnUnexpectedShapeAreProblemsAndTheRestIsKept() {
        Chart chart = appVersion("\"central-ledger v19.7.4; : v1.0.0; ml api adapter: v1; quoting-service:; auth-service: v15.2.5, "
                + "thirdparty-sdk: v15.1.3; simulator: v12.2.5\"");
        assertThat(chart.appVersions()).containsExactly(new AppVersion("quoting-service", null), new AppVersion("auth-service", null),
                new AppVersion("simulator", "v12.2.5"));
        assertThat(messages(chart)).containsExactly(
                WHERE + ":3: appVersion part \"central-ledger v19.7.4\" is not \"name: version\"; it is left out",
                WHERE + ":3: appVersion part \": v1.0.0\" has no name; it is left out",
                WHERE + ":3: appVersion part \"ml api adapter: v1\": \"ml api adapter\" is not a chart name (letters, digits, ., - and _); it is left out",
                WHERE + ":3: appVersion names quoting-service without a version; its version is unknown",
                WHERE + ":3: appVersion gives auth-service the version \"v15.2.5, thirdparty-sdk: v15.1.3\", which is not one version "
                        + "(a ; missing?); its version is unknown");
        assertThat(chart.problems().get(3).component()).isEqualTo("quoting-service");
        assertThat(chart.problems().get(0).component()).isNull();
    }

    @Test
    void anAppVersionThatIsNotAListGivesNoVersions() {
        Chart plain = appVersion("17.0.4");
        assertThat(plain.parsed()).isTrue();
        assertThat(plain.appVersions()).isEmpty();
        assertThat(messages(plain)).containsExactly(WHERE + ":3: appVersion \"17.0.4\" is not a list of \"name: vX.Y.Z; ...\", "
                + "so no component's version is known");
        assertThat(messages(appVersion("[a, b]"))).containsExactly(WHERE + ":3: appVersion is a list, not a text \"name: vX.Y.Z; ...\", "
                + "so no component's version is known");
        assertThat(messages(appVersion("{central-ledger: v19.7.4}"))).singleElement().asString().contains("appVersion is a mapping");
        assertThat(messages(appVersion("\";;; \""))).singleElement().asString().contains("is not a list");
        assertThat(messages(appVersion("\": v1.0.0; :;\""))).containsExactly(
                WHERE + ":3: appVersion part \": v1.0.0\" has no name; it is left out",
                WHERE + ":3: appVersion part \":\" has no name; it is left out",
                WHERE + ":3: appVersion lists no component, so no component's version is known");
        assertThat(messages(parse("name: mojaloop\n"))).containsExactly(WHERE + ": the chart has no appVersion (\"name: vX.Y.Z; ...\"), "
                + "so no component's version is known");
        assertThat(messages(parse("appVersion:\n"))).singleElement().asString().contains("has no appVersion");
    }

    @Test
    void aKeyGivenTwiceIsAProblemAndTheFirstIsUsed() {
        Chart chart = parse("appVersion: \"a: v1.0.0\"\nname: x\nappVersion: \"a: v2.0.0\"\n");
        assertThat(chart.appVersions()).containsExactly(new AppVersion("a", "v1.0.0"));
        assertThat(messages(chart)).containsExactly(WHERE + ":3: the chart gives appVersion twice; the first is used");
    }

    @Test
    void aLongValueIsClippedInTheMessage() {
        String longText = "x".repeat(300);
        assertThat(messages(appVersion(longText))).singleElement().asString().hasSizeLessThan(250).contains("…");
    }

    @Test
    void textThatIsNoChart() {
        Chart broken = parse("appVersion: \"central-ledger: v19.7.4\ndependencies: [\n");
        assertThat(broken.parsed()).isFalse();
        assertThat(broken.appVersions()).isEmpty();
        assertThat(messages(broken)).singleElement().asString().startsWith(WHERE + ":").contains("the chart is not valid YAML")
                .endsWith("so the release's components are unknown");
        assertThat(parse("").parsed()).isFalse();
        assertThat(messages(parse(""))).containsExactly(WHERE + ": the chart is empty, so the release's components are unknown");
        assertThat(messages(parse(null))).containsExactly(WHERE + ": the chart is empty, so the release's components are unknown");
        assertThat(messages(parse("# nothing\n"))).containsExactly(WHERE + ": the chart is empty, so the release's components are unknown");
        Chart list = parse("- a\n- b\n");
        assertThat(list.parsed()).isFalse();
        assertThat(messages(list)).containsExactly(WHERE + ":1: the chart is not a mapping (found a list), so the release's components are unknown");
        assertThat(parse("just text").parsed()).isFalse();
        Chart tab = parse("name: x\n\tappVersion: y\n");
        assertThat(tab.parsed()).isFalse();
        assertThat(messages(tab).get(0)).startsWith(WHERE + ":2:");
    }

    @Test
    void dependenciesOfAnUnexpectedShape() {
        String app = "appVersion: \"a: v1.0.0\"\n";
        assertThat(messages(parse(app + "dependencies: common\n"))).containsExactly(
                WHERE + ":2: dependencies is \"common\", not a list; no component is read from it");
        Chart items = parse(app + "dependencies:\n  - common\n  - {version: 1.0.0}\n  - {name: \"\"}\n  - {name: \"a b\"}\n  - {name: ok, alias: \"\"}\n");
        assertThat(items.dependencies()).extracting(Dependency::name).containsExactly("ok");
        assertThat(items.dependencies().get(0).aliases()).isEmpty();
        assertThat(messages(items)).containsExactly(
                WHERE + ":3: dependencies[0] is \"common\", not a mapping with a name; it is left out",
                WHERE + ":4: dependencies[1] has no name; it is left out",
                WHERE + ":5: dependencies[2] has no name; it is left out",
                WHERE + ":6: dependencies[3]: \"a b\" is not a chart name; it is left out");
        assertThat(parse(app + "dependencies:\n").problems()).isEmpty();
        assertThat(parse(app + "dependencies: []\n").dependencies()).isEmpty();
    }
}
