package io.mojaloop.releasebot.core.policy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mojaloop.releasebot.core.policy.Classification.Reason;

/**
 * Classifies a PR from its title's Conventional Commit type ({@code feat(scope)!: text}), unless a label decides.
 * <p>
 * Labels win over the title (matched case-insensitively): {@code type: feature}, {@code feature} and
 * {@code enhancement} make a feature; {@code type: bug}, {@code type: fix}, {@code bug} and {@code fix} make a bug fix.
 * When both kinds of label are present the PR is a feature (the stricter reading).
 */
public final class PrClassifier {

    /** The Conventional Commit types the bot knows besides the configured feature types. */
    public static final List<String> KNOWN_TYPES = List.of("feat", "fix", "chore", "docs", "refactor", "perf", "test",
            "build", "ci", "revert", "style");

    public static final Set<String> FEATURE_LABELS = Set.of("type: feature", "feature", "enhancement");
    public static final Set<String> FIX_LABELS = Set.of("type: bug", "type: fix", "bug", "fix");

    private static final Pattern TITLE = Pattern.compile("^\\s*([A-Za-z]+)(?:\\(([^()]*)\\))?(!)?:\\s*\\S.*", Pattern.DOTALL);

    private PrClassifier() {
    }

    public static Classification classify(String title, List<String> labels, List<String> featureTypes) {
        String featureLabel = null;
        String fixLabel = null;
        for (String label : labels) {
            String l = label.trim().toLowerCase(Locale.ROOT);
            if (featureLabel == null && FEATURE_LABELS.contains(l)) {
                featureLabel = label;
            } else if (fixLabel == null && FIX_LABELS.contains(l)) {
                fixLabel = label;
            }
        }
        Matcher m = TITLE.matcher(title == null ? "" : title);
        String type = null;
        String scope = null;
        boolean breaking = false;
        if (m.matches()) {
            String candidate = m.group(1).toLowerCase(Locale.ROOT);
            if (KNOWN_TYPES.contains(candidate) || featureTypes.stream().anyMatch(candidate::equalsIgnoreCase)) {
                type = candidate;
                scope = m.group(2);
                breaking = m.group(3) != null;
            }
        }
        if (featureLabel != null) {
            return new Classification(PrClass.FEATURE, type, scope, breaking, featureLabel, Reason.FEATURE_LABEL, null);
        }
        if (fixLabel != null) {
            return new Classification(PrClass.FIX, type, scope, breaking, fixLabel, Reason.FIX_LABEL, null);
        }
        if (type == null) {
            return m.matches() ? new Classification(PrClass.UNKNOWN, null, null, false, null, Reason.UNKNOWN_TYPE, m.group(1))
                    : new Classification(PrClass.UNKNOWN, null, null, false, null, Reason.NO_TYPE, null);
        }
        if (breaking) {
            return new Classification(PrClass.FEATURE, type, scope, true, null, Reason.BREAKING, null);
        }
        if (featureTypes.stream().anyMatch(type::equalsIgnoreCase)) {
            return new Classification(PrClass.FEATURE, type, scope, false, null, Reason.FEATURE_TYPE, null);
        }
        if (type.equals("fix")) {
            return new Classification(PrClass.FIX, type, scope, false, null, Reason.FIX_TYPE, null);
        }
        return new Classification(PrClass.OTHER, type, scope, false, null, Reason.OTHER_TYPE, null);
    }
}
