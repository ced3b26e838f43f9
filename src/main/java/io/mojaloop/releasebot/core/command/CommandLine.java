package io.mojaloop.releasebot.core.command;

import java.util.Optional;

/**
 * A command as people type it: the first line of a comment, starting with the command's name (e.g.
 * {@code /review-exception urgent fix, agreed in the DA call}). The arguments are the rest of that line, as typed
 * (quotes and apostrophes are just text).
 */
public record CommandLine(String name, String arguments) {

    public static Optional<CommandLine> parse(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String first = body.strip().lines().findFirst().orElse("").strip();
        if (!first.startsWith("/") || first.length() < 2) {
            return Optional.empty();
        }
        int space = indexOfWhitespace(first);
        String name = space < 0 ? first : first.substring(0, space);
        String args = space < 0 ? "" : first.substring(space).strip();
        return Optional.of(new CommandLine(name, args));
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
