package io.mojaloop.releasebot.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void takesTheFirstLineAndKeepsQuotesAsText() {
        var line = CommandLine.parse("  /review-exception it's \"urgent\", DA call\nmore text\n").orElseThrow();
        assertThat(line.name()).isEqualTo("/review-exception");
        assertThat(line.arguments()).isEqualTo("it's \"urgent\", DA call");
    }

    @Test
    void aCommandAloneHasNoArguments() {
        assertThat(CommandLine.parse("/release-status").orElseThrow().arguments()).isEmpty();
        assertThat(CommandLine.parse("/review-exception   \n reason on the next line").orElseThrow().arguments()).isEmpty();
    }

    @Test
    void ordinaryCommentsAreNotCommands() {
        assertThat(CommandLine.parse("LGTM /review-exception x")).isEmpty();
        assertThat(CommandLine.parse("/")).isEmpty();
        assertThat(CommandLine.parse("")).isEmpty();
        assertThat(CommandLine.parse(null)).isEmpty();
    }

    @Test
    void tabsSeparateTheNameToo() {
        assertThat(CommandLine.parse("/gate\tgolden-path-dev pass").orElseThrow().name()).isEqualTo("/gate");
    }

    @Test
    void aCommandInACodeBlockOrAQuoteIsNotACommand() {
        assertThat(CommandLine.parse("    /review-exception indented code block")).isEmpty();
        assertThat(CommandLine.parse("\t/review-exception tab-indented code block")).isEmpty();
        assertThat(CommandLine.parse("\n\n    /gate golden-path-dev pass")).isEmpty();
        assertThat(CommandLine.parse("```\n/review-exception fenced\n```")).isEmpty();
        assertThat(CommandLine.parse("~~~\n/review-exception fenced\n~~~")).isEmpty();
        assertThat(CommandLine.parse("> /review-exception quoted")).isEmpty();
        assertThat(CommandLine.parse(" > /review-exception quoted")).isEmpty();
    }

    @Test
    void upToThreeSpacesOfIndentationAreStillACommand() {
        assertThat(CommandLine.parse("   /release-status")).isPresent();
        assertThat(CommandLine.parse("\n\n/release-status")).isPresent();
    }
}
