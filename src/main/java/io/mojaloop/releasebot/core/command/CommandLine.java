package io.mojaloop.releasebot.core.command;

import java.util.Optional;

/**
 * A command as people type it: the first line of a comment, starting with the command's name (e.g.
 * {@code /review-exception urgent fix, agreed in the DA call}). The arguments are the rest of that line, as typed
 * (quotes and apostrophes are just text).
 */
public record CommandLine(String name, String arguments) {

    /**
     * The command on the comment's first non-blank line, as Markdown shows it: up to three spaces of indentation
     * are fine; four spaces or a tab make an indented code block, and a line starting with {@code >} or a code
     * fence is a quote or a code block, so none of those is a command.
     */
    public static Optional<CommandLine> parse(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String raw = body.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        if (indentation(raw) >= 4) {
            return Optional.empty();
        }
        String first = raw.strip();
        if (!first.startsWith("/") || first.length() < 2) {
            return Optional.empty();
        }
        int space = indexOfWhitespace(first);
        String name = space < 0 ? first : first.substring(0, space);
        String args = space < 0 ? "" : first.substring(space).strip();
        return Optional.of(new CommandLine(name, args));
    }

    /** Leading indentation in columns, a tab counting to the next multiple of four, as CommonMark counts it. */
    private static int indentation(String line) {
        int columns = 0;
        for (char c : line.toCharArray()) {
            if (c == ' ') {
                columns++;
            } else if (c == '\t') {
                columns += 4 - columns % 4;
            } else {
                break;
            }
        }
        return columns;
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
