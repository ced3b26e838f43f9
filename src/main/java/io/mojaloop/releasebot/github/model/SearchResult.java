package io.mojaloop.releasebot.github.model;

import java.util.List;

/**
 * What an issue search found. {@code incomplete} is GitHub's {@code incomplete_results}: the search timed out and
 * the items may be missing some matches.
 */
public record SearchResult(int totalCount, boolean incomplete, List<Issue> items) {

    public SearchResult {
        items = List.copyOf(items);
    }
}
