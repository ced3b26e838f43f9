package io.mojaloop.releasebot.core.bugs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.mojaloop.releasebot.core.bugs.BugField.Status;

/** The bug template's fields as real Mojaloop bugs write them, and as they deviate. */
class BugFieldTest {

    /** Mojaloop's bug template (mojaloop/project), unfilled: the hints name every level. */
    static final String TEMPLATE = """
            ## Summary:
            A brief description of the problem

            **Severity**: (Low, Medium, High)

            **Priority**: (Critical, Medium, Low)

            **Expected Behavior**

            **Steps to Reproduce**
            1.

            **Notes**:
            - Severity when opened:
            - Priority when opened:
            """;

    static Stream<Arguments> priorities() {
        return Stream.of(
                // as the template means it
                Arguments.of("the template filled in", "**Severity**: Medium\n\n**Priority**: High\n", Status.FOUND, "high"),
                Arguments.of("value in bold", "**Priority**: **High**", Status.FOUND, "high"),
                Arguments.of("colon inside the bold", "**Priority:** medium", Status.FOUND, "medium"),
                Arguments.of("no decoration at all", "Priority: High", Status.FOUND, "high"),
                Arguments.of("upper case", "**PRIORITY**: LOW", Status.FOUND, "low"),
                Arguments.of("value on the next line", "**Priority**:\nHigh\n", Status.FOUND, "high"),
                Arguments.of("list item, value indented on the next line", "- **Priority**:\n  high\n", Status.FOUND, "high"),
                Arguments.of("value on the line after a blank one", "**Priority**:\n\n  **Critical**\n", Status.FOUND, "critical"),
                Arguments.of("Windows line ends", "**Severity**: Low\r\n**Priority**:\r\nMedium\r\n", Status.FOUND, "medium"),
                Arguments.of("a list item with a star", "* Priority: Medium", Status.FOUND, "medium"),
                Arguments.of("a heading and the value below", "### Priority\nHigh\n", Status.FOUND, "high"),
                Arguments.of("with words around the level", "**Priority**: High priority, please", Status.FOUND, "high"),
                Arguments.of("the hint replaced, brackets kept", "**Priority**: (High)", Status.FOUND, "high"),
                Arguments.of("an old value struck through", "**Priority**: ~~Low~~ High", Status.FOUND, "high"),
                Arguments.of("a hint in an HTML comment", "**Priority**: <!-- Critical, Medium, Low --> Medium", Status.FOUND, "medium"),
                Arguments.of("the same level twice", "**Priority**: High\n\nPriority: high", Status.FOUND, "high"),
                Arguments.of("prose first, the field after", "Priority: we need this soon\n**Priority**: Low", Status.FOUND, "low"),
                Arguments.of("a quoted template", "> **Priority**: Medium", Status.FOUND, "medium"),
                // what cannot be read: never a guess
                Arguments.of("the unfilled template", TEMPLATE, Status.UNREADABLE, null),
                Arguments.of("the template with the slash hint", "**Priority**:\nCritical/Medium/Low\n", Status.UNREADABLE, null),
                Arguments.of("two levels", "**Priority**: Medium-High", Status.UNREADABLE, null),
                Arguments.of("fields that disagree", "**Priority**: High\n\n**Priority**: Low", Status.UNREADABLE, null),
                Arguments.of("empty, next line another field", "**Priority**:\n\n**Expected Behavior**\nit works", Status.UNREADABLE, null),
                Arguments.of("empty at the end", "**Priority**:", Status.UNREADABLE, null),
                Arguments.of("not a level", "**Priority**: TBD", Status.UNREADABLE, null),
                Arguments.of("no field", "Transfers fail with a 500 when the payee is offline.", Status.MISSING, null),
                Arguments.of("only 'Priority when opened'", "- Priority when opened: High", Status.MISSING, null),
                Arguments.of("a longer word", "**Prioritised**: High", Status.MISSING, null),
                Arguments.of("a heading naming two fields", "## Priority & Severity\nHigh", Status.MISSING, null),
                Arguments.of("no body", null, Status.MISSING, null),
                Arguments.of("a blank body", "  \n", Status.MISSING, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("priorities")
    void priority(String what, String body, Status status, String level) {
        BugField field = BugField.read(body, "Priority");
        assertThat(field.status()).as(what).isEqualTo(status);
        assertThat(field.level()).as(what).isEqualTo(level);
    }

    @Test
    void theTemplatesSeverityIsReadApartFromItsPriority() {
        String body = "**Severity**:\nHigh\n\n**Priority**:\nLow\n";
        assertThat(BugField.read(body, "Severity").level()).isEqualTo("high");
        assertThat(BugField.read(body, "Priority").level()).isEqualTo("low");
    }

    @Test
    void levelsTheGateListsAreKnownToo() {
        assertThat(BugField.read("**Priority**: P1", "Priority").status()).isEqualTo(Status.UNREADABLE);
        assertThat(BugField.read("**Priority**: P1", "Priority", List.of("P1", "P2")).level()).isEqualTo("p1");
        assertThat(BugField.read("**Priority**: P1 (was P2)", "Priority", List.of("p1", "p2")).status()).isEqualTo(Status.UNREADABLE);
    }

    @Test
    void whatWasWrittenIsKeptShortForTheStory() {
        assertThat(BugField.read("**Priority**: TBD by the triage", "Priority").text()).isEqualTo("TBD by the triage");
        assertThat(BugField.read("**Priority**: " + "x".repeat(200), "Priority").text()).hasSize(80);
        assertThat(BugField.read("**Priority**:", "Priority").text()).isNull();
        assertThat(BugField.read("**Priority**:\n\n**Expected Behavior**\nit works", "Priority").text())
                .as("the next field is not the value").isNull();
        assertThat(BugField.read("- **Priority**:\n- **Version**: 17", "Priority").text()).isNull();
        assertThat(BugField.read("nothing here", "Priority").text()).isNull();
    }
}
