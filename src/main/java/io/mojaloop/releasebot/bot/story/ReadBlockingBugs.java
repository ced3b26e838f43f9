package io.mojaloop.releasebot.bot.story;

import java.io.IOException;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;



import io.mojaloop.releasebot.core.bugs.BugTriage;
import io.mojaloop.releasebot.core.config.Gate;

import io.mojaloop.releasebot.core.story.StoryFacts.Item;


/**
 * The open issues each gate's {@code issue-query} finds; for a {@code priority-from: body} gate, each with what its
 * body says of its priority (the search answer carries the body: no further read). A search GitHub answered with
 * {@code incomplete_results: true}, or one that failed, is recorded as such: it never passes the gate.
 */
@ApplicationScoped
public class ReadBlockingBugs implements EvidenceReader {


    @Override
    public void read(StoryScope scope, StoryEvidence into) throws IOException {
        for (Gate gate : scope.config().gates()) {
            if (gate.issueQuery() == null) {
                continue;
            }
            SearchProblems.Asked asked = SearchProblems.ask(scope, gate.issueQuery(), "the issues of gate " + gate.id());
            if (asked.problem() != null) {
                into.searchProblems.put(gate.id(), asked.problem());
            }
            if (asked.result() == null) {
                continue;
            }
            List<Item> items = asked.result().items().stream().map(issue -> gate.priorityFromBody() == null ? Items.of(issue)
                    : Items.of(issue, BugTriage.of(gate.priorityFromBody(), issue.body()))).toList();
            into.bugsByGate.put(gate.id(), items);
        }
    }
}
