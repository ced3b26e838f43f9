package io.mojaloop.releasebot.core.contents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.mojaloop.releasebot.core.contents.ChartRef.Source;

/**
 * Which umbrella tags a release's contents are read at, chosen from the umbrella repository's releases. Drafts
 * never count (they have no tag yet).
 */
public final class ReleaseTags {

    private ReleaseTags() {
    }

    /**
     * The charts to read.
     *
     * @param current this release's chart
     * @param previous the previous release's chart; null when there is none (a problem says so)
     */
    public record Selection(ChartRef current, ChartRef previous, List<ContentsProblem> problems) {
        public Selection {
            problems = List.copyOf(problems);
        }
    }

    /**
     * This release's chart: at its candidate (the newest pre-release whose tag starts with the version), else at
     * its final tag, else at the default branch. The previous release's chart: at {@code previous} (configured,
     * null when not), else at the highest strict {@code vX.Y.Z} full release below the version.
     */
    public static Selection select(String version, String previous, List<UmbrellaRelease> releases, String defaultBranch) {
        List<ContentsProblem> problems = new ArrayList<>();
        ChartRef current = candidate(version, releases).map(r -> new ChartRef(r.tag(), Source.CANDIDATE))
                .or(() -> finalTag(version, releases).map(r -> new ChartRef(r.tag(), Source.FINAL)))
                .orElse(new ChartRef(defaultBranch, Source.DEFAULT_BRANCH));
        ChartRef before;
        if (previous != null && !previous.isBlank()) {
            // the tag as GitHub writes it when a release has it (17.1.0 for previous: v17.1.0), else as configured
            String tag = releases.stream().filter(r -> !r.draft() && Version.sameTag(r.tag(), previous)).map(UmbrellaRelease::tag)
                    .findFirst().orElse(previous.trim());
            before = new ChartRef(tag, Source.PREVIOUS);
        } else {
            before = highestBelow(version, releases).map(r -> new ChartRef(r.tag(), Source.PREVIOUS_HIGHEST)).orElse(null);
            if (before == null) {
                problems.add(ContentsProblem.release(Version.parse(version).isEmpty() ? ContentsProblem.Kind.NOT_A_VERSION
                        : ContentsProblem.Kind.NO_PREVIOUS_RELEASE, version));
            }
        }
        return new Selection(current, before, problems);
    }

    /**
     * The newest pre-release whose tag is the version's or starts with it and a {@code -} ({@code v17.2.0-rc.1},
     * {@code v17.2.0-snapshot.3} for {@code v17.2.0}); a published release whose tag carries a suffix counts as a
     * candidate too. Newest by publication, then by the order GitHub listed them (newest first).
     */
    public static Optional<UmbrellaRelease> candidate(String version, List<UmbrellaRelease> releases) {
        List<UmbrellaRelease> found = new ArrayList<>();
        for (UmbrellaRelease r : releases) {
            if (r.draft() || !Version.belongsTo(r.tag(), version)) {
                continue;
            }
            boolean suffixed = !Version.sameTag(r.tag(), version);
            if (r.prerelease() || suffixed) {
                found.add(r);
            }
        }
        // stable sort: equal (or missing) publication times keep GitHub's newest-first order
        found.sort(Comparator.comparing(UmbrellaRelease::publishedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return found.stream().findFirst();
    }

    /** The release's own tag published as a release that is not a pre-release (with or without the {@code v}). */
    public static Optional<UmbrellaRelease> finalTag(String version, List<UmbrellaRelease> releases) {
        return releases.stream().filter(r -> !r.draft() && !r.prerelease() && Version.sameTag(r.tag(), version)).findFirst();
    }

    /**
     * RELEASED: the release's own strict {@code vX.Y.Z} tag is a full release (not a draft, not a pre-release).
     * A version with a suffix is never released: suffixed tags are candidates.
     */
    public static Optional<UmbrellaRelease> released(String version, List<UmbrellaRelease> releases) {
        if (Version.parse(version).map(v -> !v.isFinal()).orElse(true)) {
            return Optional.empty();
        }
        return releases.stream().filter(r -> r.fullRelease() && Version.sameTag(r.tag(), version)).findFirst();
    }

    /**
     * The highest strict {@code vX.Y.Z} full release below the version. Below compares {@code X.Y.Z}: a version
     * with a suffix ({@code v17.2.0-hotfix.1}) follows its own {@code v17.2.0}, which is then below it.
     */
    public static Optional<UmbrellaRelease> highestBelow(String version, List<UmbrellaRelease> releases) {
        Optional<Version> v = Version.parse(version);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        UmbrellaRelease best = null;
        Version bestVersion = null;
        for (UmbrellaRelease r : releases) {
            if (!r.fullRelease()) {
                continue;
            }
            Version rv = Version.parse(r.tag()).orElseThrow();
            int c = rv.compareCore(v.get());
            boolean below = c < 0 || c == 0 && !v.get().isFinal();
            if (below && (bestVersion == null || rv.compareTo(bestVersion) > 0)) {
                best = r;
                bestVersion = rv;
            }
        }
        return Optional.ofNullable(best);
    }
}
