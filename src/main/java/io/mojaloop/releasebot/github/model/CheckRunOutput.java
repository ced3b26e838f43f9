package io.mojaloop.releasebot.github.model;

/** Everything a person sees of a check run. Conclusion is a GitHub conclusion: success, failure, neutral. */
public record CheckRunOutput(String name, String conclusion, String title, String summary, String text) {
}
