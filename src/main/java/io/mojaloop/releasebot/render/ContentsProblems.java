package io.mojaloop.releasebot.render;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.mojaloop.releasebot.core.contents.ContentsProblem;
import io.mojaloop.releasebot.core.contents.Links;

/**
 * The sentences of the contents' problems, from {@code templates/contents/problem.txt}: plain text, as the JSON
 * answer gives them. The Markdown templates take them as {@code {inject:contentsProblems.message(p).md}}, escaped
 * whole (the chart's names and GitHub's words in them too).
 */
@ApplicationScoped
@Named("contentsProblems")
public class ContentsProblems {

    static final String TEMPLATE = "contents/problem.txt";

    @Inject
    Texts texts;

    public String message(ContentsProblem problem) {
        return texts.sentence(TEMPLATE, Map.of("p", problem));
    }

    /** The sentence on one line, at most {@code max} characters (an ellipsis marks the cut). */
    public String clipped(ContentsProblem problem, int max) {
        return Links.clip(message(problem), max);
    }
}
