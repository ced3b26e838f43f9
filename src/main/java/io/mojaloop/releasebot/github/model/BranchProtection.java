package io.mojaloop.releasebot.github.model;

import java.util.Set;

/**
 * What the app can see of a branch's required status checks: {@link Kind#UNKNOWN} when the app may not read branch
 * protection (no {@code administration: read}).
 */
public record BranchProtection(Kind kind, Set<String> requiredChecks) {

    public enum Kind {
        PROTECTED, UNPROTECTED, UNKNOWN
    }

    public BranchProtection {
        requiredChecks = Set.copyOf(requiredChecks);
    }
}
