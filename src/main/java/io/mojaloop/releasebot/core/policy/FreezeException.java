package io.mojaloop.releasebot.core.policy;

/** A {@code /freeze-exception} granted on the PR by an authorised person. */
public record FreezeException(String grantedBy, String reason) {
}
