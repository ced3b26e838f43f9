package io.mojaloop.releasebot.core.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The machine-readable line the bot puts in its own TTK summary comment on the story, so the story can be rebuilt
 * from GitHub alone: {@code <!-- release-bot:ttk {...} -->}. It is trusted only in comments made by this app.
 * {@code skipped} is null for a line without the count: not known (never taken as 0).
 */
public record TtkRecord(String suite, String environment, int total, int passed, int failed, Integer skipped,
        String reportId, String reportUrl) {

    static final Pattern LINE = Pattern.compile("<!-- release-bot:ttk (\\{.*?\\}) -->");
    private static final ObjectMapper MAPPER = new ObjectMapper();

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

    /** The line, safe inside an HTML comment (no {@code -->} can appear in it). */
    public String line() {
        try {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("suite", suite);
            fields.put("environment", environment);
            fields.put("total", total);
            fields.put("passed", passed);
            fields.put("failed", failed);
            fields.put("skipped", skipped);
            fields.put("reportId", reportId);
            fields.put("reportUrl", reportUrl);
            String json = MAPPER.writeValueAsString(fields).replace("-", "\\u002d").replace(">", "\\u003e");
            return "<!-- release-bot:ttk " + json + " -->";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Optional<TtkRecord> read(String commentBody) {
        if (commentBody == null) {
            return Optional.empty();
        }
        Matcher m = LINE.matcher(commentBody);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            JsonNode j = MAPPER.readTree(m.group(1));
            return Optional.of(new TtkRecord(j.path("suite").asText(), j.path("environment").isNull() ? null : j.path("environment").asText(null),
                    j.path("total").asInt(), j.path("passed").asInt(), j.path("failed").asInt(),
                    j.path("skipped").isIntegralNumber() ? Integer.valueOf(j.path("skipped").asInt()) : null,
                    j.path("reportId").isNull() ? null : j.path("reportId").asText(null),
                    j.path("reportUrl").isNull() ? null : j.path("reportUrl").asText(null)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
