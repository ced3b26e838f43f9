package io.mojaloop.releasebot.github.model;

/** A file read through the contents API, decoded; {@code text} is null when GitHub sent no content (too large). */
public record FileContent(String repository, String path, long size, String text, String htmlUrl) {
}
