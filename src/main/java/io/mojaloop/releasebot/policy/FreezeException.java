package io.mojaloop.releasebot.policy;

/** A {@code /freeze-exception} granted on the PR by an authorised person. */
public record FreezeException(String grantedBy, String reason) {
}
