package io.mojaloop.releasebot.core.contents;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as Mojaloop writes tags and {@code appVersion} entries: SemVer {@code MAJOR.MINOR.PATCH} with an
 * optional {@code v} in front, an optional pre-release suffix ({@code -snapshot.3}, {@code -fx-snapshot.1},
 * {@code -iso.2}, {@code -ha.1}, {@code -hotfix.1}, {@code -rc.1}, any SemVer identifiers) and optional build
 * metadata ({@code +build.5}).
 *
 * @param text as written (trimmed), {@code v} included
 * @param suffix the pre-release identifiers without the {@code -} (null when none)
 * @param build the build metadata without the {@code +} (null when none)
 */
public record Version(String text, long major, long minor, long patch, String suffix, String build)
        implements Comparable<Version> {

    private static final String NUMBER = "(0|[1-9][0-9]{0,17})";
    private static final String IDENT = "[0-9A-Za-z-]+";
    static final Pattern VERSION = Pattern.compile("v?" + NUMBER + "\\." + NUMBER + "\\." + NUMBER
            + "(?:-(" + IDENT + "(?:\\." + IDENT + ")*))?(?:\\+(" + IDENT + "(?:\\." + IDENT + ")*))?");

    /** The version, or empty when the text is not one (null, blank, {@code 17.1}, {@code latest}, {@code v017.0.1}). */
    public static Optional<Version> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        Matcher m = VERSION.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Version(t, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                m.group(4), m.group(5)));
    }

    /** A full release: {@code vX.Y.Z} with no suffix and no build metadata. */
    public boolean isFinal() {
        return suffix == null && build == null;
    }

    /** {@code 17.2.0}: the numbers only. */
    public String core() {
        return major + "." + minor + "." + patch;
    }

    /** The text without its leading {@code v}: {@code v17.2.0-rc.1} -> {@code 17.2.0-rc.1}. */
    public String bare() {
        return bare(text);
    }

    static String bare(String tag) {
        String t = tag.trim();
        return t.startsWith("v") ? t.substring(1) : t;
    }

    /** Compares the numbers only: negative when this {@code X.Y.Z} is lower. */
    public int compareCore(Version other) {
        int c = Long.compare(major, other.major);
        if (c == 0) {
            c = Long.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, other.patch);
        }
        return c;
    }

    /**
     * SemVer precedence: the numbers, then a version with a suffix below the same version without one, suffix
     * identifiers compared one by one (numbers numerically and below words, words in ASCII order, fewer
     * identifiers below more). Build metadata does not count.
     */
    @Override
    public int compareTo(Version other) {
        int c = compareCore(other);
        if (c != 0) {
            return c;
        }
        if (suffix == null || other.suffix == null) {
            return suffix == null ? (other.suffix == null ? 0 : 1) : -1;
        }
        String[] a = suffix.split("\\.");
        String[] b = other.suffix.split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            boolean an = a[i].chars().allMatch(Character::isDigit);
            boolean bn = b[i].chars().allMatch(Character::isDigit);
            int d;
            if (an && bn) {
                d = a[i].length() != b[i].length() ? Integer.compare(a[i].length(), b[i].length()) : a[i].compareTo(b[i]);
            } else if (an || bn) {
                d = an ? -1 : 1;
            } else {
                d = a[i].compareTo(b[i]);
            }
            if (d != 0) {
                return d;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /** The same tag, with or without the {@code v}: {@code v17.2.0} and {@code 17.2.0}. */
    public static boolean sameTag(String a, String b) {
        return a != null && b != null && bare(a).equals(bare(b));
    }

    /**
     * True when {@code tag} is {@code version} itself or one of its suffixed tags: {@code v17.2.0-rc.1} and
     * {@code 17.2.0-snapshot.3} belong to {@code v17.2.0}, {@code v17.2.01} and {@code v17.2.0.1} do not.
     */
    public static boolean belongsTo(String tag, String version) {
        if (tag == null || version == null) {
            return false;
        }
        String t = bare(tag);
        String v = bare(version);
        return t.equals(v) || t.startsWith(v + "-");
    }
}
