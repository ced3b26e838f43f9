package io.mojaloop.releasebot.core.report;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the two shapes Mojaloop pipelines send: the Testing Toolkit's own JSON report ({@code name},
 * {@code runtimeInformation}, {@code test_cases[].requests[].request.tests.assertions[].resultStatus.status}), and
 * what the TTK client library's release-cd reporter posts ({@code {"tests.<name>": {runtime fields, "report": url,
 * "assertions": {"<case>.<request>.<assertion>": status}}}}). Counts SUCCESS, FAILED and SKIPPED itself.
 */
public final class TtkReportParser {

    /** Why a body is not a report, for a 400 answer. */
    public static final class InvalidReport extends Exception {
        public InvalidReport(String message) {
            super(message);
        }
    }

    private TtkReportParser() {
    }

    public static TtkReport parse(JsonNode body) throws InvalidReport {
        if (body == null || !body.isObject()) {
            throw new InvalidReport("The body must be a JSON object: a Testing Toolkit report.");
        }
        if (body.has("runtimeInformation")) {
            return nativeReport(body);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (e.getKey().startsWith("tests.") && e.getValue().isObject()) {
                return releaseCdReport(e.getKey().substring("tests.".length()), e.getValue());
            }
        }
        throw new InvalidReport("Not a Testing Toolkit report: runtimeInformation is missing (and no \"tests.<name>\" "
                + "object of the release-cd reporter either).");
    }

    static TtkReport nativeReport(JsonNode body) throws InvalidReport {
        String name = text(body, "name");
        if (name == null || name.isBlank()) {
            throw new InvalidReport("The report has no name: the name is what a gate's ttk-suite matches.");
        }
        JsonNode runtime = body.path("runtimeInformation");
        if (!runtime.isObject()) {
            throw new InvalidReport("runtimeInformation must be an object.");
        }
        Counter counter = new Counter();
        for (JsonNode testCase : body.path("test_cases")) {
            String caseName = text(testCase, "name");
            boolean caseFailed = false;
            boolean caseHasAssertions = false;
            for (JsonNode request : testCase.path("requests")) {
                JsonNode r = request.path("request");
                String requestName = firstText(r, "description", "operationPath", "id");
                for (JsonNode assertion : r.path("tests").path("assertions")) {
                    caseHasAssertions = true;
                    String status = assertion.path("resultStatus").path("status").asText("");
                    caseFailed |= counter.count(status, caseName, requestName, firstText(assertion, "description", "id"));
                }
            }
            if (caseFailed) {
                counter.casesFailed++;
            } else if (caseHasAssertions) {
                counter.casesPassed++;
            }
        }
        return counter.report(name, runtime, null);
    }

    static TtkReport releaseCdReport(String name, JsonNode test) throws InvalidReport {
        if (name.isBlank()) {
            throw new InvalidReport("The report has no name (\"tests.<name>\").");
        }
        JsonNode runtime = test.path("runtimeInformation").isObject() ? test.path("runtimeInformation") : test;
        Counter counter = new Counter();
        Map<String, Boolean> cases = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> assertions = test.path("assertions").fields();
        while (assertions.hasNext()) {
            Map.Entry<String, JsonNode> e = assertions.next();
            String key = e.getKey();
            int first = key.indexOf('.');
            int last = key.lastIndexOf('.');
            String caseName = first < 0 ? key : key.substring(0, first);
            String request = first < 0 || last <= first ? "" : key.substring(first + 1, last);
            String assertion = last < 0 ? key : key.substring(last + 1);
            JsonNode value = e.getValue();
            String status = value.isTextual() ? value.asText() : value.path("status").asText(value.path("resultStatus").path("status").asText(""));
            boolean failed = counter.count(status, caseName, request, assertion);
            cases.merge(caseName, failed, Boolean::logicalOr);
        }
        for (boolean failed : cases.values()) {
            if (failed) {
                counter.casesFailed++;
            } else {
                counter.casesPassed++;
            }
        }
        return counter.report(name, runtime, text(test, "report"));
    }

    private static final class Counter {
        int total;
        int passed;
        int failed;
        int skipped;
        int casesPassed;
        int casesFailed;
        final List<TtkReport.Failure> failures = new ArrayList<>();

        /** Counts one assertion; true when it failed. Anything but SUCCESS and SKIPPED is a failure. */
        boolean count(String status, String testCase, String request, String assertion) {
            total++;
            switch (status.trim().toUpperCase(Locale.ROOT)) {
                case "SUCCESS", "PASSED", "PASS" -> {
                    passed++;
                    return false;
                }
                case "SKIPPED", "SKIP" -> {
                    skipped++;
                    return false;
                }
                default -> {
                    failed++;
                    if (failures.size() < TtkReport.MAX_FAILURES) {
                        failures.add(new TtkReport.Failure(testCase, request, assertion));
                    }
                    return true;
                }
            }
        }

        TtkReport report(String name, JsonNode runtime, String url) {
            Long duration = runtime.path("runDurationMs").isNumber() ? runtime.path("runDurationMs").asLong() : null;
            Integer ttkTotal = runtime.path("totalAssertions").isNumber() ? runtime.path("totalAssertions").asInt() : null;
            Integer ttkPassed = runtime.path("totalPassedAssertions").isNumber() ? runtime.path("totalPassedAssertions").asInt() : null;
            return new TtkReport(name.trim(), text(runtime, "testReportId"), text(runtime, "completedTimeISO"), duration, total,
                    passed, failed, skipped, casesPassed, casesFailed, failures, url, ttkTotal, ttkPassed);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            String t = text(node, f);
            if (t != null && !t.isBlank()) {
                return t;
            }
        }
        return "";
    }
}
