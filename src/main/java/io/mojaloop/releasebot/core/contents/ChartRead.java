package io.mojaloop.releasebot.core.contents;

/**
 * The umbrella chart's text at one ref, as the edge read it, or why it could not.
 *
 * @param text the file's text; null when it could not be read
 * @param failure null when read
 * @param detail what GitHub said, for the problem line (may be null)
 */
public record ChartRead(ChartRef ref, String text, Failure failure, String detail) {

    public enum Failure {
        /** GitHub answered 404: the tag (or branch) or the chart file at it does not exist. */
        NOT_FOUND,
        /** Anything else: 403, 5xx, a timeout, a file too large to read. */
        UNREADABLE
    }

    public static ChartRead of(ChartRef ref, String text) {
        return new ChartRead(ref, text, null, null);
    }

    public static ChartRead notFound(ChartRef ref) {
        return new ChartRead(ref, null, Failure.NOT_FOUND, null);
    }

    public static ChartRead unreadable(ChartRef ref, String detail) {
        return new ChartRead(ref, null, Failure.UNREADABLE, detail);
    }

    public boolean read() {
        return failure == null && text != null;
    }
}
