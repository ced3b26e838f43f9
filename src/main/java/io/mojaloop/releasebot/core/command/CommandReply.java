package io.mojaloop.releasebot.core.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.mojaloop.releasebot.core.report.RecordLine;

/**
 * The record line at the end of every reply the bot posts to a command: the id of the comment it answers, and, for
 * a review exception, the PR's head commit when the bot accepted the grant ({@code <!-- release-bot:reply
 * {"comment":123,"commit":"6dcb09b..."} -->}). It makes the bot's answers identifiable from GitHub alone: a command
 * that already has one is never run again (a replayed webhook, a restart), and a review exception holds only on the
 * commit its record names. Trusted only in comments this app made; the last record line of a comment counts.
 *
 * @param comment the id of the command's comment
 * @param commit the head commit a review exception was granted on, or null
 */
public record CommandReply(long comment, String commit) {

    static final String KIND = "reply";

    public static CommandReply to(long comment) {
        return new CommandReply(comment, null);
    }

    public String line() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("comment", comment);
        if (commit != null) {
            fields.put("commit", commit);
        }
        return RecordLine.write(KIND, fields);
    }

    /** The record of a comment's body (its last record line), if it has one. */
    public static Optional<CommandReply> read(String body) {
        return RecordLine.last(body, KIND).filter(j -> j.path("comment").canConvertToLong() && j.path("comment").asLong() > 0)
                .map(j -> new CommandReply(j.path("comment").asLong(),
                        j.path("commit").isTextual() && j.path("commit").asText().matches("[0-9a-fA-F]{7,64}")
                                ? j.path("commit").asText()
                                : null));
    }
}
