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
import io.mojaloop.releasebot.core.contents.ContentsProblem.Found;
import io.mojaloop.releasebot.core.contents.ContentsProblem.Kind;
import io.mojaloop.releasebot.core.contents.ContentsProblem.Location;

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
     * @param where how problems name the file: {@code helm:mojaloop/Chart.yaml@v17.2.0-rc.1}
     */
    public static Chart parse(String where, String text) {
        List<ContentsProblem> problems = new ArrayList<>();
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text == null ? "" : text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = (e.getContext() == null ? "" : e.getContext() + ": ") + e.getProblem();
            problems.add(ContentsProblem.notYaml(mark == null ? Location.of(where)
                    : new Location(where, mark.getLine() + 1, mark.getColumn() + 1), what));
            return Chart.unreadable(problems);
        } catch (YAMLException e) {
            problems.add(ContentsProblem.notYaml(Location.of(where), e.getMessage()));
            return Chart.unreadable(problems);
        }
        if (root == null || root instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            problems.add(ContentsProblem.chart(Kind.CHART_EMPTY, null, Location.of(where), null, null));
            return Chart.unreadable(problems);
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(ContentsProblem.shape(Kind.NOT_A_MAPPING, at(where, root), found(root), quoted(root), 0));
            return Chart.unreadable(problems);
        }
        Map<String, Node> top = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                if (top.containsKey(k.getValue()) && List.of("appVersion", "dependencies").contains(k.getValue())) {
                    problems.add(ContentsProblem.chart(Kind.KEY_TWICE, null, at(where, k), k.getValue(), null));
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
            problems.add(ContentsProblem.chart(Kind.NO_APP_VERSION, null, Location.of(where), null, null));
            return result;
        }
        if (!(node instanceof ScalarNode scalar)) {
            problems.add(ContentsProblem.shape(Kind.APP_VERSION_NOT_TEXT, at(where, node), found(node), quoted(node), 0));
            return result;
        }
        String text = scalar.getValue();
        if (!text.contains(":")) {
            problems.add(ContentsProblem.chart(Kind.APP_VERSION_NOT_A_LIST, null, at(where, node), null, clip(text)));
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
                problems.add(ContentsProblem.chart(Kind.PART_NOT_NAME_VERSION, null, at(where, node), null, clip(part)));
                continue;
            }
            String name = part.substring(0, colon).strip();
            String version = part.substring(colon + 1).strip();
            if (name.isEmpty()) {
                problems.add(ContentsProblem.chart(Kind.PART_NO_NAME, null, at(where, node), null, clip(part)));
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                problems.add(ContentsProblem.chart(Kind.PART_BAD_NAME, null, at(where, node), clip(name), clip(part)));
                continue;
            }
            if (version.isEmpty()) {
                problems.add(ContentsProblem.chart(Kind.NO_VERSION, name, at(where, node), name, null));
                version = null;
            } else if (!ONE_VERSION.matcher(version).matches()) {
                problems.add(ContentsProblem.chart(Kind.NOT_ONE_VERSION, name, at(where, node), name, clip(version)));
                version = null;
            }
            String key = name.toLowerCase(Locale.ROOT);
            AppVersion first = byName.get(key);
            if (first == null) {
                byName.put(key, new AppVersion(name, version));
            } else if (!java.util.Objects.equals(first.version(), version)) {
                problems.add(ContentsProblem.listedTwice(first.name(), at(where, node), name, first.version(), version));
            }
        }
        result.addAll(byName.values());
        if (result.isEmpty()) {
            problems.add(ContentsProblem.chart(Kind.NO_COMPONENT, null, at(where, node), null, null));
        }
        return result;
    }

    static List<Dependency> dependencies(String where, Node node, List<ContentsProblem> problems) {
        List<Dependency> result = new ArrayList<>();
        if (node == null || node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            return result;
        }
        if (!(node instanceof SequenceNode list)) {
            problems.add(ContentsProblem.shape(Kind.DEPENDENCIES_NOT_A_LIST, at(where, node), found(node), quoted(node), 0));
            return result;
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        int i = 0;
        for (Node item : list.getValue()) {
            int n = i++;
            if (!(item instanceof MappingNode m)) {
                problems.add(ContentsProblem.shape(Kind.DEPENDENCY_NOT_A_MAPPING, at(where, item), found(item), quoted(item), n));
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
                problems.add(ContentsProblem.dependency(Kind.DEPENDENCY_NO_NAME, at(where, item), n, null));
                continue;
            }
            name = name.strip();
            if (!NAME.matcher(name).matches()) {
                problems.add(ContentsProblem.dependency(Kind.DEPENDENCY_BAD_NAME, at(where, item), n, clip(name)));
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

    /** The node's line (its column does not help people find a value). */
    static Location at(String where, Node node) {
        Mark mark = node.getStartMark();
        return mark == null ? Location.of(where) : new Location(where, mark.getLine() + 1, 0);
    }

    static Found found(Node node) {
        if (node instanceof ScalarNode s) {
            return s.getTag().equals(Tag.NULL) ? Found.NOTHING : Found.TEXT;
        }
        return node instanceof SequenceNode ? Found.LIST : node instanceof MappingNode ? Found.MAPPING : Found.OTHER;
    }

    /** A text's value, clipped; null for anything else. */
    static String quoted(Node node) {
        return node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) ? clip(s.getValue()) : null;
    }

    /** Chart text quoted in a problem: at most 80 characters. */
    static String clip(String text) {
        return text.length() > 80 ? text.substring(0, 79) + "…" : text;
    }
}
