package io.mojaloop.releasebot.core.contents;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import io.mojaloop.releasebot.core.contents.Chart.AppVersion;
import io.mojaloop.releasebot.core.contents.Chart.Dependency;

/**
 * Reads an umbrella {@code Chart.yaml} with SnakeYAML's node API (as the config is read): text in, a
 * {@link Chart} with its problems out, never an exception.
 * <p>
 * {@code appVersion} is {@code "name: version; name: version; ..."}: parts are split at {@code ;}, empty parts
 * (a trailing {@code ;}, {@code ;;}) are skipped, spaces around names, colons and versions do not matter. A part
 * without a colon, a part with no name, a name that is not a chart name, a version with spaces, commas or colons
 * in it, and a name listed twice with different versions are problems (the first version listed is kept; a name
 * listed twice with the same version is simply one entry). An {@code appVersion} that is not such a list at all
 * (a plain {@code 17.0.4}, as most charts have) is a problem and gives no versions.
 */
public final class ChartParser {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    static final Pattern ONE_VERSION = Pattern.compile("[^\\s,;:]+");

    private ChartParser() {
    }

    /**
     * @param where how messages name the file: {@code helm:mojaloop/Chart.yaml at v17.2.0-rc.1}
     */
    public static Chart parse(String where, String text) {
        List<ContentsProblem> problems = new ArrayList<>();
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text == null ? "" : text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = (e.getContext() == null ? "" : e.getContext() + ": ") + e.getProblem();
            problems.add(ContentsProblem.release(where + (mark == null ? "" : ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1))
                    + ": the chart is not valid YAML (" + what + "), so the release's components are unknown"));
            return Chart.unreadable(problems);
        } catch (YAMLException e) {
            problems.add(ContentsProblem.release(where + ": the chart is not valid YAML (" + e.getMessage()
                    + "), so the release's components are unknown"));
            return Chart.unreadable(problems);
        }
        if (root == null || root instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            problems.add(ContentsProblem.release(where + ": the chart is empty, so the release's components are unknown"));
            return Chart.unreadable(problems);
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(ContentsProblem.release(at(where, root) + ": the chart is not a mapping (found " + describe(root)
                    + "), so the release's components are unknown"));
            return Chart.unreadable(problems);
        }
        Map<String, Node> top = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                if (top.containsKey(k.getValue()) && List.of("appVersion", "dependencies").contains(k.getValue())) {
                    problems.add(ContentsProblem.release(at(where, k) + ": the chart gives " + k.getValue()
                            + " twice; the first is used"));
                }
                top.putIfAbsent(k.getValue(), t.getValueNode());
            }
        }
        String name = plain(top.get("name"));
        String version = plain(top.get("version"));
        List<AppVersion> appVersions = appVersions(where, top.get("appVersion"), problems);
        List<Dependency> dependencies = dependencies(where, top.get("dependencies"), problems);
        return new Chart(true, name, version, appVersions, dependencies, problems);
    }

    static List<AppVersion> appVersions(String where, Node node, List<ContentsProblem> problems) {
        List<AppVersion> result = new ArrayList<>();
        if (node == null || node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            problems.add(ContentsProblem.release(where + ": the chart has no appVersion (\"name: vX.Y.Z; ...\"), so no "
                    + "component's version is known"));
            return result;
        }
        if (!(node instanceof ScalarNode scalar)) {
            problems.add(ContentsProblem.release(at(where, node) + ": appVersion is " + describe(node) + ", not a text "
                    + "\"name: vX.Y.Z; ...\", so no component's version is known"));
            return result;
        }
        String text = scalar.getValue();
        if (!text.contains(":")) {
            problems.add(ContentsProblem.release(at(where, node) + ": appVersion \"" + clip(text) + "\" is not a list of "
                    + "\"name: vX.Y.Z; ...\", so no component's version is known"));
            return result;
        }
        Map<String, AppVersion> byName = new LinkedHashMap<>();
        for (String raw : text.split(";")) {
            String part = raw.strip();
            if (part.isEmpty()) {
                continue;
            }
            int colon = part.indexOf(':');
            if (colon < 0) {
                problems.add(ContentsProblem.release(at(where, node) + ": appVersion part \"" + clip(part)
                        + "\" is not \"name: version\"; it is left out"));
                continue;
            }
            String name = part.substring(0, colon).strip();
            String version = part.substring(colon + 1).strip();
            if (name.isEmpty()) {
                problems.add(ContentsProblem.release(at(where, node) + ": appVersion part \"" + clip(part)
                        + "\" has no name; it is left out"));
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                problems.add(ContentsProblem.release(at(where, node) + ": appVersion part \"" + clip(part) + "\": \""
                        + clip(name) + "\" is not a chart name (letters, digits, ., - and _); it is left out"));
                continue;
            }
            if (version.isEmpty()) {
                problems.add(ContentsProblem.of(name, at(where, node) + ": appVersion names " + name
                        + " without a version; its version is unknown"));
                version = null;
            } else if (!ONE_VERSION.matcher(version).matches()) {
                problems.add(ContentsProblem.of(name, at(where, node) + ": appVersion gives " + name + " the version \""
                        + clip(version) + "\", which is not one version (a ; missing?); its version is unknown"));
                version = null;
            }
            String key = name.toLowerCase(Locale.ROOT);
            AppVersion first = byName.get(key);
            if (first == null) {
                byName.put(key, new AppVersion(name, version));
            } else if (!java.util.Objects.equals(first.version(), version)) {
                problems.add(ContentsProblem.of(first.name(), at(where, node) + ": appVersion lists " + name + " twice, at "
                        + (first.version() == null ? "no version" : first.version()) + " and "
                        + (version == null ? "no version" : version) + "; the first is used"));
            }
        }
        result.addAll(byName.values());
        if (result.isEmpty()) {
            problems.add(ContentsProblem.release(at(where, node) + ": appVersion lists no component, so no component's "
                    + "version is known"));
        }
        return result;
    }

    static List<Dependency> dependencies(String where, Node node, List<ContentsProblem> problems) {
        List<Dependency> result = new ArrayList<>();
        if (node == null || node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            return result;
        }
        if (!(node instanceof SequenceNode list)) {
            problems.add(ContentsProblem.release(at(where, node) + ": dependencies is " + describe(node)
                    + ", not a list; no component is read from it"));
            return result;
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        int i = 0;
        for (Node item : list.getValue()) {
            int n = i++;
            if (!(item instanceof MappingNode m)) {
                problems.add(ContentsProblem.release(at(where, item) + ": dependencies[" + n + "] is " + describe(item)
                        + ", not a mapping with a name; it is left out"));
                continue;
            }
            Map<String, Node> keys = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    keys.putIfAbsent(k.getValue(), t.getValueNode());
                }
            }
            String name = plain(keys.get("name"));
            if (name == null || name.isBlank()) {
                problems.add(ContentsProblem.release(at(where, item) + ": dependencies[" + n + "] has no name; it is left out"));
                continue;
            }
            name = name.strip();
            if (!NAME.matcher(name).matches()) {
                problems.add(ContentsProblem.release(at(where, item) + ": dependencies[" + n + "]: \"" + clip(name)
                        + "\" is not a chart name; it is left out"));
                continue;
            }
            String alias = plain(keys.get("alias"));
            String key = name.toLowerCase(Locale.ROOT);
            Integer at = index.get(key);
            if (at != null) {
                Dependency d = result.get(at);
                List<String> aliases = new ArrayList<>(d.aliases());
                if (alias != null && !alias.isBlank()) {
                    aliases.add(alias.strip());
                }
                result.set(at, new Dependency(d.name(), aliases, d.version(), d.repository()));
                continue;
            }
            index.put(key, result.size());
            result.add(new Dependency(name, alias == null || alias.isBlank() ? List.of() : List.of(alias.strip()),
                    plain(keys.get("version")), plain(keys.get("repository"))));
        }
        return result;
    }

    static String plain(Node node) {
        return node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) ? s.getValue() : null;
    }

    static String at(String where, Node node) {
        Mark mark = node.getStartMark();
        return mark == null ? where : where + ":" + (mark.getLine() + 1);
    }

    static String describe(Node node) {
        if (node instanceof ScalarNode s) {
            return s.getTag().equals(Tag.NULL) ? "nothing" : "\"" + clip(s.getValue()) + "\"";
        }
        return node instanceof SequenceNode ? "a list" : node instanceof MappingNode ? "a mapping" : "something else";
    }

    /** Chart text quoted in a message: at most 80 characters. */
    static String clip(String text) {
        return text.length() > 80 ? text.substring(0, 79) + "…" : text;
    }
}
