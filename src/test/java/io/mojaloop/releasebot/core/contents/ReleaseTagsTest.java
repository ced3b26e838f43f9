package io.mojaloop.releasebot.core.contents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.contents.ChartRef.Source;
import io.mojaloop.releasebot.core.contents.ReleaseTags.Selection;

class ReleaseTagsTest {

    static UmbrellaRelease full(String tag, String at) {
        return new UmbrellaRelease(tag, false, false, Instant.parse(at));
    }

    static UmbrellaRelease pre(String tag, String at) {
        return new UmbrellaRelease(tag, true, false, Instant.parse(at));
    }

    static UmbrellaRelease draft(String tag) {
        return new UmbrellaRelease(tag, false, true, null);
    }

    /** The helm releases, newest first as GitHub lists them. */
    static final List<UmbrellaRelease> HELM = List.of(
            draft("v17.2.0"),
            pre("v17.2.0-rc.2", "2027-01-10T10:00:00Z"),
            pre("v17.2.0-snapshot.3", "2027-01-05T10:00:00Z"),
            pre("v17.2.0-rc.1", "2027-01-03T10:00:00Z"),
            full("v17.1.1-hotfix.1", "2026-12-20T10:00:00Z"),
            full("v17.1.0", "2026-11-01T10:00:00Z"),
            pre("v17.1.0-rc.1", "2026-10-20T10:00:00Z"),
            full("17.0.4", "2026-08-01T10:00:00Z"),
            full("v16.0.0", "2025-01-01T10:00:00Z"),
            full("v18.0.0", "2027-06-01T10:00:00Z"));

    @Test
    void theNewestCandidateFirst() {
        Selection s = ReleaseTags.select("v17.2.0", null, HELM, "main");
        assertThat(s.current()).isEqualTo(new ChartRef("v17.2.0-rc.2", Source.CANDIDATE));
        assertThat(s.previous()).isEqualTo(new ChartRef("v17.1.0", Source.PREVIOUS_HIGHEST));
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void newestByPublicationNotByName() {
        List<UmbrellaRelease> r = List.of(pre("v17.2.0-rc.1", "2027-01-10T10:00:00Z"), pre("v17.2.0-snapshot.9", "2027-01-01T10:00:00Z"),
                pre("v17.2.0-rc.2", "2027-01-12T10:00:00Z"));
        assertThat(ReleaseTags.candidate("v17.2.0", r)).map(UmbrellaRelease::tag).hasValue("v17.2.0-rc.2");
        // without publication times, GitHub's order (newest first) decides
        List<UmbrellaRelease> undated = List.of(new UmbrellaRelease("v17.2.0-rc.3", true, false, null),
                new UmbrellaRelease("v17.2.0-rc.4", true, false, null));
        assertThat(ReleaseTags.candidate("v17.2.0", undated)).map(UmbrellaRelease::tag).hasValue("v17.2.0-rc.3");
    }

    @Test
    void whatIsACandidate() {
        assertThat(ReleaseTags.candidate("17.2.0", HELM)).map(UmbrellaRelease::tag).hasValue("v17.2.0-rc.2");
        assertThat(ReleaseTags.candidate("v17.2.0", List.of(draft("v17.2.0-rc.9")))).isEmpty();
        assertThat(ReleaseTags.candidate("v17.2.0", List.of(pre("v17.2.01-rc.1", "2027-01-01T00:00:00Z")))).isEmpty();
        assertThat(ReleaseTags.candidate("v17.2.1", List.of(pre("v17.2.10-rc.1", "2027-01-01T00:00:00Z")))).isEmpty();
        // a suffixed tag published as a full release is still a candidate
        assertThat(ReleaseTags.candidate("v17.2.0", List.of(full("v17.2.0-rc.1", "2027-01-01T00:00:00Z"))))
                .map(UmbrellaRelease::tag).hasValue("v17.2.0-rc.1");
        // the version's own tag marked pre-release is a candidate; published as a full release it is the final tag
        assertThat(ReleaseTags.candidate("v17.2.0", List.of(pre("v17.2.0", "2027-01-01T00:00:00Z")))).isPresent();
        assertThat(ReleaseTags.candidate("v17.2.0", List.of(full("v17.2.0", "2027-01-01T00:00:00Z")))).isEmpty();
    }

    @Test
    void thenTheFinalTagThenTheDefaultBranch() {
        List<UmbrellaRelease> onlyFinal = List.of(full("17.2.0", "2027-01-25T10:00:00Z"), full("v17.1.0", "2026-11-01T10:00:00Z"));
        assertThat(ReleaseTags.select("v17.2.0", null, onlyFinal, "main").current()).isEqualTo(new ChartRef("17.2.0", Source.FINAL));
        Selection none = ReleaseTags.select("v17.3.0", null, HELM, "main");
        assertThat(none.current()).isEqualTo(new ChartRef("main", Source.DEFAULT_BRANCH));
        assertThat(none.current().branch()).isTrue();
        assertThat(none.previous()).isEqualTo(new ChartRef("v17.1.0", Source.PREVIOUS_HIGHEST));
        // a draft of the version is no tag yet
        assertThat(ReleaseTags.select("v17.2.0", null, List.of(draft("v17.2.0")), "master").current().source())
                .isEqualTo(Source.DEFAULT_BRANCH);
    }

    @Test
    void thePreviousIsTheHighestStrictFullReleaseBelow() {
        // not the hotfix (suffixed), not the rc, not a draft, not v18 (above)
        assertThat(ReleaseTags.highestBelow("v17.2.0", HELM)).map(UmbrellaRelease::tag).hasValue("v17.1.0");
        assertThat(ReleaseTags.highestBelow("v17.1.0", HELM)).map(UmbrellaRelease::tag).hasValue("17.0.4");
        assertThat(ReleaseTags.highestBelow("v17.0.4", HELM)).map(UmbrellaRelease::tag).hasValue("v16.0.0");
        assertThat(ReleaseTags.highestBelow("v16.0.0", HELM)).isEmpty();
        assertThat(ReleaseTags.highestBelow("v99.0.0", HELM)).map(UmbrellaRelease::tag).hasValue("v18.0.0");
        // a hotfix version follows its own X.Y.Z
        assertThat(ReleaseTags.highestBelow("v17.1.0-hotfix.2", HELM)).map(UmbrellaRelease::tag).hasValue("v17.1.0");
        assertThat(ReleaseTags.highestBelow("Irrawaddy", HELM)).isEmpty();
        // order of the list does not matter
        List<UmbrellaRelease> shuffled = List.of(full("v17.0.0", "2026-01-01T00:00:00Z"), full("v17.1.2", "2026-03-01T00:00:00Z"),
                full("v17.1.10", "2026-02-01T00:00:00Z"));
        assertThat(ReleaseTags.highestBelow("v17.2.0", shuffled)).map(UmbrellaRelease::tag).hasValue("v17.1.10");
    }

    @Test
    void aConfiguredPreviousWins() {
        Selection s = ReleaseTags.select("v17.2.0", "v17.0.4", HELM, "main");
        // the tag as GitHub has it
        assertThat(s.previous()).isEqualTo(new ChartRef("17.0.4", Source.PREVIOUS));
        // a configured tag with no release is still read (a missing tag is the edge's problem to report)
        assertThat(ReleaseTags.select("v17.2.0", " v17.0.9 ", HELM, "main").previous()).isEqualTo(new ChartRef("v17.0.9", Source.PREVIOUS));
        assertThat(ReleaseTags.select("v17.2.0", "", HELM, "main").previous().source()).isEqualTo(Source.PREVIOUS_HIGHEST);
    }

    @Test
    void noPreviousIsAProblem() {
        Selection first = ReleaseTags.select("v1.0.0", null, List.of(pre("v1.0.0-rc.1", "2027-01-01T00:00:00Z")), "main");
        assertThat(first.previous()).isNull();
        assertThat(first.problems()).containsExactly(ContentsProblem.release(ContentsProblem.Kind.NO_PREVIOUS_RELEASE, "v1.0.0"));
        Selection named = ReleaseTags.select("Irrawaddy", null, HELM, "main");
        assertThat(named.previous()).isNull();
        assertThat(named.problems()).containsExactly(ContentsProblem.release(ContentsProblem.Kind.NOT_A_VERSION, "Irrawaddy"));
    }

    @Test
    void releasedOnlyByAStrictFullRelease() {
        assertThat(ReleaseTags.released("v17.2.0", HELM)).isEmpty();
        assertThat(ReleaseTags.released("v17.1.0", HELM)).map(UmbrellaRelease::tag).hasValue("v17.1.0");
        assertThat(ReleaseTags.released("v17.0.4", HELM)).map(UmbrellaRelease::tag).hasValue("17.0.4");
        // a suffixed version is never released, even published as a full release
        assertThat(ReleaseTags.released("v17.1.1-hotfix.1", HELM)).isEmpty();
        assertThat(ReleaseTags.released("v17.1.0", List.of(pre("v17.1.0", "2026-11-01T10:00:00Z")))).isEmpty();
        assertThat(ReleaseTags.released("v17.1.0", List.of(draft("v17.1.0")))).isEmpty();
        assertThat(ReleaseTags.released("v17.1.0", List.of(full("v17.1.0+build.1", "2026-11-01T10:00:00Z")))).isEmpty();
        assertThat(ReleaseTags.released("Irrawaddy", HELM)).isEmpty();
        assertThat(full("v17.1.0", "2026-11-01T10:00:00Z").fullRelease()).isTrue();
        assertThat(full("v17.1.0-rc.1", "2026-11-01T10:00:00Z").fullRelease()).isFalse();
    }

    @Test
    void theFinalTagForAHotfixVersionIsItsOwnTag() {
        Selection s = ReleaseTags.select("v17.1.1-hotfix.1", null, HELM, "main");
        assertThat(s.current()).isEqualTo(new ChartRef("v17.1.1-hotfix.1", Source.FINAL));
        assertThat(s.previous()).isEqualTo(new ChartRef("v17.1.0", Source.PREVIOUS_HIGHEST));
    }
}
