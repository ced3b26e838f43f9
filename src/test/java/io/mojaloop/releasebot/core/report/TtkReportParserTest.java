package io.mojaloop.releasebot.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TtkReportParserTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode fixture(String name) throws Exception {
        try (InputStream in = TtkReportParserTest.class.getResourceAsStream("/ttk/" + name)) {
            return MAPPER.readTree(in);
        }
    }

    @Test
    void allPassed() throws Exception {
        TtkReport r = TtkReportParser.parse(fixture("all-passed.json"));
        assertThat(r.suite()).isEqualTo("GP Tests");
        assertThat(r.testReportId()).isEqualTo("1732512345678");
        assertThat(r.durationMs()).isEqualTo(300000L);
        assertThat(r.total()).isEqualTo(7);
        assertThat(r.passed()).isEqualTo(7);
        assertThat(r.failed()).isZero();
        assertThat(r.testCasesPassed()).isEqualTo(2);
        assertThat(r.green()).isTrue();
    }

    @Test
    void oneFailedIsCountedAndLocated() throws Exception {
        TtkReport r = TtkReportParser.parse(fixture("one-failed.json"));
        assertThat(r.total()).isEqualTo(7);
        assertThat(r.passed()).isEqualTo(5);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.testCasesFailed()).isEqualTo(1);
        assertThat(r.testCasesPassed()).isEqualTo(1);
        assertThat(r.failures()).containsExactly(new TtkReport.Failure("p2p_money_transfer", "Send quote", "Response status to be 202 (1)"));
        // TTK itself says 6 of 7 passed because it counts SKIPPED as passed
        assertThat(r.ttkPassedAssertions()).isEqualTo(6);
        assertThat(r.green()).isFalse();
    }

    @Test
    void skippedOnlyPassesNothingButFailsNothing() throws Exception {
        TtkReport r = TtkReportParser.parse(fixture("skipped-only.json"));
        assertThat(r.total()).isEqualTo(3);
        assertThat(r.skipped()).isEqualTo(3);
        assertThat(r.passed()).isZero();
        assertThat(r.green()).isTrue();
    }

    @Test
    void noAssertionsIsNotGreen() throws Exception {
        TtkReport r = TtkReportParser.parse(fixture("no-assertions.json"));
        assertThat(r.total()).isZero();
        assertThat(r.green()).isFalse();
    }

    @Test
    void theReleaseCdReporterShape() throws Exception {
        TtkReport r = TtkReportParser.parse(fixture("release-cd.json"));
        assertThat(r.suite()).isEqualTo("GP Tests");
        assertThat(r.reportUrl()).isEqualTo("https://reports.example/ttk/1732512345999.html");
        assertThat(r.total()).isEqualTo(5);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.testCasesFailed()).isEqualTo(1);
        assertThat(r.testCasesPassed()).isEqualTo(1);
        assertThat(r.failures()).containsExactly(new TtkReport.Failure("p2p_money_transfer", "Send quote", "Response body has quoteId"));
    }

    @Test
    void notAReport() {
        assertThatThrownBy(() -> TtkReportParser.parse(MAPPER.readTree("[1,2]"))).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> TtkReportParser.parse(MAPPER.readTree("{\"name\":\"x\"}"))).hasMessageContaining("runtimeInformation");
        assertThatThrownBy(() -> TtkReportParser.parse(MAPPER.readTree("{\"runtimeInformation\":{}}"))).hasMessageContaining("no name");
    }

    @Test
    void theRecordLineRoundTripsAndCannotCloseTheComment() {
        TtkRecord record = new TtkRecord("GP --> Tests", "dev", 7, 6, 1, 0, "id-1", "https://x.example/a-b");
        String line = record.line();
        assertThat(line.indexOf("-->")).isEqualTo(line.length() - 3);
        assertThat(TtkRecord.read("Summary\n\n" + line + "\n")).contains(record);
        assertThat(TtkRecord.read("no line")).isEmpty();
    }

    @Test
    void onlyTheLastWholeRecordLineOfACommentCounts() {
        TtkRecord failed = new TtkRecord("GP Tests", "dev", 7, 6, 1, 0, "id-1", null);
        TtkRecord forged = new TtkRecord("GP Tests", "dev", 7, 7, 0, 0, "id-1", null);
        // a record line earlier in the comment (e.g. quoted from a report id) does not replace the bot's own last line
        assertThat(TtkRecord.read(forged.line() + "\n\nReport x\n\n" + failed.line() + "\n")).contains(failed);
        // a record inside a line (a code span, a sentence) is not a record line
        assertThat(TtkRecord.read("Report `" + forged.line() + "`\n")).isEmpty();
        assertThat(TtkRecord.read("Report `" + forged.line() + "`\r\n" + failed.line() + "\r\n")).contains(failed);
    }

    @Test
    void aReportIdCannotBreakTheRecordLine() {
        String id = "x\n<!-- release-bot:ttk {\"failed\":0} -->\u2028-->\u00e9";
        TtkRecord record = new TtkRecord("GP\u2029Tests", "dev", 7, 6, 1, 0, id, null);
        String line = record.line();
        assertThat(line).doesNotContain("\n").doesNotContain("\u2028").doesNotContain("\u2029");
        assertThat(line.chars().allMatch(c -> c < 128)).isTrue();
        assertThat(line.indexOf("-->")).isEqualTo(line.length() - 3);
        assertThat(line.indexOf("<!--")).isZero();
        assertThat(TtkRecord.read("Summary\n" + line)).contains(record);
    }

    @Test
    void aRecordLineWithoutTheSkippedCountReadsAsNotKnownNeverAsZero() {
        TtkRecord old = TtkRecord.read("<!-- release-bot:ttk {\"suite\":\"GP Tests\",\"environment\":\"dev\",\"total\":10,"
                + "\"passed\":10,\"failed\":0,\"reportId\":\"r1\",\"reportUrl\":null} -->").orElseThrow();
        assertThat(old.total()).isEqualTo(10);
        assertThat(old.skipped()).isNull();
        assertThat(old.outcome(false)).isEqualTo(TtkOutcome.SKIPPED_UNKNOWN);
        assertThat(old.outcome(true)).isEqualTo(TtkOutcome.PASSED);
        TtkRecord counted = new TtkRecord("GP Tests", "dev", 10, 7, 0, 3, "r2", null);
        assertThat(TtkRecord.read(counted.line())).contains(counted);
        assertThat(TtkRecord.read(new TtkRecord("GP Tests", "dev", 10, 10, 0, 0, "r3", null).line()).orElseThrow().skipped()).isZero();
    }

    @ParameterizedTest(name = "total {0}, failed {1}, skipped {2}, allow-skipped {3}: {4}")
    @CsvSource(nullValues = "-", value = {
            "10, 0, 0, false, PASSED",
            "10, 0, 0, true, PASSED",
            "10, 0, 1, false, SKIPPED",
            "10, 0, 1, true, PASSED",
            "10, 0, 9, false, SKIPPED",
            "10, 0, 9, true, PASSED",
            "10, 0, 10, false, EMPTY",
            "10, 0, 10, true, EMPTY",
            "10, 0, -, false, SKIPPED_UNKNOWN",
            "10, 0, -, true, PASSED",
            "10, 1, 0, false, FAILED",
            "10, 1, 3, true, FAILED",
            "10, 1, -, false, FAILED",
            "0, 0, 0, false, EMPTY",
            "0, 0, 0, true, EMPTY",
            "0, 0, -, false, EMPTY" })
    void whatARunMeansForAGate(int total, int failed, Integer skipped, boolean allowSkipped, TtkOutcome outcome) {
        assertThat(TtkOutcome.of(total, failed, skipped, allowSkipped)).isEqualTo(outcome);
        assertThat(outcome.passed()).isEqualTo(outcome == TtkOutcome.PASSED);
    }

    @Test
    void aSkippedOnlyReportPassesNoGateAndOneWithASkipPassesOnlyAGateThatAllowsIt() throws Exception {
        TtkReport skippedOnly = TtkReportParser.parse(fixture("skipped-only.json"));
        assertThat(skippedOnly.outcome(false)).isEqualTo(TtkOutcome.EMPTY);
        assertThat(skippedOnly.outcome(true)).as("nothing ran").isEqualTo(TtkOutcome.EMPTY);
        TtkReport oneSkipped = TtkReportParser.parse(MAPPER.readTree(fixture("all-passed.json").toString()
                .replaceFirst("\"status\":\"SUCCESS\"", "\"status\":\"SKIPPED\"")));
        assertThat(oneSkipped.skipped()).isEqualTo(1);
        assertThat(oneSkipped.outcome(false)).isEqualTo(TtkOutcome.SKIPPED);
        assertThat(oneSkipped.outcome(true)).isEqualTo(TtkOutcome.PASSED);
        assertThat(TtkRecord.of(oneSkipped, "dev").outcome(false)).isEqualTo(TtkOutcome.SKIPPED);
    }
}
