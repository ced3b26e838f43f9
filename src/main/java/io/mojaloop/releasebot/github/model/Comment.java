package io.mojaloop.releasebot.github.model;

import java.time.Instant;

/**
 * An issue or PR comment. {@code viaAppId} is the GitHub App that made it ({@code performed_via_github_app}), or
 * null for a person's comment.
 */
public record Comment(long id, User user, String body, Instant createdAt, Instant updatedAt, String htmlUrl, Long viaAppId) {

    public String author() {
        return user == null ? "" : user.login();
    }

    /** True when the comment was changed after it was posted. */
    public boolean edited() {
        return createdAt != null && updatedAt != null && updatedAt.isAfter(createdAt);
    }
}
