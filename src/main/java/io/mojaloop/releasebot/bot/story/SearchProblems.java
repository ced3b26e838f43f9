package io.mojaloop.releasebot.bot.story;

import java.io.InterruptedIOException;
import org.jboss.logging.Logger;
import io.mojaloop.releasebot.github.model.SearchResult;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

import io.mojaloop.releasebot.core.story.SearchProblem;
import io.mojaloop.releasebot.github.GitHubApiException;

/** Why a search cannot be believed: it failed (from what the transport threw), or GitHub answered incompletely. */
final class SearchProblems {

    private static final Logger LOG = Logger.getLogger(SearchProblems.class);

    private SearchProblems() {
    }

    /**
     * What a search answered, and why it cannot be believed.
     *
     * @param result null when the search failed
     * @param problem null when GitHub answered in full
     */
    record Asked(SearchResult result, SearchProblem problem) {
    }

    /**
     * Asks the rebuild's search: a failure or an incomplete answer is a problem (logged, said on the story), never an
     * exception; only shutting down is.
     *
     * @param what what is searched for, for the log
     */
    static Asked ask(StoryScope scope, String query, String what) throws InterruptedIOException {
        SearchResult result;
        try {
            result = scope.search(query);
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            SearchProblem problem = of(e);
            LOG.warnf("Search for %s failed (%s): %s", what, problem.kind(), e.getMessage());
            return new Asked(null, problem);
        }
        if (result.incomplete()) {
            LOG.warnf("Search for %s: GitHub answered with incomplete results (%d items of %d)", what, result.items().size(),
                    result.totalCount());
            return new Asked(result, SearchProblem.incomplete());
        }
        return new Asked(result, null);
    }

    static SearchProblem of(IOException e) {
        if (e instanceof GitHubApiException api) {
            SearchProblem.Kind kind = switch (api.status()) {
                case 422 -> SearchProblem.Kind.INVALID;
                case 403, 429 -> SearchProblem.Kind.RATE_LIMITED;
                default -> SearchProblem.Kind.FAILED;
            };
            return new SearchProblem(kind, api.status());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                return new SearchProblem(SearchProblem.Kind.TIMED_OUT, 0);
            }
        }
        return new SearchProblem(SearchProblem.Kind.FAILED, 0);
    }
}
