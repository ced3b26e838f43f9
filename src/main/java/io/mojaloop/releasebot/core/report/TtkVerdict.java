package io.mojaloop.releasebot.core.report;

import java.util.List;

import io.mojaloop.releasebot.core.config.Gate;

/**
 * What one report means for the gates it decides (those whose {@code ttk-suite}, and {@code environment} if set,
 * match it), as the summary comment and the API answer say it.
 *
 * @param gates the ids of the gates it decides
 * @param skippedGates when assertions were skipped, the gates it decides that do not allow skipped assertions
 * @param passed it passes every gate it decides; with none, it would pass a gate that does not allow skipped
 *        assertions
 * @param held nothing failed, yet it does not pass: skipped assertions (or every assertion skipped)
 */
public record TtkVerdict(List<String> gates, List<String> skippedGates, boolean passed, boolean held) {

    public static TtkVerdict of(TtkReport report, List<Gate> decided) {
        List<String> ids = decided.stream().map(Gate::id).toList();
        List<String> skipped = report.skipped() == 0 ? List.of()
                : decided.stream().filter(g -> !g.allowSkipped()).map(Gate::id).toList();
        boolean passed = decided.isEmpty() ? report.outcome(false).passed()
                : decided.stream().allMatch(g -> report.outcome(g.allowSkipped()).passed());
        return new TtkVerdict(ids, skipped, passed, report.green() && !passed);
    }
}
