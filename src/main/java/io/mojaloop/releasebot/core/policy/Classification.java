package io.mojaloop.releasebot.core.policy;

/**
 * A PR's class and why.
 *
 * @param type the Conventional Commit type of the title, lower case (null when the title does not parse)
 * @param scope the scope in parentheses, e.g. {@code mojaloop/#3122} (null when absent)
 * @param breaking the title marks a breaking change with {@code !}
 * @param label the label that decided the class instead of the title (null when the title decided)
 * @param reason one sentence a contributor understands
 */
public record Classification(PrClass prClass, String type, String scope, boolean breaking, String label, String reason) {

    /** True when the class came from the title alone and the title is not a Conventional Commit. */
    public boolean unparsedTitle() {
        return prClass == PrClass.UNKNOWN;
    }
}
