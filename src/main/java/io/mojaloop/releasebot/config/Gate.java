package io.mojaloop.releasebot.config;

/**
 * One entry of {@code gates:}. {@code ttkSuite} and {@code issueQuery} are null when absent.
 */
public record Gate(String id, String name, String ttkSuite, String issueQuery) {
}
