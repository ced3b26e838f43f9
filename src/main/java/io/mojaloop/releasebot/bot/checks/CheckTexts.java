package io.mojaloop.releasebot.bot.checks;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.core.config.ParsedConfig;
import io.mojaloop.releasebot.github.model.CheckRunOutput;
import io.mojaloop.releasebot.render.Texts;
import io.mojaloop.releasebot.render.TimeTexts;

/**
 * Renders a check run from its template's {@code title}, {@code summary} and {@code text} fragments, for GitHub and
 * for the preview endpoint alike (same templates, same words).
 */
@ApplicationScoped
public class CheckTexts {

    /** What the templates need to know of a PR. */
    public record PrView(String headSha, String baseBranch, String title) {

        static PrView of(PullRequestContext pr) {
            return new PrView(pr.headSha(), pr.baseBranch(), pr.title());
        }
    }

    @Inject
    Texts texts;

    /** The check run from {@code template}; the data also gets {@code time} (texts for {@code now}). */
    public CheckRunOutput render(String check, String template, boolean passed, Map<String, Object> data, Instant now) {
        Map<String, Object> all = new HashMap<>(data);
        all.put("time", new TimeTexts(now));
        return new CheckRunOutput(check, passed ? "success" : "failure",
                texts.fragment(template, "title", all),
                texts.fragment(template, "summary", all),
                texts.fragment(template, "text", all));
    }

    /** A failing check run that says what is wrong with the configuration, file:line:column. */
    public CheckRunOutput configError(String check, ParsedConfig parsed) {
        Map<String, Object> data = Map.of("check", check, "problems", parsed.problems());
        return new CheckRunOutput(check, "failure",
                texts.fragment("checks/config-error.md", "title", data),
                texts.fragment("checks/config-error.md", "summary", data),
                texts.fragment("checks/config-error.md", "text", data));
    }
}
