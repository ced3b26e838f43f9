package io.mojaloop.releasebot.core.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The machine-readable line the bot puts in its own TTK summary comment on the story, so the story can be rebuilt
 * from GitHub alone: {@code <!-- release-bot:ttk {...} -->} on a line of its own, after everything else. It is
 * trusted only in comments made by this app, and only the last record line of a comment counts.
 * {@code skipped} is null for a line without the count: not known (never taken as 0).
 */
public record TtkRecord(String suite, String environment, int total, int passed, int failed, Integer skipped,
        String reportId, String reportUrl) {

    static final String KIND = "ttk";

    public static TtkRecord of(TtkReport report, String environment) {
        return new TtkRecord(report.suite(), environment, report.total(), report.passed(), report.failed(), report.skipped(),
                report.testReportId(), report.reportUrl());
    }

    /** No assertion failed and there was at least one (skipped ones aside). */
    public boolean green() {
        return failed == 0 && total > 0;
    }

    /** What this run means for a gate that does (or does not) allow skipped assertions. */
    public TtkOutcome outcome(boolean allowSkipped) {
        return TtkOutcome.of(total, failed, skipped, allowSkipped);
    }

    /** The line, safe inside an HTML comment (see {@link RecordLine}). */
    public String line() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("suite", suite);
        fields.put("environment", environment);
        fields.put("total", total);
        fields.put("passed", passed);
        fields.put("failed", failed);
        fields.put("skipped", skipped);
        fields.put("reportId", reportId);
        fields.put("reportUrl", reportUrl);
        return RecordLine.write(KIND, fields);
    }

    /** The record of a comment: its last record line (see {@link RecordLine}). */
    public static Optional<TtkRecord> read(String commentBody) {
        return RecordLine.last(commentBody, KIND).map(j -> new TtkRecord(j.path("suite").asText(),
                text(j, "environment"), j.path("total").asInt(), j.path("passed").asInt(), j.path("failed").asInt(),
                j.path("skipped").isIntegralNumber() ? Integer.valueOf(j.path("skipped").asInt()) : null,
                text(j, "reportId"), text(j, "reportUrl")));
    }

    private static String text(JsonNode j, String field) {
        JsonNode v = j.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}
