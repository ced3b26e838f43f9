package io.mojaloop.releasebot.core.story;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.contents.AuditSection;
import io.mojaloop.releasebot.core.contents.ContentsSection;
import io.mojaloop.releasebot.core.contents.NotesGate;
import io.mojaloop.releasebot.core.report.TtkOutcome;
import io.mojaloop.releasebot.core.report.TtkRecord;
import io.mojaloop.releasebot.core.story.StoryFacts.Candidate;
import io.mojaloop.releasebot.core.story.StoryFacts.ComponentVersion;
import io.mojaloop.releasebot.core.story.StoryFacts.ExceptionGrant;
import io.mojaloop.releasebot.core.story.StoryFacts.Item;
import io.mojaloop.releasebot.core.story.StoryFacts.ReleaseNotes;
import io.mojaloop.releasebot.core.story.StoryFacts.RepoStandard;

/**
 * The story block's content: a release's readiness with every reason, ready to render. Facts only: the template
 * {@code story/block.md} puts them in words.
 */
public record StoryView(Release release, Verdict verdict, List<GateRow> gates, List<CalendarRow> calendar,
        List<Candidate> candidates, List<ComponentVersion> helmCandidates, List<ExceptionGrant> exceptions,
        List<Item> blockingBugs, List<ComponentVersion> versions, ComponentVersion released, List<String> implementers,
        SearchProblem candidatesUnread, SearchProblem exceptionsUnread, ContentsSection contents, AuditSection audit) {

    /** A view without the release's contents and audit (they were not read). */
    public StoryView(Release release, Verdict verdict, List<GateRow> gates, List<CalendarRow> calendar,
            List<Candidate> candidates, List<ComponentVersion> helmCandidates, List<ExceptionGrant> exceptions,
            List<Item> blockingBugs, List<ComponentVersion> versions, ComponentVersion released, List<String> implementers,
            SearchProblem candidatesUnread, SearchProblem exceptionsUnread) {
        this(release, verdict, gates, calendar, candidates, helmCandidates, exceptions, blockingBugs, versions, released,
                implementers, candidatesUnread, exceptionsUnread, null, null);
    }

    /** A view whose searches all answered. */
    public StoryView(Release release, Verdict verdict, List<GateRow> gates, List<CalendarRow> calendar,
            List<Candidate> candidates, List<ComponentVersion> helmCandidates, List<ExceptionGrant> exceptions,
            List<Item> blockingBugs, List<ComponentVersion> versions, ComponentVersion released, List<String> implementers,
            ContentsSection contents, AuditSection audit) {
        this(release, verdict, gates, calendar, candidates, helmCandidates, exceptions, blockingBugs, versions, released,
                implementers, null, null, contents, audit);
    }

    public StoryView(Release release, Verdict verdict, List<GateRow> gates, List<CalendarRow> calendar,
            List<Candidate> candidates, List<ComponentVersion> helmCandidates, List<ExceptionGrant> exceptions,
            List<Item> blockingBugs, List<ComponentVersion> versions, ComponentVersion released, List<String> implementers) {
        this(release, verdict, gates, calendar, candidates, helmCandidates, exceptions, blockingBugs, versions, released,
                implementers, null, null, null, null);
    }

    public boolean hasDownstream() {
        return gates.stream().anyMatch(g -> g.gate().kind() == io.mojaloop.releasebot.core.config.GateKind.DOWNSTREAM);
    }

    public enum Verdict {
        READY, BLOCKED, PENDING, RELEASED
    }

    public enum GateStatus {
        PASSED, FAILED, PENDING
    }

    /**
     * One gate's state and where it comes from.
     *
     * @param source {@code command} (a {@code /gate} comment), {@code issue-query} (an issue search), {@code ttk}
     *        (Testing Toolkit reports), {@code implementers} (the downstream implementers' {@code /gate} comments),
     *        {@code repo-standards} or {@code release-notes}; null when pending without evidence
     * @param by who recorded it (null when nobody did: reports, searches)
     * @param note what the person who recorded it wrote (null when nothing)
     * @param bugs the open issues that block the gate (for an issues gate)
     * @param unread why the gate's issue search cannot be believed (incomplete or failed); null when it answered
     */
    public record GateRow(Gate gate, GateStatus status, String source, String evidenceUrl, String by, Instant at,
            String note, List<Item> bugs, List<Detail> details, SearchProblem unread) {

        public GateRow(Gate gate, GateStatus status, String source, String evidenceUrl, String by, Instant at, String note,
                List<Item> bugs, List<Detail> details) {
            this(gate, status, source, evidenceUrl, by, at, note, bugs, details, null);
        }

        public GateRow(Gate gate, GateStatus status, String source, String evidenceUrl, String by, Instant at, String note,
                List<Item> bugs) {
            this(gate, status, source, evidenceUrl, by, at, note, bugs, List.of());
        }

        /** Pending only because the issue search could not be believed. */
        public boolean searchUnread() {
            return unread != null && status == GateStatus.PENDING;
        }

        /** The lines that have a result (passed or failed), e.g. the implementers that validated or failed. */
        public List<Detail> decided() {
            return details.stream().filter(d -> d.status() == DetailStatus.PASSED || d.status() == DetailStatus.FAILED).toList();
        }

        /** True when the repository standards are pending only because the app may not read branch protection. */
        public boolean needsAdministrationRead() {
            return "repo-standards".equals(source) && status == GateStatus.PENDING;
        }
    }

    /** The state of one line under a gate. */
    public enum DetailStatus {
        PASSED, FAILED, PENDING, UNKNOWN
    }

    /** A line under a gate: one TTK environment, one implementer, one repository's standards, the release notes. */
    public sealed interface Detail permits TtkDetail, ImplementerDetail, StandardDetail, NotesDetail {
        /** What the line is about: the environment, implementer or repository; null for a report without environment. */
        String label();

        DetailStatus status();

        /** Where the evidence is, or null. */
        String url();
    }

    /**
     * The latest report of one environment ({@code label}, null when the report named none), and what it means for
     * the gate ({@code outcome}: skipped assertions count only where the gate allows them).
     */
    public record TtkDetail(String label, DetailStatus status, String url, TtkRecord report, TtkOutcome outcome) implements Detail {
    }

    /** One downstream implementer: pending, or validated or failed by someone, with the rest of their note. */
    public record ImplementerDetail(String label, DetailStatus status, String url, String by, String note) implements Detail {
    }

    /** One repository's standards; {@code label} is the repository's name. */
    public record StandardDetail(String label, DetailStatus status, RepoStandard standard) implements Detail {
        @Override
        public String url() {
            return null;
        }
    }

    /** Where the release notes are (or were looked for). */
    /**
     * @param check the notes against the release's contents (null when the contents were not read: then notes that
     *        exist pass, as before contents were known)
     */
    public record NotesDetail(DetailStatus status, ReleaseNotes notes, NotesGate.Check check) implements Detail {

        public NotesDetail(DetailStatus status, ReleaseNotes notes) {
            this(status, notes, null);
        }

        public static final int MAX_MISSING = 25;

        /** The components the notes miss, at most {@link #MAX_MISSING}. */
        public List<NotesGate.Missing> missing() {
            return check == null ? List.of() : check.missing().stream().limit(MAX_MISSING).toList();
        }

        /** How many missing components are not listed. */
        public int moreMissing() {
            return check == null ? 0 : Math.max(0, check.missing().size() - MAX_MISSING);
        }

        @Override
        public String label() {
            return null;
        }

        @Override
        public String url() {
            return notes.url();
        }
    }

    /** A calendar entry: which date, when, and whether it is ahead, open, over or switched off. */
    public record CalendarRow(Entry entry, Instant at, State state, ZoneId zone) {

        public enum Entry {
            FEATURE_FREEZE, BUGFIX_FREEZE, PI_KICKOFF, RELEASE_DATE
        }

        /** {@code OPEN} and {@code CLOSED} are for the freeze windows, {@code DONE} for dates that have passed. */
        public enum State {
            UPCOMING, OPEN, CLOSED, OFF, DONE
        }
    }

    /** An issue search of a gate could not be believed (incomplete or failed): "none open" would not be true. */
    public boolean bugSearchUnread() {
        return gates.stream().anyMatch(g -> g.unread() != null);
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
