package io.mojaloop.releasebot.core.policy;

/** A {@code /review-exception} granted by an authorised person (the caller checks the authority). */
public record ReviewException(String grantedBy, String reason) {
}
