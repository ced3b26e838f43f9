package io.mojaloop.releasebot.core.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.core.config.FreezeWindows;
import io.mojaloop.releasebot.core.contents.Audit;
import io.mojaloop.releasebot.core.contents.AuditSection;
import io.mojaloop.releasebot.core.contents.ContentsSection;
import io.mojaloop.releasebot.core.contents.NotesGate;
import io.mojaloop.releasebot.core.contents.Version;
import io.mojaloop.releasebot.core.report.TtkOutcome;
import io.mojaloop.releasebot.core.story.StoryFacts.ComponentVersion;
import io.mojaloop.releasebot.core.story.StoryFacts.Item;
import io.mojaloop.releasebot.core.story.StoryView.CalendarRow;
import io.mojaloop.releasebot.core.story.StoryView.CalendarRow.Entry;
import io.mojaloop.releasebot.core.story.StoryView.CalendarRow.State;
import io.mojaloop.releasebot.core.story.StoryView.DetailStatus;
import io.mojaloop.releasebot.core.story.StoryView.GateRow;
import io.mojaloop.releasebot.core.story.StoryView.GateStatus;
import io.mojaloop.releasebot.core.story.StoryView.Verdict;

/**
 * Decides a release's readiness from the facts, with no GitHub and no clock of its own.
 * <ul>
 * <li>A gate's latest {@code /gate} command decides it ({@code reset} hands it back to automatic evidence).</li>
 * <li>Otherwise a gate with an {@code issue-query} passes when the search finds no open issue that blocks (with
 * {@code priority-from: body}: whose body's priority matches or cannot be read) and fails when it finds any; a search
 * GitHub answered incompletely, or that failed, never passes: the gate is pending with the reason (failed when the
 * issues it did find block). Every other gate is pending until someone records evidence.</li>
 * <li>RELEASED once the {@code helm} repository publishes the release's own tag as a full release; else BLOCKED
 * when a gate failed, PENDING when a gate has no evidence, READY when every gate passed.</li>
 * </ul>
 */
public final class ReleaseReadiness {

    public static final String HELM = "helm";

    private ReleaseReadiness() {
    }

    public static StoryView evaluate(StoryFacts facts, Instant now) {
        return evaluate(facts, now, "https://github.com");
    }

    /** {@code web} is where people read GitHub (https://github.com, or a GitHub Enterprise Server), for search links. */
    public static StoryView evaluate(StoryFacts facts, Instant now, String web) {
        List<GateRow> rows = new ArrayList<>();
        List<Item> blockingBugs = new ArrayList<>();
        for (Gate gate : facts.gates()) {
            List<Item> found = facts.bugsByGate().get(gate.id());
            List<Item> bugs = found == null ? null : found.stream().filter(Item::blocks).toList();
            if (bugs != null) {
                for (Item bug : bugs) {
                    if (blockingBugs.stream().noneMatch(b -> b.repository().equals(bug.repository()) && b.number() == bug.number())) {
                        blockingBugs.add(bug);
                    }
                }
            }
            List<GateCommand> commands = facts.gateCommands().stream().filter(c -> c.gateId().equals(gate.id())).toList();
            rows.add(switch (gate.kind()) {
                case TTK -> ttk(gate, commands, facts);
                case DOWNSTREAM -> downstream(gate, commands, facts);
                default -> automatic(gate, commands, bugs, facts, web);
            });
        }
        ComponentVersion released = facts.helmReleases().stream()
                .filter(r -> !r.prerelease() && strict(facts.release().version()) && strict(r.tag())
                        && ReleaseVersion.sameTag(r.tag(), facts.release().version()))
                .findFirst().orElse(null);
        List<ComponentVersion> helmCandidates = facts.helmReleases().stream()
                .filter(r -> r.prerelease() && ReleaseVersion.parse(r.tag()).map(v -> v.belongsTo(facts.release().version())).orElse(false))
                .sorted(Comparator.comparing(ComponentVersion::publishedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        Verdict verdict;
        if (released != null) {
            verdict = Verdict.RELEASED;
        } else if (rows.stream().anyMatch(r -> r.status() == GateStatus.FAILED)) {
            verdict = Verdict.BLOCKED;
        } else if (rows.stream().anyMatch(r -> r.status() == GateStatus.PENDING)) {
            verdict = Verdict.PENDING;
        } else {
            verdict = Verdict.READY;
        }
        ContentsSection contents = null;
        AuditSection audit = null;
        if (facts.contents() != null) {
            StoryFacts.Contents c = facts.contents();
            contents = ContentsSection.of(c.contents(), c.links(), c.draftUrl());
            audit = AuditSection.of(c.auditChecked(), Audit.rows(c.merged()), null, c.unreadable().size());
        }
        return new StoryView(facts.release(), verdict, rows, calendar(facts, now), facts.candidates(), helmCandidates,
                facts.exceptions(), blockingBugs, facts.versions(), released, facts.implementers(), facts.candidatesProblem(),
                facts.exceptionsProblem(), contents, audit);
    }

    /** The latest command decides, unless it is a reset; then the gate's automatic evidence (if any) does. */
    static GateRow automatic(Gate gate, List<GateCommand> commands, List<Item> bugs, StoryFacts facts, String web) {
        GateCommand command = commands.isEmpty() ? null : commands.get(commands.size() - 1);
        if (command != null && command.action() != GateCommand.Action.RESET) {
            return manual(gate, command, bugs == null ? List.of() : bugs, List.of());
        }
        switch (gate.kind()) {
            case ISSUES -> {
                // an incomplete or failed search never passes: blocking issues it did find still fail the gate
                SearchProblem problem = facts.searchProblems().get(gate.id());
                if (bugs != null || problem != null) {
                    List<Item> blocking = bugs == null ? List.of() : bugs;
                    GateStatus status = !blocking.isEmpty() ? GateStatus.FAILED : problem != null ? GateStatus.PENDING : GateStatus.PASSED;
                    return new GateRow(gate, status, "issue-query", searchUrl(web, gate.issueQuery()), null, null, null, blocking,
                            List.of(), problem);
                }
            }
            case REPO_STANDARDS -> {
                if (facts.standards() != null) {
                    return standards(gate, facts.standards());
                }
            }
            case RELEASE_NOTES -> {
                if (facts.notes() != null) {
                    return notes(gate, facts.notes(), facts.contents());
                }
            }
            default -> {
            }
        }
        return new GateRow(gate, GateStatus.PENDING, null, null, null, null, null, List.of());
    }

    /**
     * The release-notes gate: pending while there are no notes; with the release's contents known, the notes must
     * name every changed component at its new version ({@link NotesGate}), else the gate fails listing what is
     * missing; with contents that could not be read, notes that exist leave it pending (nothing to check them
     * against). Without contents at all (not read by this caller), notes that exist pass.
     */
    static GateRow notes(Gate gate, StoryFacts.ReleaseNotes notes, StoryFacts.Contents contents) {
        if (!notes.found()) {
            return new GateRow(gate, GateStatus.PENDING, null, null, null, null, null, List.of(),
                    List.of(new StoryView.NotesDetail(DetailStatus.PENDING, notes)));
        }
        if (contents == null) {
            return new GateRow(gate, GateStatus.PASSED, "release-notes", notes.url(), null, null, null, List.of(),
                    List.of(new StoryView.NotesDetail(DetailStatus.PASSED, notes)));
        }
        NotesGate.Check check = NotesGate.check(contents.contents(), notes.text());
        GateStatus status = switch (check.status()) {
            case PASSED -> GateStatus.PASSED;
            case FAILED -> GateStatus.FAILED;
            case PENDING -> GateStatus.PENDING;
        };
        DetailStatus detail = switch (check.status()) {
            case PASSED -> DetailStatus.PASSED;
            case FAILED -> DetailStatus.FAILED;
            case PENDING -> DetailStatus.UNKNOWN;
        };
        return new GateRow(gate, status, "release-notes", notes.url(), null, null, null, List.of(),
                List.of(new StoryView.NotesDetail(detail, notes, check)));
    }

    /** A strict {@code vX.Y.Z}: only such a helm release makes the release RELEASED; suffixed tags are candidates. */
    static boolean strict(String tag) {
        return tag != null && Version.parse(tag).map(Version::isFinal).orElse(false);
    }

    static GateRow manual(Gate gate, GateCommand command, List<Item> bugs, List<StoryView.Detail> details) {
        return new GateRow(gate, command.action() == GateCommand.Action.PASS ? GateStatus.PASSED : GateStatus.FAILED,
                "command", command.evidenceUrl(), command.by(), command.at(), command.note(), bugs, details);
    }

    static GateRow standards(Gate gate, List<StoryFacts.RepoStandard> standards) {
        List<StoryView.Detail> details = new ArrayList<>();
        boolean failed = false;
        boolean unknown = false;
        for (StoryFacts.RepoStandard r : standards) {
            DetailStatus status;
            if (r.failed()) {
                status = DetailStatus.FAILED;
                failed = true;
            } else if (r.unknown()) {
                status = DetailStatus.UNKNOWN;
                unknown = true;
            } else {
                status = DetailStatus.PASSED;
            }
            details.add(new StoryView.StandardDetail(r.name(), status, r));
        }
        GateStatus status = failed ? GateStatus.FAILED : unknown ? GateStatus.PENDING : GateStatus.PASSED;
        return new GateRow(gate, status, "repo-standards", null, null, null, null, List.of(), details);
    }

    /**
     * TTK gates: reports and commands in time order; a command decides until a later report comes in; a reset
     * forgets everything before it. With reports, the latest per environment counts, and the gate fails if any
     * environment's latest report failed, tested nothing, or skipped assertions the gate does not allow
     * ({@code allow-skipped}); it is pending while a latest report's skipped count is not known.
     */
    static GateRow ttk(Gate gate, List<GateCommand> commands, StoryFacts facts) {
        record Event(java.time.Instant at, GateCommand command, StoryFacts.TtkEvidence report) {
        }
        List<Event> events = new ArrayList<>();
        commands.forEach(c -> events.add(new Event(c.at(), c, null)));
        for (StoryFacts.TtkEvidence e : facts.ttkReports()) {
            boolean suite = e.record().suite().trim().equalsIgnoreCase(gate.ttkSuite().trim());
            boolean env = gate.environment() == null || gate.environment().equalsIgnoreCase(String.valueOf(e.record().environment()));
            if (suite && env) {
                events.add(new Event(e.at(), null, e));
            }
        }
        events.sort(Comparator.comparing(Event::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        GateCommand manual = null;
        Map<String, StoryFacts.TtkEvidence> latest = new LinkedHashMap<>();
        for (Event e : events) {
            if (e.command() != null) {
                if (e.command().action() == GateCommand.Action.RESET) {
                    manual = null;
                    latest.clear();
                } else {
                    manual = e.command();
                }
            } else {
                manual = null;
                latest.put(e.report().record().environment() == null ? "" : e.report().record().environment(), e.report());
            }
        }
        List<StoryView.Detail> details = new ArrayList<>();
        boolean failed = false;
        boolean unknown = false;
        for (Map.Entry<String, StoryFacts.TtkEvidence> e : latest.entrySet()) {
            var r = e.getValue().record();
            TtkOutcome outcome = r.outcome(gate.allowSkipped());
            DetailStatus status = switch (outcome) {
                case PASSED -> DetailStatus.PASSED;
                case SKIPPED_UNKNOWN -> DetailStatus.PENDING;
                default -> DetailStatus.FAILED;
            };
            failed |= status == DetailStatus.FAILED;
            unknown |= status == DetailStatus.PENDING;
            details.add(new StoryView.TtkDetail(e.getKey().isEmpty() ? null : e.getKey(), status, e.getValue().commentUrl(), r,
                    outcome));
        }
        if (manual != null) {
            return manual(gate, manual, List.of(), details);
        }
        if (latest.isEmpty()) {
            return new GateRow(gate, GateStatus.PENDING, null, null, null, null, null, List.of());
        }
        StoryFacts.TtkEvidence newest = latest.values().stream()
                .max(Comparator.comparing(StoryFacts.TtkEvidence::at, Comparator.nullsFirst(Comparator.naturalOrder()))).orElseThrow();
        GateStatus status = failed ? GateStatus.FAILED : unknown ? GateStatus.PENDING : GateStatus.PASSED;
        return new GateRow(gate, status, "ttk", newest.commentUrl(), null, newest.at(), null, List.of(), details);
    }

    /**
     * The downstream gate: {@code /gate downstream pass|fail <url> <implementer> [note]}; the latest per implementer
     * counts; passes when at least one implementer validated, fails when none did and one failed.
     */
    static GateRow downstream(Gate gate, List<GateCommand> commands, StoryFacts facts) {
        Map<String, GateCommand> byImplementer = new LinkedHashMap<>();
        for (String implementer : facts.implementers()) {
            byImplementer.put(implementer.toLowerCase(java.util.Locale.ROOT), null);
        }
        GateCommand unattributed = null;
        for (GateCommand c : commands) {
            String who = implementerOf(c, facts.implementers());
            if (c.action() == GateCommand.Action.RESET) {
                if (who == null) {
                    byImplementer.replaceAll((k, v) -> null);
                    unattributed = null;
                } else {
                    byImplementer.put(who, null);
                }
            } else if (who == null) {
                unattributed = c;
            } else {
                byImplementer.put(who, c);
            }
        }
        List<StoryView.Detail> details = new ArrayList<>();
        boolean anyPass = false;
        boolean anyFail = false;
        GateCommand newest = null;
        for (String implementer : facts.implementers()) {
            GateCommand c = byImplementer.get(implementer.toLowerCase(java.util.Locale.ROOT));
            if (c == null) {
                details.add(new StoryView.ImplementerDetail(implementer, DetailStatus.PENDING, null, null, null));
                continue;
            }
            boolean pass = c.action() == GateCommand.Action.PASS;
            anyPass |= pass;
            anyFail |= !pass;
            if (newest == null || (c.at() != null && newest.at() != null && c.at().isAfter(newest.at()))) {
                newest = c;
            }
            details.add(new StoryView.ImplementerDetail(implementer, pass ? DetailStatus.PASSED : DetailStatus.FAILED, c.evidenceUrl(),
                    c.by(), noteAfterImplementer(c.note())));
        }
        if (!anyPass && !anyFail && unattributed != null) {
            return manual(gate, unattributed, List.of(), details);
        }
        if (newest == null) {
            return new GateRow(gate, GateStatus.PENDING, null, null, null, null, null, List.of(), details);
        }
        return new GateRow(gate, anyPass ? GateStatus.PASSED : GateStatus.FAILED, "implementers", newest.evidenceUrl(), newest.by(),
                newest.at(), null, List.of(), details);
    }

    /** The implementer a downstream command names: the first word of its note, if it is a configured implementer. */
    public static String implementerOf(GateCommand command, List<String> implementers) {
        if (command.note() == null) {
            return null;
        }
        String first = command.note().strip().split("\\s+", 2)[0];
        for (String i : implementers) {
            if (i.equalsIgnoreCase(first)) {
                return i.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }

    private static String noteAfterImplementer(String note) {
        String[] parts = note == null ? new String[0] : note.strip().split("\\s+", 2);
        return parts.length > 1 ? parts[1] : null;
    }

    static List<CalendarRow> calendar(StoryFacts facts, Instant now) {
        FreezeWindows w = FreezeWindows.of(facts.release(), facts.freeze());
        var zone = facts.release().timezone();
        List<CalendarRow> rows = new ArrayList<>();
        rows.add(window(Entry.FEATURE_FREEZE, w.featureFreezeStart(), w.releaseAt(), now, zone));
        rows.add(window(Entry.BUGFIX_FREEZE, w.bugfixFreezeStart(), w.releaseAt(), now, zone));
        if (facts.release().piKickoff() != null) {
            Instant kickoff = facts.release().piKickoff().resolve(zone);
            rows.add(new CalendarRow(Entry.PI_KICKOFF, kickoff, now.isBefore(kickoff) ? State.UPCOMING : State.DONE, zone));
        }
        rows.add(new CalendarRow(Entry.RELEASE_DATE, w.releaseAt(),
                w.releaseAt() == null || now.isBefore(w.releaseAt()) ? State.UPCOMING : State.DONE, zone));
        return rows;
    }

    private static CalendarRow window(Entry entry, Instant start, Instant end, Instant now, java.time.ZoneId zone) {
        if (start == null) {
            return new CalendarRow(entry, null, State.OFF, zone);
        }
        State state = now.isBefore(start) ? State.UPCOMING : end != null && !now.isBefore(end) ? State.CLOSED : State.OPEN;
        return new CalendarRow(entry, start, state, zone);
    }

    /** The GitHub issue search for a query, so the story can link to "the same list, live". */
    public static String searchUrl(String web, String query) {
        return web + "/issues?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
    }
}
