package io.mojaloop.releasebot.core.config;

/**
 * One thing wrong with a config file, located precisely enough to fix it without reading the bot's code.
 * Lines and columns are 1-based.
 */
public record ConfigProblem(String file, int line, int column, String message) {

    /** {@code .github/release-bot.yml:12:5: reviews.required-approvals must be ...}. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
