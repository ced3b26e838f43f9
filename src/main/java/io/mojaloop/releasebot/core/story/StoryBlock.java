package io.mojaloop.releasebot.core.story;

/**
 * The part of the story issue's body the bot owns: between {@code <!-- release-bot:start -->} and
 * {@code <!-- release-bot:end -->}. Everything outside stays as people wrote it.
 */
public final class StoryBlock {

    public static final String START = "<!-- release-bot:start -->";
    public static final String END = "<!-- release-bot:end -->";

    private StoryBlock() {
    }

    /**
     * The body with the block replaced, or appended when there is none. A start marker without an end marker
     * (someone deleted the end) is taken to run to the end of the body, so the result has exactly one block and
     * applying it again changes nothing.
     */
    public static String splice(String body, String block) {
        String text = body == null ? "" : body.replace("\r\n", "\n");
        String owned = START + "\n" + block.strip() + "\n" + END;
        int start = text.indexOf(START);
        if (start < 0) {
            return text.isBlank() ? owned : text.stripTrailing() + "\n\n" + owned;
        }
        int end = text.indexOf(END, start);
        String after = end < 0 ? "" : text.substring(end + END.length());
        return text.substring(0, start) + owned + after;
    }

    /** The current block's content, or null when the body has none. */
    public static String current(String body) {
        if (body == null) {
            return null;
        }
        String text = body.replace("\r\n", "\n");
        int start = text.indexOf(START);
        if (start < 0) {
            return null;
        }
        int end = text.indexOf(END, start);
        return text.substring(start + START.length(), end < 0 ? text.length() : end).strip();
    }
}
