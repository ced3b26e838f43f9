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
import io.mojaloop.releasebot.core.contents.ContentsProblem.Found;
import io.mojaloop.releasebot.core.contents.ContentsProblem.Kind;
import io.mojaloop.releasebot.core.contents.ContentsProblem.Location;

class ChartParserTest {

    static final String WHERE = "helm:mojaloop/Chart.yaml@v17.0.4";
    static final Location LINE_3 = new Location(WHERE, 3, 0);

    static String realChart() throws IOException {
        return Files.readString(Path.of("src/test/resources/contents/umbrella-Chart.yaml"), StandardCharsets.UTF_8);
    }

    static Chart parse(String text) {
        return ChartParser.parse(WHERE, text);
    }

    static Chart appVersion(String value) {
        return parse("name: mojaloop\nversion: 1.0.0\nappVersion: " + value + "\n");
    }

    static List<Kind> kinds(Chart chart) {
        return chart.problems().stream().map(ContentsProblem::kind).toList();
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
        // the component as first listed; the name as listed again
        assertThat(differ.problems()).containsExactly(ContentsProblem.listedTwice("central-ledger", LINE_3, "Central-Ledger",
                "v19.7.4", "v19.8.0"));
        assertThat(appVersion("\"a:; A: v1.0.0\"").problems()).containsExactly(ContentsProblem.chart(Kind.NO_VERSION, "a", LINE_3, "a", null),
                ContentsProblem.listedTwice("a", LINE_3, "A", null, "v1.0.0"));
    }

    @Test
    void partsOfAnUnexpectedShapeAreProblemsAndTheRestIsKept() {
        Chart chart = appVersion("\"central-ledger v19.7.4; : v1.0.0; ml api adapter: v1; quoting-service:; auth-service: v15.2.5, "
                + "thirdparty-sdk: v15.1.3; simulator: v12.2.5\"");
        assertThat(chart.appVersions()).containsExactly(new AppVersion("quoting-service", null), new AppVersion("auth-service", null),
                new AppVersion("simulator", "v12.2.5"));
        assertThat(chart.problems()).containsExactly(
                ContentsProblem.chart(Kind.PART_NOT_NAME_VERSION, null, LINE_3, null, "central-ledger v19.7.4"),
                ContentsProblem.chart(Kind.PART_NO_NAME, null, LINE_3, null, ": v1.0.0"),
                ContentsProblem.chart(Kind.PART_BAD_NAME, null, LINE_3, "ml api adapter", "ml api adapter: v1"),
                ContentsProblem.chart(Kind.NO_VERSION, "quoting-service", LINE_3, "quoting-service", null),
                ContentsProblem.chart(Kind.NOT_ONE_VERSION, "auth-service", LINE_3, "auth-service", "v15.2.5, thirdparty-sdk: v15.1.3"));
    }

    @Test
    void anAppVersionThatIsNotAListGivesNoVersions() {
        Chart plain = appVersion("17.0.4");
        assertThat(plain.parsed()).isTrue();
        assertThat(plain.appVersions()).isEmpty();
        assertThat(plain.problems()).containsExactly(ContentsProblem.chart(Kind.APP_VERSION_NOT_A_LIST, null, LINE_3, null, "17.0.4"));
        assertThat(appVersion("[a, b]").problems()).containsExactly(ContentsProblem.shape(Kind.APP_VERSION_NOT_TEXT, LINE_3, Found.LIST, null, 0));
        assertThat(appVersion("{central-ledger: v19.7.4}").problems()).containsExactly(
                ContentsProblem.shape(Kind.APP_VERSION_NOT_TEXT, LINE_3, Found.MAPPING, null, 0));
        assertThat(appVersion("\";;; \"").problems()).containsExactly(ContentsProblem.chart(Kind.APP_VERSION_NOT_A_LIST, null, LINE_3, null, ";;; "));
        assertThat(appVersion("\": v1.0.0; :;\"").problems()).containsExactly(
                ContentsProblem.chart(Kind.PART_NO_NAME, null, LINE_3, null, ": v1.0.0"),
                ContentsProblem.chart(Kind.PART_NO_NAME, null, LINE_3, null, ":"),
                ContentsProblem.chart(Kind.NO_COMPONENT, null, LINE_3, null, null));
        // no appVersion: no line to name
        assertThat(parse("name: mojaloop\n").problems()).containsExactly(ContentsProblem.chart(Kind.NO_APP_VERSION, null, Location.of(WHERE),
                null, null));
        assertThat(kinds(parse("appVersion:\n"))).containsExactly(Kind.NO_APP_VERSION);
    }

    @Test
    void aKeyGivenTwiceIsAProblemAndTheFirstIsUsed() {
        Chart chart = parse("appVersion: \"a: v1.0.0\"\nname: x\nappVersion: \"a: v2.0.0\"\n");
        assertThat(chart.appVersions()).containsExactly(new AppVersion("a", "v1.0.0"));
        assertThat(chart.problems()).containsExactly(ContentsProblem.chart(Kind.KEY_TWICE, null, LINE_3, "appVersion", null));
    }

    @Test
    void aLongValueIsClippedInTheMessage() {
        String longText = "x".repeat(300);
        assertThat(appVersion(longText).problems()).singleElement().extracting(ContentsProblem::text).asString().hasSize(80)
                .isEqualTo("x".repeat(79) + "…");
    }

    @Test
    void textThatIsNoChart() {
        Chart broken = parse("appVersion: \"central-ledger: v19.7.4\ndependencies: [\n");
        assertThat(broken.parsed()).isFalse();
        assertThat(broken.appVersions()).isEmpty();
        assertThat(broken.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.NOT_YAML);
            assertThat(p.at()).isEqualTo(new Location(WHERE, 3, 1));
            assertThat(p.detail()).isEqualTo("while scanning a quoted scalar: found unexpected end of stream");
        });
        assertThat(parse("").parsed()).isFalse();
        ContentsProblem empty = ContentsProblem.chart(Kind.CHART_EMPTY, null, Location.of(WHERE), null, null);
        assertThat(parse("").problems()).containsExactly(empty);
        assertThat(parse(null).problems()).containsExactly(empty);
        assertThat(parse("# nothing\n").problems()).containsExactly(empty);
        Chart list = parse("- a\n- b\n");
        assertThat(list.parsed()).isFalse();
        assertThat(list.problems()).containsExactly(ContentsProblem.shape(Kind.NOT_A_MAPPING, new Location(WHERE, 1, 0), Found.LIST, null, 0));
        assertThat(parse("just text").parsed()).isFalse();
        assertThat(parse("just text").problems()).containsExactly(ContentsProblem.shape(Kind.NOT_A_MAPPING, new Location(WHERE, 1, 0),
                Found.TEXT, "just text", 0));
        Chart tab = parse("name: x\n\tappVersion: y\n");
        assertThat(tab.parsed()).isFalse();
        assertThat(tab.problems().get(0).at()).isEqualTo(new Location(WHERE, 2, 1));
        // what the reader says without a place
        assertThat(parse("name: x\u0001\n").problems()).containsExactly(ContentsProblem.notYaml(Location.of(WHERE),
                "special characters are not allowed"));
    }

    @Test
    void dependenciesOfAnUnexpectedShape() {
        String app = "appVersion: \"a: v1.0.0\"\n";
        assertThat(parse(app + "dependencies: common\n").problems()).containsExactly(
                ContentsProblem.shape(Kind.DEPENDENCIES_NOT_A_LIST, new Location(WHERE, 2, 0), Found.TEXT, "common", 0));
        Chart items = parse(app + "dependencies:\n  - common\n  - {version: 1.0.0}\n  - {name: \"\"}\n  - {name: \"a b\"}\n  - {name: ok, alias: \"\"}\n");
        assertThat(items.dependencies()).extracting(Dependency::name).containsExactly("ok");
        assertThat(items.dependencies().get(0).aliases()).isEmpty();
        assertThat(items.problems()).containsExactly(
                ContentsProblem.shape(Kind.DEPENDENCY_NOT_A_MAPPING, LINE_3, Found.TEXT, "common", 0),
                ContentsProblem.dependency(Kind.DEPENDENCY_NO_NAME, new Location(WHERE, 4, 0), 1, null),
                ContentsProblem.dependency(Kind.DEPENDENCY_NO_NAME, new Location(WHERE, 5, 0), 2, null),
                ContentsProblem.dependency(Kind.DEPENDENCY_BAD_NAME, new Location(WHERE, 6, 0), 3, "a b"));
        assertThat(parse(app + "dependencies:\n  - [a]\n  -\n").problems()).containsExactly(
                ContentsProblem.shape(Kind.DEPENDENCY_NOT_A_MAPPING, LINE_3, Found.LIST, null, 0),
                ContentsProblem.shape(Kind.DEPENDENCY_NOT_A_MAPPING, new Location(WHERE, 4, 0), Found.NOTHING, null, 1));
        assertThat(parse(app + "dependencies:\n").problems()).isEmpty();
        assertThat(parse(app + "dependencies: []\n").dependencies()).isEmpty();
    }
}
