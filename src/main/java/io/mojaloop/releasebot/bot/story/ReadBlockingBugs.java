package io.mojaloop.releasebot.bot.story;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.github.GitHubApiException;

/** The open issues each gate's {@code issue-query} finds. */
@ApplicationScoped
public class ReadBlockingBugs implements EvidenceReader {

    private static final Logger LOG = Logger.getLogger(ReadBlockingBugs.class);

    @Override
    public void read(StoryScope scope, StoryEvidence into) throws IOException {
        for (Gate gate : scope.config().gates()) {
            if (gate.issueQuery() == null) {
                continue;
            }
            try {
                into.bugsByGate.put(gate.id(), scope.search(gate.issueQuery()).items().stream().map(Items::of).toList());
            } catch (GitHubApiException e) {
                LOG.warnf("Issue search of gate %s failed: %s", gate.id(), e.getMessage());
            }
        }
    }
}
