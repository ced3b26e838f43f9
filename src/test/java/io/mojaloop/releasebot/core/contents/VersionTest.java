package io.mojaloop.releasebot.core.contents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    static Version v(String text) {
        return Version.parse(text).orElseThrow(() -> new AssertionError("not a version: " + text));
    }

    @Test
    void readsTheNumbersTheSuffixAndTheBuild() {
        Version plain = v("v17.2.0");
        assertThat(plain.major()).isEqualTo(17);
        assertThat(plain.minor()).isEqualTo(2);
        assertThat(plain.patch()).isZero();
        assertThat(plain.suffix()).isNull();
        assertThat(plain.build()).isNull();
        assertThat(plain.isFinal()).isTrue();
        assertThat(plain.core()).isEqualTo("17.2.0");
        assertThat(plain.bare()).isEqualTo("17.2.0");
        Version fx = v("v17.7.0-fx-snapshot.1");
        assertThat(fx.suffix()).isEqualTo("fx-snapshot.1");
        assertThat(fx.isFinal()).isFalse();
        assertThat(fx.core()).isEqualTo("17.7.0");
        assertThat(v("1.2.3+build.5").build()).isEqualTo("build.5");
        assertThat(v("1.2.3+build.5").isFinal()).isFalse();
        assertThat(v("  v1.2.3  ").text()).isEqualTo("v1.2.3");
    }

    @ParameterizedTest
    @ValueSource(strings = { "v1.2.3-snapshot.0", "v24.6.3-snapshot.12", "v17.7.0-fx-snapshot.1", "v2.0.0-iso.3", "v15.1.0-ha.1",
            "v17.0.1-hotfix.1", "v17.2.0-rc.1", "0.0.14", "1.0.1", "v12.0.0-snapshot.14" })
    void mojaloopSuffixesAreVersions(String text) {
        assertThat(Version.parse(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "latest", "17.1", "v17", "V17.2.0", "vv17.2.0", "v017.2.0", "17.02.0", "v1.2.3-", "v1.2.3-snapshot..1",
            "v1.2.3 snapshot", "v1.2.3_1", "1.2.3.4", "v1.2.3+", "99999999999999999999.0.0", ">= 15.0.0" })
    void otherTextsAreNot(String text) {
        assertThat(Version.parse(text)).isEmpty();
    }

    @Test
    void nullIsNoVersion() {
        assertThat(Version.parse(null)).isEmpty();
    }

    @Test
    void precedenceIsSemVers() {
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
                "1.0.0-rc.1", "1.0.0", "1.0.1-snapshot.2", "1.0.1-snapshot.10", "1.0.1", "1.1.0", "2.0.0");
        List<Version> shuffled = new ArrayList<>(ordered.stream().map(VersionTest::v).toList());
        Collections.shuffle(shuffled, new java.util.Random(7));
        Collections.sort(shuffled);
        assertThat(shuffled).extracting(Version::text).containsExactlyElementsOf(ordered);
        assertThat(v("v1.2.3").compareTo(v("1.2.3"))).isZero();
        assertThat(v("1.2.3+a").compareTo(v("1.2.3+b"))).isZero();
        assertThat(v("v1.2.3").compareCore(v("v1.2.3-snapshot.1"))).isZero();
        assertThat(v("v1.10.0").compareCore(v("v1.9.9"))).isPositive();
    }

    @Test
    void sameTagIgnoresTheV() {
        assertThat(Version.sameTag("v17.2.0", "17.2.0")).isTrue();
        assertThat(Version.sameTag(" v17.2.0", "v17.2.0 ")).isTrue();
        assertThat(Version.sameTag("v17.2.0", "v17.2.0-rc.1")).isFalse();
        assertThat(Version.sameTag(null, "v17.2.0")).isFalse();
    }

    @Test
    void aTagBelongsToItsVersionWhenItStartsWithItAndADash() {
        assertThat(Version.belongsTo("v17.2.0-rc.1", "v17.2.0")).isTrue();
        assertThat(Version.belongsTo("17.2.0-snapshot.3", "v17.2.0")).isTrue();
        assertThat(Version.belongsTo("v17.2.0", "17.2.0")).isTrue();
        assertThat(Version.belongsTo("v17.2.01", "v17.2.0")).isFalse();
        assertThat(Version.belongsTo("v17.2.0.1", "v17.2.0")).isFalse();
        assertThat(Version.belongsTo("v17.2.10-rc.1", "v17.2.1")).isFalse();
        assertThat(Version.belongsTo(null, "v17.2.0")).isFalse();
    }
}
