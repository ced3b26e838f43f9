package io.mojaloop.releasebot.core.story;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A release version as Mojaloop writes it: SemVer {@code vMAJOR.MINOR.PATCH} (the {@code v} optional) with an
 * optional Mojaloop suffix {@code -rc.N}, {@code -snapshot.N} or {@code -hotfix.N}.
 */
public record ReleaseVersion(String text) {

    static final Pattern VERSION = Pattern.compile("v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-(rc|snapshot|hotfix)\\.(0|[1-9]\\d*))?");

    public static Optional<ReleaseVersion> parse(String text) {
        if (text == null || !VERSION.matcher(text.trim()).matches()) {
            return Optional.empty();
        }
        return Optional.of(new ReleaseVersion(text.trim()));
    }

    /** The version without a leading {@code v}, for comparisons: {@code 17.2.0-rc.1}. */
    public String bare() {
        return text.startsWith("v") ? text.substring(1) : text;
    }

    /** True when this is {@code release} itself or one of its pre-releases ({@code v17.2.0-rc.1} of {@code v17.2.0}). */
    public boolean belongsTo(String release) {
        String r = release.startsWith("v") ? release.substring(1) : release;
        return bare().equals(r) || bare().startsWith(r + "-");
    }

    /** Tags compare without the leading {@code v}: {@code v17.2.0} and {@code 17.2.0} are the same release. */
    public static boolean sameTag(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return strip(a).equals(strip(b));
    }

    private static String strip(String tag) {
        String t = tag.trim();
        return t.startsWith("v") ? t.substring(1) : t;
    }
}
