package io.mojaloop.releasebot.core.story;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/**
 * One {@code /gate <gate-id> pass|fail|reset [evidence-url] [note]} comment on the story, by someone allowed to
 * record gates. The story is rebuilt from these comments every time; for each gate the latest one wins.
 */
public record GateCommand(String gateId, Action action, String evidenceUrl, String note, String by, Instant at,
        String commentUrl) {

    public enum Action {
        PASS, FAIL, RESET
    }

    /** Why a {@code /gate} comment's arguments can't be read (the command's template says it in words). */
    public enum Problem {
        /** No gate id and action. */
        MISSING_ARGUMENTS,
        /** The second word is not {@code pass}, {@code fail} or {@code reset}. */
        UNKNOWN_ACTION
    }

    /** What a {@code /gate} comment's arguments say, or why they can't be read. */
    public record Parsed(String gateId, Action action, String evidenceUrl, String note, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** Reads {@code <gate-id> pass|fail|reset [evidence-url] [note]}. */
    public static Parsed parse(String arguments) {
        String[] words = arguments == null ? new String[0] : arguments.strip().split("\\s+", 3);
        if (words.length < 2 || words[0].isEmpty()) {
            return new Parsed(null, null, null, null, Problem.MISSING_ARGUMENTS);
        }
        String id = words[0].toLowerCase(Locale.ROOT);
        Action action;
        try {
            action = Action.valueOf(words[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new Parsed(id, null, null, null, Problem.UNKNOWN_ACTION);
        }
        String rest = words.length > 2 ? words[2].strip() : "";
        String url = null;
        String note = rest;
        if (!rest.isEmpty()) {
            String first = rest.split("\\s+", 2)[0];
            if (isWebLink(first)) {
                url = first;
                note = rest.length() > first.length() ? rest.substring(first.length()).strip() : "";
            }
        }
        return new Parsed(id, action, url, note.isEmpty() ? null : note, null);
    }

    /** Only http(s) links with a host become links; anything else ({@code javascript:}, ...) stays text. */
    public static boolean isWebLink(String text) {
        if (text == null) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                    && uri.getHost() != null && !text.contains("<") && !text.contains(">") && !text.contains("\"");
        } catch (Exception e) {
            return false;
        }
    }
}
