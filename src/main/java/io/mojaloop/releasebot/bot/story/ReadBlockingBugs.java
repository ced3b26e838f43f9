package io.mojaloop.releasebot.bot.story;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.mojaloop.releasebot.core.bugs.BugTriage;
import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.core.story.SearchProblem;
import io.mojaloop.releasebot.core.story.StoryFacts.Item;
import io.mojaloop.releasebot.github.model.SearchResult;

/**
 * The open issues each gate's {@code issue-query} finds; for a {@code priority-from: body} gate, each with what its
 * body says of its priority (the search answer carries the body: no further read). A search GitHub answered with
 * {@code incomplete_results: true}, or one that failed, is recorded as such: it never passes the gate.
 */
@ApplicationScoped
public class ReadBlockingBugs implements EvidenceReader {

    private static final Logger LOG = Logger.getLogger(ReadBlockingBugs.class);

    @Override
    public void read(StoryScope scope, StoryEvidence into) throws IOException {
        for (Gate gate : scope.config().gates()) {
            if (gate.issueQuery() == null) {
                continue;
            }
            SearchResult found;
            try {
                found = scope.search(gate.issueQuery());
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                SearchProblem problem = SearchProblems.of(e);
                LOG.warnf("Issue search of gate %s failed (%s): %s", gate.id(), problem.kind(), e.getMessage());
                into.searchProblems.put(gate.id(), problem);
                continue;
            }
            if (found.incomplete()) {
                LOG.warnf("Issue search of gate %s: GitHub answered with incomplete results (%d items of %d)", gate.id(),
                        found.items().size(), found.totalCount());
                into.searchProblems.put(gate.id(), SearchProblem.incomplete());
            }
            List<Item> items = found.items().stream().map(issue -> gate.priorityFromBody() == null ? Items.of(issue)
                    : Items.of(issue, BugTriage.of(gate.priorityFromBody(), issue.body()))).toList();
            into.bugsByGate.put(gate.id(), items);
        }
    }
}
