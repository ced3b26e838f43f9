package io.mojaloop.releasebot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sandbox page shows Markdown as GitHub does, and what people wrote never becomes HTML. */
class GitHubMarkdownTest {

    @Test
    void tablesHeadingsAndLinksRenderAsGitHubWould() {
        String html = GitHubMarkdown.html("""
                <!-- release-bot:start -->
                ### Contents

                | Component | Previous | Now |
                |---|---|---|
                | central-ledger | v19.3.0 | [v19.7.4](https://github.example/mojaloop/central-ledger/releases/tag/v19.7.4) |
                <!-- release-bot:end -->
                """);
        assertThat(html).contains("<h3>Contents</h3>").contains("<table>").contains("<th>Component</th>")
                .contains("<td>central-ledger</td>")
                .contains("<a rel=\"nofollow\" href=\"https://github.example/mojaloop/central-ledger/releases/tag/v19.7.4\">v19.7.4</a>")
                .doesNotContain("release-bot:start");
    }

    @Test
    void htmlAndScriptUrlsInPeoplesTextAreShownAsTextNotRun() {
        String html = GitHubMarkdown.html("fix: <img src=x onerror=alert(1)> <script>alert(1)</script> [x](javascript:alert(1))\n\n"
                + "<div onclick=\"alert(1)\">block</div>\n");
        assertThat(html).doesNotContain("<img").doesNotContain("<script").doesNotContain("<div").doesNotContain("javascript:")
                .contains("&lt;img src=x onerror=alert(1)&gt;").contains("&lt;script&gt;");
        assertThat(GitHubMarkdown.html(null)).isEmpty();
    }
}
