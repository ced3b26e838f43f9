package io.mojaloop.releasebot.core.contents;

import java.util.Optional;

/**
 * How a component moved between the previous release and this one.
 * <p>
 * The class is measured on {@code X.Y.Z} alone: a suffix never raises it ({@code v1.2.3 -> v1.3.0-snapshot.1} is
 * {@link #MINOR}). When the numbers are equal and only the suffix differs ({@code v1.2.3 -> v1.2.3-snapshot.1},
 * {@code -snapshot.1 -> -snapshot.2}, {@code -fx-snapshot.1 -> -iso.1}, {@code -snapshot.3 -> v1.2.3}) the class is
 * {@link #PATCH}: the code changed under the same number, so the component is changed and compared, at the
 * smallest class. The {@code v} and build metadata do not count: {@code v1.2.3} and {@code 1.2.3} are unchanged.
 */
public enum Change {
    /** In this release's chart, not in the previous one's. */
    ADDED("added", "added", true),
    /** In the previous release's chart, not in this one's. */
    REMOVED("removed", "removed", false),
    MAJOR("major", "major", true),
    MINOR("minor", "minor", true),
    PATCH("patch", "patch", true),
    UNCHANGED("unchanged", "unchanged", false),
    /** The two versions differ and at least one is not {@code vX.Y.Z[-suffix]}: changed, class unknown. */
    NOT_SEMVER("not-semver", "not semver", true),
    /** A version is unknown (a chart dependency without an {@code appVersion} entry, or no previous chart read). */
    UNKNOWN("unknown", "unknown", false);

    private final String json;
    private final String words;
    private final boolean changed;

    Change(String json, String words, boolean changed) {
        this.json = json;
        this.words = words;
        this.changed = changed;
    }

    /** The value in the JSON contents: {@code added}, {@code not-semver}, ... */
    public String json() {
        return json;
    }

    /** For people: {@code not semver}. */
    public String words() {
        return words;
    }

    /** Added, or a new version (major, minor, patch, not semver): listed as changed, its commits compared. */
    public boolean changed() {
        return changed;
    }

    /**
     * The change of a component present in both charts. A null version is unknown. Text equal but for the
     * {@code v}: unchanged.
     */
    public static Change between(String previous, String current) {
        if (previous == null || current == null) {
            return UNKNOWN;
        }
        if (Version.bare(previous).equals(Version.bare(current))) {
            return UNCHANGED;
        }
        Optional<Version> p = Version.parse(previous);
        Optional<Version> c = Version.parse(current);
        if (p.isEmpty() || c.isEmpty()) {
            return NOT_SEMVER;
        }
        Version a = p.get();
        Version b = c.get();
        if (a.major() != b.major()) {
            return MAJOR;
        }
        if (a.minor() != b.minor()) {
            return MINOR;
        }
        if (a.patch() != b.patch()) {
            return PATCH;
        }
        // same numbers: a different suffix (or only different build metadata) is the smallest change
        return PATCH;
    }

    /** True when both versions parse and {@code current}'s {@code X.Y.Z} is lower than {@code previous}'s. */
    public static boolean wentDown(String previous, String current) {
        Optional<Version> p = Version.parse(previous);
        Optional<Version> c = Version.parse(current);
        return p.isPresent() && c.isPresent() && c.get().compareCore(p.get()) < 0;
    }
}
