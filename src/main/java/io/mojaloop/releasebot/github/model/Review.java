package io.mojaloop.releasebot.github.model;

import java.time.Instant;

/** A submitted review: who (null for a deleted account), its state as GitHub spells it, on which commit, when. */
public record Review(long id, User user, String state, String commitId, Instant submittedAt) {
}
