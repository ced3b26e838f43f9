package io.mojaloop.releasebot.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mojaloop.releasebot.core.config.DateSpec;
import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.core.config.GateKind;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.report.TtkRecord;
import io.mojaloop.releasebot.core.report.TtkReport;
import io.mojaloop.releasebot.core.report.TtkReportParser;
import io.mojaloop.releasebot.core.report.TtkVerdict;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Testing Toolkit summary comment for each kind of run and gate, compared with {@code wording/ttk-comments.md}:
 * skipped assertions always counted, and said to pass only a gate with {@code allow-skipped: true}.
 */
@QuarkusTest
class TtkCommentWordingTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Gate STRICT = new Gate("golden-path-dev", "GP on dev", "GP Tests", null, null, "dev", null);
    static final Gate ALLOWS = new Gate("golden-path-dev", "GP on dev", "GP Tests", null, GateKind.TTK, "dev", null, null, true);

    static final Release V17 = new Release("v17.2.0", DateSpec.parse("2027-01-18"), DateSpec.parse("2027-01-25"),
            java.time.ZoneId.of("UTC"), null, null, "mojaloop/project#4300", List.of("helm"), 20);

    @Inject
    Texts texts;

    static TtkReport report(String fixture, int skip) throws IOException {
        try (InputStream in = TtkCommentWordingTest.class.getResourceAsStream("/ttk/" + fixture)) {
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("\"status\": \"SUCCESS\"",
                    "\"status\": \"@\"");
            for (int i = 0; i < skip; i++) {
                json = json.replaceFirst("\"status\": \"@\"", "\"status\": \"SKIPPED\"");
            }
            return TtkReportParser.parse(MAPPER.readTree(json.replace("\"status\": \"@\"", "\"status\": \"SUCCESS\"")));
        } catch (TtkReportParser.InvalidReport e) {
            throw new IllegalStateException(e);
        }
    }

    String comment(TtkReport r, List<Gate> gates) {
        TtkVerdict v = TtkVerdict.of(r, gates);
        return texts.render("reports/ttk-comment.md", Map.of("r", r, "env", "dev", "release", V17, "gates",
                v.gates(), "skippedGates", v.skippedGates(), "held", v.held(), "line", TtkRecord.of(r, "dev").line()));
    }

    @Test
    void everyKindOfRun() throws Exception {
        TtkReport passed = report("all-passed.json", 0);
        TtkReport oneSkipped = report("all-passed.json", 1);
        TtkReport twoSkipped = report("all-passed.json", 2);
        TtkReport failed = report("one-failed.json", 0);
        TtkReport skippedOnly = report("skipped-only.json", 0);
        TtkReport empty = report("no-assertions.json", 0);
        Wording.Sheet sheet = new Wording.Sheet()
                .add("passed", comment(passed, List.of(STRICT)))
                .add("one skipped, strict gate", comment(oneSkipped, List.of(STRICT)))
                .add("two skipped, gate allows skipped", comment(twoSkipped, List.of(ALLOWS)))
                .add("one skipped, no gate", comment(oneSkipped, List.of()))
                .add("failed, with a skipped one", comment(failed, List.of(STRICT)))
                .add("everything skipped", comment(skippedOnly, List.of(ALLOWS)))
                .add("no assertions", comment(empty, List.of(STRICT)));
        Wording.matches("ttk-comments.md", sheet.toString());
        assertThat(comment(passed, List.of(STRICT))).startsWith("### ✅ Testing Toolkit: GP Tests on dev")
                .contains("**Passed** for `golden-path-dev`.").doesNotContain("were skipped").doesNotContain("was skipped");
        assertThat(comment(oneSkipped, List.of(STRICT))).startsWith("### ⚠️ Testing Toolkit")
                .contains("**Not passed** for `golden-path-dev`.")
                .contains("1 assertion was skipped (a disabled request, or a run stopped by `breakOnError`): a skipped assertion "
                        + "tested nothing, so this report does not pass `golden-path-dev` (`allow-skipped: true` on a gate accepts "
                        + "skipped assertions).");
        assertThat(comment(twoSkipped, List.of(ALLOWS))).startsWith("### ✅").contains("**Passed** for `golden-path-dev`.")
                .contains("2 assertions were skipped").contains("accepted, as the gate says `allow-skipped: true`.");
        assertThat(comment(oneSkipped, List.of())).startsWith("### ⚠️").contains("**Not passed**: no gate of v17.2.0 has this")
                .contains("a gate passes on such a report only with `allow-skipped: true`.");
        assertThat(comment(skippedOnly, List.of(ALLOWS))).startsWith("### ⚠️").contains("**Not passed** for `golden-path-dev`.")
                .contains("Every assertion was skipped (a disabled request, or a run stopped by `breakOnError`): nothing was tested, "
                        + "so this report passes no gate.").doesNotContain("accepted");
        assertThat(comment(failed, List.of(STRICT))).startsWith("### ❌").contains("**Failed** for `golden-path-dev`.")
                .contains("1 assertion was skipped").contains("does not pass `golden-path-dev`").doesNotContain("accepted");
    }
}
