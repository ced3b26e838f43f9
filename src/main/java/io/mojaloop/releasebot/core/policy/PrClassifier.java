package io.mojaloop.releasebot.core.policy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
            return new Classification(PrClass.FEATURE, type, scope, breaking, featureLabel,
                    "the label \"" + featureLabel + "\" marks it as a feature");
        }
        if (fixLabel != null) {
            return new Classification(PrClass.FIX, type, scope, breaking, fixLabel,
                    "the label \"" + fixLabel + "\" marks it as a bug fix");
        }
        if (type == null) {
            String reason = m.matches()
                    ? "the title's type \"" + m.group(1) + "\" is not a Conventional Commit type (" + String.join(", ", KNOWN_TYPES) + ")"
                    : "the title does not start with a Conventional Commit type such as \"feat:\" or \"fix:\"";
            return new Classification(PrClass.UNKNOWN, null, null, false, null, reason);
        }
        if (breaking) {
            return new Classification(PrClass.FEATURE, type, scope, true, null,
                    "the title marks a breaking change (\"" + type + "!\"), which counts as a feature");
        }
        if (featureTypes.stream().anyMatch(type::equalsIgnoreCase)) {
            return new Classification(PrClass.FEATURE, type, scope, false, null,
                    "the title's type \"" + type + "\" is a feature type");
        }
        if (type.equals("fix")) {
            return new Classification(PrClass.FIX, type, scope, false, null, "the title's type \"fix\" is a bug fix");
        }
        return new Classification(PrClass.OTHER, type, scope, false, null,
                "the title's type \"" + type + "\" is neither a feature nor a bug fix");
    }
}
