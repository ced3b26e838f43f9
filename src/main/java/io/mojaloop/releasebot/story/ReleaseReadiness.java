package io.mojaloop.releasebot.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mojaloop.releasebot.config.Gate;
import io.mojaloop.releasebot.policy.FreezeWindows;
import io.mojaloop.releasebot.story.StoryFacts.ComponentVersion;
import io.mojaloop.releasebot.story.StoryFacts.Item;
import io.mojaloop.releasebot.story.StoryView.CalendarRow;
import io.mojaloop.releasebot.story.StoryView.GateRow;
import io.mojaloop.releasebot.story.StoryView.GateStatus;
import io.mojaloop.releasebot.story.StoryView.Verdict;

/**
 * Decides a release's readiness from the facts, with no GitHub and no clock of its own.
 * <ul>
 * <li>A gate's latest {@code /gate} command decides it ({@code reset} hands it back to automatic evidence).</li>
 * <li>Otherwise a gate with an {@code issue-query} passes when the search finds no open issue and fails when it
 * finds any; every other gate is pending until someone records evidence.</li>
 * <li>RELEASED once the {@code helm} repository publishes the release's own tag as a full release; else BLOCKED
 * when a gate failed, PENDING when a gate has no evidence, READY when every gate passed.</li>
 * </ul>
 */
public final class ReleaseReadiness {

    public static final String HELM = "helm";

    private ReleaseReadiness() {
    }

    public static StoryView evaluate(StoryFacts facts, Instant now) {
        Map<String, GateCommand> latest = new LinkedHashMap<>();
        for (GateCommand command : facts.gateCommands()) {
            latest.put(command.gateId(), command);
        }
        List<GateRow> rows = new ArrayList<>();
        List<Item> blockingBugs = new ArrayList<>();
        for (Gate gate : facts.gates()) {
            List<Item> bugs = facts.bugsByGate().get(gate.id());
            if (bugs != null) {
                for (Item bug : bugs) {
                    if (!blockingBugs.contains(bug)) {
                        blockingBugs.add(bug);
                    }
                }
            }
            GateCommand command = latest.get(gate.id());
            if (command != null && command.action() != GateCommand.Action.RESET) {
                rows.add(new GateRow(gate, command.action() == GateCommand.Action.PASS ? GateStatus.PASSED : GateStatus.FAILED,
                        "command", command.evidenceUrl(), command.by(), command.at(), command.note(),
                        bugs == null ? List.of() : bugs));
            } else if (gate.issueQuery() != null && bugs != null) {
                rows.add(new GateRow(gate, bugs.isEmpty() ? GateStatus.PASSED : GateStatus.FAILED, "issue-query",
                        searchUrl(gate.issueQuery()), null, null, null, bugs));
            } else {
                rows.add(new GateRow(gate, GateStatus.PENDING, null, null, null, null, null, List.of()));
            }
        }
        ComponentVersion released = facts.helmReleases().stream()
                .filter(r -> !r.prerelease() && ReleaseVersion.sameTag(r.tag(), facts.release().version()))
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
        return new StoryView(facts.release(), verdict, rows, calendar(facts, now), facts.candidates(), helmCandidates,
                facts.exceptions(), blockingBugs, facts.versions(), released);
    }

    static List<CalendarRow> calendar(StoryFacts facts, Instant now) {
        FreezeWindows w = FreezeWindows.of(facts.release(), facts.freeze());
        var zone = facts.release().timezone();
        List<CalendarRow> rows = new ArrayList<>();
        rows.add(window("Feature freeze", w.featureFreezeStart(), w.releaseAt(), now, zone));
        rows.add(window("Bug-fix freeze", w.bugfixFreezeStart(), w.releaseAt(), now, zone));
        if (facts.release().piKickoff() != null) {
            Instant kickoff = facts.release().piKickoff().resolve(zone);
            rows.add(new CalendarRow("PI kick-off", kickoff, now.isBefore(kickoff) ? "upcoming" : "done", zone));
        }
        rows.add(new CalendarRow("Release date", w.releaseAt(),
                w.releaseAt() == null || now.isBefore(w.releaseAt()) ? "upcoming" : "done", zone));
        return rows;
    }

    private static CalendarRow window(String name, Instant start, Instant end, Instant now, java.time.ZoneId zone) {
        if (start == null) {
            return new CalendarRow(name, null, "off", zone);
        }
        String state = now.isBefore(start) ? "upcoming" : end != null && !now.isBefore(end) ? "closed" : "open";
        return new CalendarRow(name, start, state, zone);
    }

    /** The GitHub issue search for a query, so the story can link to "the same list, live". */
    public static String searchUrl(String query) {
        return "https://github.com/issues?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
    }
}
