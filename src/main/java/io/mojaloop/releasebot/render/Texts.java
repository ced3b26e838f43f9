package io.mojaloop.releasebot.render;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * Renders every text a person reads from the templates under {@code src/main/resources/templates}. A template
 * may hold fragments ({@code {#fragment id=title rendered=false}}) for the parts of one message (check-run title,
 * summary, text).
 */
@ApplicationScoped
public class Texts {

    @Inject
    Engine engine;

    public String render(String template, Map<String, Object> data) {
        return clean(load(template).render(data));
    }

    public String fragment(String template, String fragment, Map<String, Object> data) {
        Template.Fragment f = load(template).getFragment(fragment);
        if (f == null) {
            throw new IllegalStateException("Template " + template + " has no fragment " + fragment);
        }
        return clean(f.render(data));
    }

    /**
     * A template that says one sentence of plain text: as rendered, without the line breaks around it; white space
     * inside it (from the data: what GitHub said) is kept as it is.
     */
    public String sentence(String template, Map<String, Object> data) {
        return load(template).render(data).strip();
    }

    private Template load(String name) {
        Template template = engine.getTemplate(name);
        if (template == null) {
            throw new IllegalStateException("No template " + name);
        }
        return template;
    }

    /** Trims and collapses runs of blank lines that conditional sections leave behind. */
    static String clean(String rendered) {
        return rendered.replaceAll("(?m)[ \t]+$", "").replaceAll("\n{3,}", "\n\n").strip();
    }
}
