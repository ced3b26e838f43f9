package io.mojaloop.releasebot.core.policy;

import java.util.List;

/**
 * A PR's class and why.
 *
 * @param type the Conventional Commit type of the title, lower case (null when the title does not parse)
 * @param scope the scope in parentheses, e.g. {@code mojaloop/#3122} (null when absent)
 * @param breaking the title marks a breaking change with {@code !}
 * @param label the label that decided the class instead of the title (null when the title decided)
 * @param reason what decided the class (the check's template says it in words)
 * @param titleWord for {@link Reason#UNKNOWN_TYPE}: the word before the colon as the title has it, else null
 */
public record Classification(PrClass prClass, String type, String scope, boolean breaking, String label, Reason reason,
        String titleWord) {

    /** What decided the class. */
    public enum Reason {
        /** A feature label ({@link #label()}). */
        FEATURE_LABEL,
        /** A bug-fix label ({@link #label()}). */
        FIX_LABEL,
        /** The title does not start with {@code type:} at all. */
        NO_TYPE,
        /** The title starts with a word ({@link #titleWord()}) that is not a known Conventional Commit type. */
        UNKNOWN_TYPE,
        /** The title marks a breaking change ({@code type!:}). */
        BREAKING,
        /** The title's type is a feature type ({@code feat} or a configured one). */
        FEATURE_TYPE,
        /** The title's type is {@code fix}. */
        FIX_TYPE,
        /** Any other known type. */
        OTHER_TYPE
    }

    /** True when the class came from the title alone and the title is not a Conventional Commit. */
    public boolean unparsedTitle() {
        return prClass == PrClass.UNKNOWN;
    }

    /** The Conventional Commit types the bot knows besides the configured feature types. */
    public List<String> knownTypes() {
        return PrClassifier.KNOWN_TYPES;
    }
}
