package io.mojaloop.releasebot.core.story;

/**
 * Why an issue search cannot be believed: GitHub answered with {@code incomplete_results: true} (its search ran out
 * of time, so some matches may be missing), or the search did not answer at all. Either way it proves nothing is
 * open, so a gate resting on it is never passed by it.
 *
 * @param status GitHub's HTTP status when it answered with an error, else 0
 */
public record SearchProblem(Kind kind, int status) {

    public enum Kind {
        /** {@code incomplete_results: true}: the items may be missing some matches. */
        INCOMPLETE,
        /** No answer in time. */
        TIMED_OUT,
        /** Refused for GitHub's search rate limit (403/429). */
        RATE_LIMITED,
        /** GitHub refused the query itself (422): the configuration needs fixing, asking again will not help. */
        INVALID,
        /** Any other failure: a 5xx, a refused connection. */
        FAILED
    }

    public static SearchProblem incomplete() {
        return new SearchProblem(Kind.INCOMPLETE, 0);
    }

    /** Asking again later may give an answer (everything but an invalid query). */
    public boolean worthRetrying() {
        return kind != Kind.INVALID;
    }
}
