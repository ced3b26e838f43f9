package io.mojaloop.releasebot.core.contents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "v1.2.3, v2.0.0, MAJOR",
            "v1.2.3, v1.3.0, MINOR",
            "v1.2.3, v1.2.4, PATCH",
            "v1.2.3, v1.2.3, UNCHANGED",
            "v1.2.3, 1.2.3, UNCHANGED",
            "1.2.3, v1.2.3, UNCHANGED",
            "v1.2.3-snapshot.1, v1.2.3-snapshot.1, UNCHANGED",
            // a suffix never raises the class: the numbers decide
            "v1.2.3, v1.3.0-snapshot.1, MINOR",
            "v1.2.3-snapshot.4, v2.0.0, MAJOR",
            "v19.7.4-fx-snapshot.2, v19.8.0-iso.1, MINOR",
            // same numbers, another suffix: the smallest change, patch
            "v1.2.3, v1.2.3-snapshot.1, PATCH",
            "v1.2.3-snapshot.1, v1.2.3-snapshot.2, PATCH",
            "v1.2.3-snapshot.3, v1.2.3, PATCH",
            "v17.7.0-fx-snapshot.1, v17.7.0-iso.1, PATCH",
            "v17.0.1, v17.0.1-hotfix.1, PATCH",
            "v1.2.3+build.1, v1.2.3+build.2, PATCH",
            // a version going down is classified by the same rule (and reported by the contents)
            "v2.0.0, v1.9.0, MAJOR",
            // not semver on either side
            "latest, v1.2.3, NOT_SEMVER",
            "v1.2.3, v1.2, NOT_SEMVER",
            "v1.2.3, 19.7.4.1, NOT_SEMVER",
            "abc, abd, NOT_SEMVER",
            "abc, abc, UNCHANGED"
    })
    void betweenTwoVersions(String previous, String current, Change expected) {
        assertThat(Change.between(previous, current)).isEqualTo(expected);
    }

    @Test
    void anUnknownVersionIsAnUnknownChange() {
        assertThat(Change.between(null, "v1.2.3")).isEqualTo(Change.UNKNOWN);
        assertThat(Change.between("v1.2.3", null)).isEqualTo(Change.UNKNOWN);
        assertThat(Change.between(null, null)).isEqualTo(Change.UNKNOWN);
    }

    @Test
    void whatCountsAsChanged() {
        assertThat(Change.values()).filteredOn(Change::changed).containsExactly(Change.ADDED, Change.MAJOR, Change.MINOR,
                Change.PATCH, Change.NOT_SEMVER);
    }

    @Test
    void jsonValuesAndWords() {
        assertThat(Change.values()).extracting(Change::json).containsExactly("added", "removed", "major", "minor", "patch",
                "unchanged", "not-semver", "unknown");
        assertThat(Change.NOT_SEMVER.words()).isEqualTo("not semver");
    }

    @Test
    void wentDownComparesTheNumbers() {
        assertThat(Change.wentDown("v19.7.4", "v19.6.0")).isTrue();
        assertThat(Change.wentDown("v19.7.4", "v19.7.4-snapshot.1")).isFalse();
        assertThat(Change.wentDown("v19.7.4", "v19.7.5")).isFalse();
        assertThat(Change.wentDown("latest", "v1.0.0")).isFalse();
        assertThat(Change.wentDown(null, "v1.0.0")).isFalse();
    }
}
