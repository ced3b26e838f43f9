package io.mojaloop.releasebot.bot.story;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

import io.mojaloop.releasebot.core.story.SearchProblem;
import io.mojaloop.releasebot.github.GitHubApiException;

/** Why a search failed, from what the transport threw. */
final class SearchProblems {

    private SearchProblems() {
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
