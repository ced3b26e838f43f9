package io.mojaloop.releasebot.core.policy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Normalises the free-text company field of a GitHub profile into an organisation name. */
public final class Companies {

    /** A trailing legal-form suffix, with an optional comma before it: "Crosslake, Inc.", "ModusBox GmbH". */
    private static final Pattern SUFFIX = Pattern.compile("(?:\\s*,\\s*|\\s+)(?:inc|ltd|llc|gmbh)\\.?$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Companies() {
    }

    /**
     * Trims, drops a leading {@code @}, case-folds, collapses inner whitespace and drops one trailing Inc / Inc. /
     * Ltd / Ltd. / LLC / GmbH (with an optional comma before it). Null, blank or nothing-left gives empty.
     */
    public static Optional<String> normalise(String rawCompany) {
        if (rawCompany == null) {
            return Optional.empty();
        }
        String s = rawCompany.strip();
        if (s.startsWith("@")) {
            s = s.substring(1).strip();
        }
        s = SPACES.matcher(s).replaceAll(" ").toLowerCase(Locale.ROOT);
        s = SUFFIX.matcher(s).replaceFirst("").strip();
        if (s.endsWith(",")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
