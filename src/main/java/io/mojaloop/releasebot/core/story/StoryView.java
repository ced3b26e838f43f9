package io.mojaloop.releasebot.core.story;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.story.StoryFacts.Candidate;
import io.mojaloop.releasebot.core.story.StoryFacts.ComponentVersion;
import io.mojaloop.releasebot.core.story.StoryFacts.ExceptionGrant;
import io.mojaloop.releasebot.core.story.StoryFacts.Item;

/** The story block's content: a release's readiness with every reason, ready to render. */
public record StoryView(Release release, Verdict verdict, List<GateRow> gates, List<CalendarRow> calendar,
        List<Candidate> candidates, List<ComponentVersion> helmCandidates, List<ExceptionGrant> exceptions,
        List<Item> blockingBugs, List<ComponentVersion> versions, ComponentVersion released, List<String> implementers) {

    public boolean hasDownstream() {
        return gates.stream().anyMatch(g -> g.gate().kind() == io.mojaloop.releasebot.core.config.GateKind.DOWNSTREAM);
    }

    public enum Verdict {
        READY, BLOCKED, PENDING, RELEASED
    }

    public enum GateStatus {
        PASSED("passed", "✅"), FAILED("failed", "❌"), PENDING("no evidence yet", "⏳");

        private final String words;
        private final String icon;

        GateStatus(String words, String icon) {
            this.words = words;
            this.icon = icon;
        }

        public String icon() {
            return icon;
        }

        public String words() {
            return words;
        }
    }

    /**
     * One gate's state and where it comes from.
     *
     * @param source {@code command} (a {@code /gate} comment) or {@code issue-query} (an issue search), null when pending
     */
    public record GateRow(Gate gate, GateStatus status, String source, String evidenceUrl, String by, Instant at,
            String note, List<Item> bugs, List<Detail> details) {

        public GateRow(Gate gate, GateStatus status, String source, String evidenceUrl, String by, Instant at, String note,
                List<Item> bugs) {
            this(gate, status, source, evidenceUrl, by, at, note, bugs, List.of());
        }
    }

    /**
     * A line under a gate: one TTK environment, one implementer, one repository's standards, the release notes.
     * Status is passed, failed, pending or unknown.
     */
    public record Detail(String label, String status, String url, String text) {
        public String icon() {
            return switch (status) {
                case "passed" -> "✅";
                case "failed" -> "❌";
                case "unknown" -> "❔";
                default -> "⏳";
            };
        }
    }

    /** A calendar entry; state is {@code upcoming}, {@code open}, {@code closed}, {@code off} or {@code done}. */
    public record CalendarRow(String name, Instant at, String state, ZoneId zone) {
    }

    public List<GateRow> blocking() {
        return gates.stream().filter(g -> g.status() == GateStatus.FAILED).toList();
    }

    public List<GateRow> pending() {
        return gates.stream().filter(g -> g.status() == GateStatus.PENDING).toList();
    }

    public List<ExceptionGrant> reviewExceptions() {
        return exceptions.stream().filter(e -> e.kind().equals("review")).toList();
    }

    public List<ExceptionGrant> freezeExceptions() {
        return exceptions.stream().filter(e -> e.kind().equals("freeze")).toList();
    }
}
