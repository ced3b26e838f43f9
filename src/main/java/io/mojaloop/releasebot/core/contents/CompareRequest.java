package io.mojaloop.releasebot.core.contents;

/**
 * A compare the contents need: the commits of {@code repository} between two tags ({@code base...head}, as
 * GitHub's compare takes them).
 *
 * @param component the component's chart name (for messages)
 * @param repository a name in the org, or {@code owner/name}
 */
public record CompareRequest(String component, String repository, String base, String head) {

    /** True when the result answers this request (same repository, case-insensitively, and the same two tags). */
    public boolean answeredBy(CompareResult result) {
        return result.repository().equalsIgnoreCase(repository) && result.base().equals(base) && result.head().equals(head);
    }
}
