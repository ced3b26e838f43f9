package io.mojaloop.releasebot.core.contents;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The release-notes gate against the contents: the notes must name every changed component at its new version.
 * <p>
 * A component is named at its version when one line of the notes holds its name (or its repository's) as a whole
 * word ({@code ml-testing-toolkit} is not named by {@code ml-testing-toolkit-ui}) and its version as a whole
 * token, with or without the {@code v} ({@code v19.7.4} is not named by {@code v19.7.40} nor by
 * {@code v19.7.4-snapshot.1}). Case does not matter for names. Markdown around them does not matter:
 * {@code 1. central-ledger: v19.7.3 -> [v19.7.4](...)} and {@code | central-ledger | **19.7.4** |} both name it.
 * <p>
 * Required: each component added or at a new version (major, minor, patch, not semver); when the previous release
 * is unknown, each component with a known version (nothing proves it unchanged). An added component whose version
 * is unknown (only a chart dependency) must be named. Removed and unchanged components need not be.
 */
public final class NotesGate {

    private NotesGate() {
    }

    public enum Status {
        /** No notes yet, or the release's chart could not be read (nothing to check them against). */
        PENDING,
        PASSED,
        FAILED
    }

    /**
     * A component the notes miss.
     *
     * @param version the version the notes must name (null: the name alone)
     * @param named true when the notes name the component, only not at {@code version} (an old version, say)
     */
    public record Missing(String name, String repository, String version, boolean named) {
    }

    /** @param missing what the notes lack, in the order of the contents (empty unless FAILED) */
    public record Check(Status status, List<Missing> missing, int required) {
        public Check {
            missing = List.copyOf(missing);
        }
    }

    /** @param notes the notes' text; null when there are none (no file, no release body) */
    public static Check check(ReleaseContents contents, String notes) {
        if (notes == null || !contents.read()) {
            return new Check(Status.PENDING, List.of(), 0);
        }
        String[] lines = notes.replace("\r\n", "\n").split("\n");
        List<Missing> missing = new ArrayList<>();
        int required = 0;
        for (Component c : contents.components()) {
            boolean needed = c.change().changed() || c.change() == Change.UNKNOWN && c.version() != null;
            if (!needed) {
                continue;
            }
            required++;
            Set<String> names = new LinkedHashSet<>();
            names.add(c.name());
            String repo = c.repository().contains("/") ? c.repository().substring(c.repository().indexOf('/') + 1) : c.repository();
            names.add(repo);
            List<Pattern> namePatterns = names.stream().map(NotesGate::namePattern).toList();
            Pattern versionPattern = c.version() == null ? null : versionPattern(c.version());
            boolean named = false;
            boolean atVersion = false;
            for (String line : lines) {
                if (namePatterns.stream().noneMatch(p -> p.matcher(line).find())) {
                    continue;
                }
                named = true;
                if (versionPattern == null || versionPattern.matcher(line).find()) {
                    atVersion = true;
                    break;
                }
            }
            if (!atVersion) {
                missing.add(new Missing(c.name(), c.repository(), c.version(), named));
            }
        }
        return new Check(missing.isEmpty() ? Status.PASSED : Status.FAILED, missing, required);
    }

    static Pattern namePattern(String name) {
        return Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(name) + "(?![A-Za-z0-9_]|-[A-Za-z0-9])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    static Pattern versionPattern(String version) {
        String bare = Version.bare(version);
        return Pattern.compile("(?<![A-Za-z0-9.+-])v?" + Pattern.quote(bare) + "(?![A-Za-z0-9]|[.+-][A-Za-z0-9])");
    }
}
