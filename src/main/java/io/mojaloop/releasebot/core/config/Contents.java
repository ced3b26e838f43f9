package io.mojaloop.releasebot.core.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code contents:} where a release's contents come from: the umbrella repository of the org and its chart, and
 * the chart names that are not repository names.
 *
 * @param repo the umbrella repository (a name, or {@code owner/name})
 * @param chart the chart's path in it
 * @param components chart or {@code appVersion} name -> repository, where they differ (names compare
 *        case-insensitively)
 */
public record Contents(String repo, String chart, Map<String, String> components) {

    public static final String DEFAULT_REPO = "helm";
    public static final String DEFAULT_CHART = "mojaloop/Chart.yaml";
    public static final Contents DEFAULTS = new Contents(DEFAULT_REPO, DEFAULT_CHART, Map.of());

    public Contents {
        components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    /** The repository of a component: its mapping in {@code components}, else the same name. */
    public String repositoryOf(String name) {
        for (Map.Entry<String, String> e : components.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return e.getValue();
            }
        }
        return name;
    }

    /** True when {@code components} names this chart name. */
    public boolean maps(String name) {
        return components.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(name));
    }
}
