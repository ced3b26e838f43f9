package io.mojaloop.releasebot.core.report;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * A machine-readable line the bot writes into its own comments, so that what it did can be read back from GitHub
 * alone: {@code <!-- release-bot:<kind> {json} -->}, on a line of its own.
 * <ul>
 * <li>Written in ASCII only, with {@code -}, {@code <} and {@code >} as JSON escapes, so no value can end the HTML
 * comment, start another one, or break the line (every non-ASCII character, including Unicode line separators, is
 * escaped too).</li>
 * <li>Read only as a whole line, and only the <em>last</em> such line of a comment counts: text the bot quotes from
 * people (a report id, an argument) is escaped onto the line it is shown on and always comes before the record, so
 * it can neither be a record line nor replace one.</li>
 * </ul>
 * Callers trust records only in comments this app made.
 */
public final class RecordLine {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter ASCII = MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    private RecordLine() {
    }

    /** The line for these fields (insertion order kept). */
    public static String write(String kind, Map<String, ?> fields) {
        try {
            String json = ASCII.writeValueAsString(fields).replace("-", "\\u002d").replace("<", "\\u003c")
                    .replace(">", "\\u003e");
            return "<!-- release-bot:" + kind + " " + json + " -->";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON of the last whole line {@code <!-- release-bot:<kind> {...} -->} of the text, if any parses. */
    public static Optional<JsonNode> last(String text, String kind) {
        if (text == null) {
            return Optional.empty();
        }
        Pattern line = Pattern.compile("<!-- release-bot:" + Pattern.quote(kind) + " (\\{.*\\}) -->");
        String found = null;
        for (String l : text.split("\n", -1)) {
            Matcher m = line.matcher(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
            if (m.matches()) {
                found = m.group(1);
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        try {
            JsonNode json = MAPPER.readTree(found);
            return json.isObject() ? Optional.of(json) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
