package io.mojaloop.releasebot.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void mentionsDoNotNotify() {
        assertThat(Markdown.escape("ping @mojaloop/design-authority")).doesNotContain("@mojaloop").contains("@\u200Bmojaloop");
    }

    @Test
    void htmlAndMarkupAreInert() {
        String escaped = Markdown.escape("<img src=x onerror=alert(1)> **bold** [link](javascript:alert(1)) | col");
        assertThat(escaped).doesNotContain("<img").contains("&lt;img")
                .contains("\\*\\*bold\\*\\*").contains("\\[link\\]\\(javascript:alert\\(1\\)\\)").contains("\\|");
    }

    @Test
    void autolinksAreBroken() {
        assertThat(Markdown.escape("see https://evil.example")).doesNotContain("https://").contains("https:\u200B//");
    }

    @Test
    void newlinesCannotStartNewBlocks() {
        assertThat(Markdown.escape("a\n# heading\r\n- item")).doesNotContain("\n").contains("\\# heading");
    }

    @Test
    void nullIsEmpty() {
        assertThat(Markdown.escape(null)).isEmpty();
    }

    @Test
    void codeSpansKeepTheirTextButCannotBeClosed() {
        assertThat(Markdown.code("release/*")).isEqualTo("release/*");
        assertThat(Markdown.code("a`b\nc")).isEqualTo("a'b c");
    }

    @Test
    void plainTextIsOneShortLine() {
        assertThat(Markdown.plain("feature/my_branch\n# x")).isEqualTo("feature/my_branch # x");
        assertThat(Markdown.plain("x".repeat(200))).hasSize(120);
    }
}
