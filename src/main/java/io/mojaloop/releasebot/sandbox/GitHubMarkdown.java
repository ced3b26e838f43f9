package io.mojaloop.releasebot.sandbox;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown as GitHub shows it on an issue or a check run, for the sandbox page: CommonMark with GitHub's tables.
 * What people wrote never becomes HTML: raw HTML in the text is escaped (shown as text), link and image URLs are
 * sanitised (only {@code http}, {@code https} and {@code mailto} survive), and HTML comments (which GitHub hides,
 * such as the bot's block markers) are left out.
 */
public final class GitHubMarkdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true)
            .build();
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    private GitHubMarkdown() {
    }

    /** The HTML GitHub would show for this Markdown ("" for null). */
    public static String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(COMMENT.matcher(markdown).replaceAll("")));
    }
}
