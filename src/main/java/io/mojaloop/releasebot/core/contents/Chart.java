package io.mojaloop.releasebot.core.contents;

import java.util.List;

/**
 * An umbrella chart as read: its name and version, the component versions of {@code appVersion} and the
 * dependencies, with every problem found while reading.
 *
 * @param parsed false when the text was no chart at all (not YAML, empty, not a mapping): then it lists nothing
 *        and must not be taken to mean "no components"
 * @param appVersions the entries of {@code appVersion} ("name: vX.Y.Z; ..."), in order, one per name
 * @param dependencies the entries of {@code dependencies}, in order, one per name (aliases of one chart are one
 *        component)
 */
public record Chart(boolean parsed, String name, String version, List<AppVersion> appVersions,
        List<Dependency> dependencies, List<ContentsProblem> problems) {

    public Chart {
        appVersions = List.copyOf(appVersions);
        dependencies = List.copyOf(dependencies);
        problems = List.copyOf(problems);
    }

    static Chart unreadable(List<ContentsProblem> problems) {
        return new Chart(false, null, null, List.of(), List.of(), problems);
    }

    /**
     * One {@code name: version} entry of {@code appVersion}.
     *
     * @param version as written; null when the entry had no usable version (a problem says why)
     */
    public record AppVersion(String name, String version) {
    }

    /**
     * One chart dependency. {@code version} is the chart version range (e.g. {@code >= 15.0.0}), not the
     * component's version; {@code repository} is the chart repository ({@code file://../centralledger}).
     */
    public record Dependency(String name, List<String> aliases, String version, String repository) {
        public Dependency {
            aliases = List.copyOf(aliases);
        }
    }
}
