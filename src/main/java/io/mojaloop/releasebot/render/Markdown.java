package io.mojaloop.releasebot.render;

import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/**
 * Escaping for text people typed (reasons, notes, titles, company names) before it goes into markdown the bot
 * writes: it cannot add markup, HTML, links or @mentions that notify anyone. Used in templates as
 * {@code {value.md}}.
 */
public final class Markdown {

    private Markdown() {
    }

    @TemplateExtension(matchName = "md")
    public static String md(Object value) {
        return escape(value == null ? "" : value.toString());
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r', '\n', '\t' -> out.append(' ');
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '@' -> out.append("@\u200B"); // a zero-width space after @ means no mention, no notification
                case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '|', '!', '~' -> out.append('\\').append(c);
                case ':' -> {
                    // break "javascript:" and other scheme-like autolinks without changing how the text reads
                    out.append(c);
                    if (i + 2 < text.length() && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
                        out.append('\u200B');
                    }
                }
                default -> {
                    if (!Character.isISOControl(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Text inside a code span ({@code `...`}): markdown is not interpreted there, so only backticks (which would
     * end the span) and line breaks are replaced.
     */
    @TemplateExtension(matchName = "code")
    public static String code(Object value) {
        return value == null ? "" : value.toString().replace('`', '\'').replaceAll("[\\r\\n\\t]+", " ");
    }

    /** Text for plain-text places such as check-run titles: one line, no control characters, at most 120 characters. */
    @TemplateExtension(matchName = "plain")
    public static String plain(Object value) {
        String s = value == null ? "" : value.toString().replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return s.length() > 120 ? s.substring(0, 119) + "…" : s;
    }

    /**
     * A link target for {@code [text](url)}: only http(s) URLs; characters that would end the target are
     * percent-encoded. Anything else becomes {@code #}, so a {@code javascript:} link can never be written.
     */
    @TemplateExtension(matchName = "href")
    public static String href(Object value) {
        String url = value == null ? "" : value.toString().strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://"))) {
            return "#";
        }
        return url.replace("(", "%28").replace(")", "%29").replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
                .replace("\"", "%22").replaceAll("[\\p{Cntrl}]", "");
    }

    /**
     * Text people typed, clipped to {@link io.mojaloop.releasebot.core.story.StoryBounds#MAX_TEXT} characters with an
     * ellipsis; use before escaping ({@code {reason.clip.md}}) so that an escape is never cut in half.
     */
    @TemplateExtension(matchName = "clip")
    public static String clip(Object value) {
        return value == null ? null : io.mojaloop.releasebot.core.story.StoryBounds.clip(value.toString(),
                io.mojaloop.releasebot.core.story.StoryBounds.MAX_TEXT);
    }

    /** A count as people read it: {@code 65,536}, whatever the machine's locale. */
    @TemplateExtension(matchName = "grouped")
    public static String grouped(Integer n) {
        return n == null ? "" : String.format(Locale.ROOT, "%,d", n);
    }

    /** A short commit id for tables. */
    @TemplateExtension(matchName = "short")
    public static String shortSha(String sha) {
        return sha == null ? "" : sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
}
