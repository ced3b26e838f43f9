package io.mojaloop.releasebot.core.bugs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One field of a bug template read from an issue body, such as Mojaloop's {@code **Priority**:} and
 * {@code **Severity**:}. Pure: text in, the field's value (or why there is none) out.
 * <p>
 * The field is a line whose label, after list markers ({@code -}, {@code *}, {@code 1.}), heading marks, quote marks
 * and emphasis ({@code **}, {@code __}, {@code *}, {@code _}), is the field's name followed by a colon (inside or
 * outside the emphasis), or a heading that is only the name. The value is the rest of that line or, when that is
 * empty, the next non-blank line. The value must name exactly one level: one of {@link #LEVELS} or of the levels
 * the caller knows (a gate's {@code priorities:}), in any case, with decoration around it; struck-through text
 * ({@code ~~High~~}) and HTML comments are left out. No field, no value, or a value naming no level or several
 * ({@code (Critical, Medium, Low)}, the template's own hint) is {@link Status#MISSING} or {@link Status#UNREADABLE}:
 * never a guess.
 */
public record BugField(Status status, String level, String text) {

    /** The levels of Mojaloop's bug template (Severity: Low, Medium, High; Priority: Critical, Medium, Low). */
    public static final List<String> LEVELS = List.of("critical", "high", "medium", "low");

    public enum Status {
        /** The field names one level. */
        FOUND,
        /** The body has no such field (or no body at all). */
        MISSING,
        /** The field is there, but its value names no level, or several. */
        UNREADABLE
    }

    /**
     * @param level the level in lower case, when found
     * @param text the field's value as written (trimmed, at most 80 characters), when the field is there
     */
    public BugField {
    }

    public boolean found() {
        return status == Status.FOUND;
    }

    static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    static final Pattern STRUCK = Pattern.compile("~~.*?~~");
    /** Leading list markers, quote marks, heading marks, checkboxes and emphasis before a label. */
    static final Pattern LEAD = Pattern.compile("^(?:\\s*(?:>|[-*+](?=\\s)|\\d{1,3}[.)](?=\\s)|#{1,6}(?=\\s)|\\[[ xX]\\](?=\\s)))*\\s*");
    static final Pattern DECORATION = Pattern.compile("[*_`~\\s]+");
    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** Reads the field {@code name} (e.g. {@code Priority}) from {@code body}. */
    public static BugField read(String body, String name) {
        return read(body, name, List.of());
    }

    /** Reads the field, knowing {@code levels} as well as {@link #LEVELS} (single words, any case). */
    public static BugField read(String body, String name, List<String> levels) {
        if (body == null || body.isBlank()) {
            return new BugField(Status.MISSING, null, null);
        }
        Set<String> known = new LinkedHashSet<>(LEVELS);
        levels.forEach(l -> known.add(l.toLowerCase(Locale.ROOT)));
        String[] lines = HTML_COMMENT.matcher(body.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("").split("\n", -1);
        BugField first = null;
        BugField found = null;
        for (int i = 0; i < lines.length; i++) {
            Optional<String> rest = afterLabel(lines[i], name);
            if (rest.isEmpty()) {
                continue;
            }
            String value = rest.get();
            if (plain(value).isEmpty()) {
                value = "";
                for (int j = i + 1; j < lines.length; j++) {
                    if (!lines[j].isBlank()) {
                        // the next line is the value, unless it is another field or a heading
                        if (!isLabelLine(lines[j], known)) {
                            value = lines[j];
                        }
                        break;
                    }
                }
            }
            BugField field = level(value, known);
            if (first == null) {
                first = field;
            }
            if (field.found()) {
                if (found != null && !found.level().equals(field.level())) {
                    // two fields that disagree: no guess
                    return new BugField(Status.UNREADABLE, null, found.text() + " / " + field.text());
                }
                if (found == null) {
                    found = field;
                }
            }
        }
        return found != null ? found : first != null ? first : new BugField(Status.MISSING, null, null);
    }

    /** The text after {@code name:} when the line is that field's label; empty when it is not. */
    static Optional<String> afterLabel(String line, String name) {
        Matcher lead = LEAD.matcher(line);
        String s = lead.lookingAt() ? line.substring(lead.end()) : line;
        boolean heading = line.stripLeading().startsWith("#");
        // emphasis before the name
        int at = 0;
        while (at < s.length() && (s.charAt(at) == '*' || s.charAt(at) == '_')) {
            at++;
        }
        if (!s.regionMatches(true, at, name, 0, name.length())) {
            return Optional.empty();
        }
        int end = at + name.length();
        // the name is a whole word
        if (end < s.length() && Character.isLetterOrDigit(s.charAt(end))) {
            return Optional.empty();
        }
        // emphasis and spaces between the name and the colon, the colon, then emphasis closing after it
        int p = end;
        while (p < s.length() && (s.charAt(p) == '*' || s.charAt(p) == '_' || s.charAt(p) == ' ')) {
            p++;
        }
        if (p < s.length() && s.charAt(p) == ':') {
            p++;
            while (p < s.length() && (s.charAt(p) == '*' || s.charAt(p) == '_')) {
                p++;
            }
            return Optional.of(s.substring(p));
        }
        if (heading && plain(s.substring(end)).isEmpty()) {
            return Optional.of("");
        }
        return Optional.empty();
    }

    static final Pattern EMPHASISED = Pattern.compile("^(?:\\*\\*|__)(.+?)(?:\\*\\*|__)");
    static final Pattern PLAIN_LABEL = Pattern.compile("^([\\p{L}][\\p{L} /()-]{0,40}):");

    /**
     * A line that is itself a label ({@code **Expected Behavior**}, {@code - **Version**: 17}, {@code Platform:},
     * {@code ## Steps}), not a value; a line naming a level ({@code **High**}) is a value.
     */
    static boolean isLabelLine(String line, Set<String> known) {
        String t = line.strip();
        if (t.startsWith("#")) {
            return true;
        }
        String inner = t.replaceAll("^(?:[-*+](?=\\s)|>)\\s*", "");
        Matcher m = EMPHASISED.matcher(inner);
        if (m.find()) {
            return !namesLevel(m.group(1), known);
        }
        m = PLAIN_LABEL.matcher(inner);
        return m.find() && !namesLevel(m.group(1), known);
    }

    static boolean namesLevel(String text, Set<String> known) {
        Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            if (known.contains(words.group())) {
                return true;
            }
        }
        return false;
    }

    static String plain(String text) {
        return DECORATION.matcher(text).replaceAll(" ").strip();
    }

    static BugField level(String value, Set<String> known) {
        String written = value.strip();
        if (written.length() > 80) {
            written = written.substring(0, 80);
        }
        String kept = STRUCK.matcher(value).replaceAll(" ");
        List<String> named = new ArrayList<>();
        Matcher words = WORD.matcher(kept.toLowerCase(Locale.ROOT));
        while (words.find()) {
            if (known.contains(words.group()) && !named.contains(words.group())) {
                named.add(words.group());
            }
        }
        if (named.size() == 1) {
            return new BugField(Status.FOUND, named.get(0), written);
        }
        return new BugField(Status.UNREADABLE, null, written.isEmpty() ? null : written);
    }
}
