package io.mojaloop.releasebot.core.contents;

/**
 * Something the contents could not say: a chart that does not parse, an {@code appVersion} of an unexpected
 * shape, a missing tag, a repository not found, a compare GitHub refused or truncated. Never an exception, never
 * a silently shorter list: each is one of these.
 *
 * @param component the component it concerns (its chart name), null when it concerns the release as a whole
 * @param message one sentence, for people (names in it come from the chart: escape when rendering)
 */
public record ContentsProblem(String component, String message) {

    public static ContentsProblem release(String message) {
        return new ContentsProblem(null, message);
    }

    public static ContentsProblem of(String component, String message) {
        return new ContentsProblem(component, message);
    }
}
