package io.mojaloop.releasebot.core.config;

import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
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

/**
 * Reads {@code release-bot.yml} strictly: every key is known, every value has the expected type and range, and
 * every problem is reported with its file, line and column (1-based) and what was expected. Pure: text in, config
 * and problems out.
 * <p>
 * The org-wide file may hold every section; a repository's {@code .github/release-bot.yml} may hold only
 * {@code reviews}, whose keys override the org's one by one.
 */
public final class ConfigLoader {

    static final List<String> TOP_LEVEL = List.of("reviews", "affiliations", "affiliation-fallback", "freeze",
            "release-candidates", "releases", "gates", "implementers", "contents");
    static final List<String> REVIEWS = List.of("required-approvals", "distinct-organisations", "dismiss-stale",
            "exception-approvers");
    static final List<String> FREEZE = List.of("feature-freeze-weeks-before-pi-kickoff", "bugfix-freeze-weeks-before-release",
            "branches", "feature-types", "allowed-during-bugfix-freeze-labels", "exception-approvers");
    static final List<String> RELEASE_CANDIDATES = List.of("approvers");
    static final List<String> RELEASE = List.of("version", "pi-kickoff", "release-date", "timezone", "feature-freeze",
            "bugfix-freeze", "story", "repos", "previous");
    static final List<String> CONTENTS = List.of("repo", "chart", "components");
    static final List<String> GATE = List.of("id", "name", "kind", "ttk-suite", "issue-query", "environment", "path",
            "priority-from", "priorities", "severities", "allow-skipped");


    /** A release's time zone when it names none: the same zone as {@code timezone: UTC}. */
    static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

    static final Pattern TEAM_SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");
    static final Pattern GATE_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    static final Pattern REPO = Pattern.compile("(?:[A-Za-z0-9][A-Za-z0-9-]*/)?[A-Za-z0-9_.-]+");
    static final Pattern STORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9_.-]+#[1-9][0-9]*");
    static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*");
    /** Plain decimal only: YAML 1.1 also reads 010 (octal), 0x1F, 1_000 and 1:30 as integers, which nobody means here. */
    static final Pattern WHOLE = Pattern.compile("0|[1-9][0-9]{0,8}");
    static final Pattern IMPLEMENTER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    /** A chart or appVersion component name: what Helm allows in a chart name, plus dots. */
    static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    /** A release tag: vX.Y.Z (the v optional) with an optional pre-release suffix such as -hotfix.1. */
    static final Pattern TAG = Pattern.compile(
            "v?(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");
    /** A priority or severity as a bug template writes it: one word (High, medium, P1). */
    static final Pattern LEVEL = Pattern.compile("[A-Za-z0-9]{1,30}");

    private ConfigLoader() {
    }

    /** The org-wide file alone. */
    public static ParsedConfig parseOrg(String file, String text) {
        Reader reader = new Reader(file);
        BotConfig config = reader.org(text);
        return new ParsedConfig(config, reader.sorted());
    }

    /**
     * The configuration that applies to one repository: the org file (null when absent: defaults) with the
     * repository file's {@code reviews} (null when absent) applied on top.
     */
    public static ParsedConfig load(String orgFile, String orgText, String repoFile, String repoText) {
        List<ConfigProblem> problems = new ArrayList<>();
        BotConfig config = BotConfig.DEFAULTS;
        if (orgText != null) {
            Reader org = new Reader(orgFile);
            config = org.org(orgText);
            problems.addAll(org.sorted());
        }
        if (repoText != null) {
            Reader repo = new Reader(repoFile);
            config = repo.repo(repoText, config);
            problems.addAll(repo.sorted());
        }
        return new ParsedConfig(config, problems);
    }

    /** One file being read: collects its problems. */
    private static final class Reader {
        final String file;
        final List<ConfigProblem> problems = new ArrayList<>();

        Reader(String file) {
            this.file = file;
        }

        /** The problems in file order (sections are checked in dependency order, not in the order they are written). */
        List<ConfigProblem> sorted() {
            List<ConfigProblem> result = new ArrayList<>(problems);
            result.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
            return result;
        }

        BotConfig org(String text) {
            Node root = compose(text);
            if (root == null) {
                return BotConfig.DEFAULTS;
            }
            Map<String, Node> top = keys(root, "the top level", TOP_LEVEL);
            if (top == null) {
                return BotConfig.DEFAULTS;
            }
            // a section written with nothing under it (e.g. every release commented out) is the same as no section
            top.values().removeIf(Reader::isNull);
            Reviews reviews = top.containsKey("reviews") ? reviews(top.get("reviews"), Reviews.DEFAULTS) : Reviews.DEFAULTS;
            Map<String, List<String>> affiliations = top.containsKey("affiliations") ? affiliations(top.get("affiliations"))
                    : Map.of();
            AffiliationFallback fallback = AffiliationFallback.NONE;
            if (top.containsKey("affiliation-fallback")) {
                Node n = top.get("affiliation-fallback");
                String value = scalar(n, "affiliation-fallback", "profile-company or none");
                if (value != null) {
                    fallback = AffiliationFallback.fromYaml(value);
                    if (fallback == null) {
                        problem(n, "affiliation-fallback: expected profile-company or none, found \"" + value + "\"");
                        fallback = AffiliationFallback.NONE;
                    }
                }
            }
            Freeze freeze = top.containsKey("freeze") ? freeze(top.get("freeze")) : Freeze.DEFAULTS;
            ReleaseCandidates rc = ReleaseCandidates.DEFAULTS;
            if (top.containsKey("release-candidates")) {
                Map<String, Node> section = keys(top.get("release-candidates"), "release-candidates", RELEASE_CANDIDATES);
                if (section != null && section.containsKey("approvers")) {
                    rc = new ReleaseCandidates(teams(section.get("approvers"), "release-candidates.approvers"));
                }
            }
            List<Release> releases = top.containsKey("releases") ? releases(top.get("releases"), freeze) : List.of();
            List<Gate> gates = top.containsKey("gates") ? gates(top.get("gates")) : List.of();
            List<String> implementers = top.containsKey("implementers")
                    ? strings(top.get("implementers"), "implementers", s -> IMPLEMENTER.matcher(s).matches(),
                            "an implementer name such as mini-loop (letters, digits, - and _)")
                    : BotConfig.DEFAULT_IMPLEMENTERS;
            Contents contents = top.containsKey("contents") ? contents(top.get("contents")) : Contents.DEFAULTS;
            return new BotConfig(reviews, affiliations, fallback, freeze, rc, releases, gates, implementers, contents);
        }

        BotConfig repo(String text, BotConfig org) {
            Node root = compose(text);
            if (root == null) {
                return org;
            }
            if (!(root instanceof MappingNode mapping)) {
                problem(root, "the top level: expected a mapping with the key reviews, found " + describe(root));
                return org;
            }
            Map<String, Node> top = new LinkedHashMap<>();
            for (NodeTuple t : mapping.getValue()) {
                String key = keyName(t.getKeyNode());
                if (key == null) {
                    continue;
                }
                if (top.containsKey(key)) {
                    problem(t.getKeyNode(), "duplicate key " + key);
                } else if (!key.equals("reviews")) {
                    problem(t.getKeyNode(), TOP_LEVEL.contains(key)
                            ? "only reviews may be overridden in a repository's .github/release-bot.yml; move " + key
                                    + " to release-bot.yml in the organisation's .github repository"
                            : "unknown key " + key + " (a repository's config may hold only reviews)");
                }
                top.put(key, t.getValueNode());
            }
            return top.containsKey("reviews") && !isNull(top.get("reviews")) ? org.withReviews(reviews(top.get("reviews"), org.reviews())) : org;
        }

        Node compose(String text) {
            try {
                Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
                Node root = yaml.compose(new StringReader(text));
                if (root instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
                    return null;
                }
                return root;
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                String what = (e.getContext() == null ? "" : e.getContext() + ": ") + e.getProblem();
                problems.add(new ConfigProblem(file, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
                        "not valid YAML: " + what));
                return null;
            } catch (YAMLException e) {
                problems.add(new ConfigProblem(file, 1, 1, "not valid YAML: " + e.getMessage()));
                return null;
            }
        }

        Reviews reviews(Node node, Reviews base) {
            Map<String, Node> k = keys(node, "reviews", REVIEWS);
            if (k == null) {
                return base;
            }
            int approvals = k.containsKey("required-approvals")
                    ? count(k.get("required-approvals"), "reviews.required-approvals", base.requiredApprovals())
                    : base.requiredApprovals();
            int orgs = k.containsKey("distinct-organisations")
                    ? count(k.get("distinct-organisations"), "reviews.distinct-organisations", base.distinctOrganisations())
                    : base.distinctOrganisations();
            boolean stale = k.containsKey("dismiss-stale") ? bool(k.get("dismiss-stale"), "reviews.dismiss-stale", base.dismissStale())
                    : base.dismissStale();
            List<String> approvers = k.containsKey("exception-approvers")
                    ? teams(k.get("exception-approvers"), "reviews.exception-approvers")
                    : base.exceptionApprovers();
            return new Reviews(approvals, orgs, stale, approvers);
        }

        Map<String, List<String>> affiliations(Node node) {
            Map<String, List<String>> result = new LinkedHashMap<>();
            if (!(node instanceof MappingNode mapping)) {
                problem(node, "affiliations: expected a mapping of organisation name to a list of GitHub logins, found "
                        + describe(node));
                return result;
            }
            Map<String, String> seen = new HashMap<>();
            for (NodeTuple t : mapping.getValue()) {
                String org = keyName(t.getKeyNode());
                if (org == null) {
                    continue;
                }
                if (org.isBlank()) {
                    problem(t.getKeyNode(), "affiliations: an organisation name must not be empty");
                    continue;
                }
                if (result.containsKey(org)) {
                    problem(t.getKeyNode(), "affiliations: duplicate organisation " + org);
                    continue;
                }
                List<String> logins = new ArrayList<>();
                SequenceNode list = sequence(t.getValueNode(), "affiliations." + org, "a list of GitHub logins");
                if (list != null) {
                    for (Node item : list.getValue()) {
                        String login = scalar(item, "affiliations." + org, "a GitHub login");
                        if (login == null) {
                            continue;
                        }
                        if (!LOGIN.matcher(login).matches()) {
                            problem(item, "affiliations." + org + ": \"" + login
                                    + "\" is not a GitHub login (letters, digits and single hyphens, at most 39 characters, no @)");
                            continue;
                        }
                        String previous = seen.putIfAbsent(login.toLowerCase(Locale.ROOT), org);
                        if (previous != null) {
                            problem(item, "affiliations." + org + ": " + login + " is already listed under " + previous
                                    + " (logins are case-insensitive; a person belongs to one organisation)");
                            continue;
                        }
                        logins.add(login);
                    }
                }
                result.put(org, logins);
            }
            return result;
        }

        Freeze freeze(Node node) {
            Freeze d = Freeze.DEFAULTS;
            Map<String, Node> k = keys(node, "freeze", FREEZE);
            if (k == null) {
                return d;
            }
            int featureWeeks = k.containsKey("feature-freeze-weeks-before-pi-kickoff")
                    ? count(k.get("feature-freeze-weeks-before-pi-kickoff"), "freeze.feature-freeze-weeks-before-pi-kickoff",
                            d.featureFreezeWeeksBeforePiKickoff())
                    : d.featureFreezeWeeksBeforePiKickoff();
            int bugfixWeeks = k.containsKey("bugfix-freeze-weeks-before-release")
                    ? count(k.get("bugfix-freeze-weeks-before-release"), "freeze.bugfix-freeze-weeks-before-release",
                            d.bugfixFreezeWeeksBeforeRelease())
                    : d.bugfixFreezeWeeksBeforeRelease();
            List<String> branches = k.containsKey("branches")
                    ? strings(k.get("branches"), "freeze.branches", s -> !s.isBlank() && !s.contains(" "),
                            "a branch name or glob such as main or release/*")
                    : d.branches();
            List<String> types = k.containsKey("feature-types")
                    ? strings(k.get("feature-types"), "freeze.feature-types", s -> TYPE.matcher(s).matches(),
                            "a lower-case Conventional Commit type such as feat")
                    : d.featureTypes();
            List<String> labels = k.containsKey("allowed-during-bugfix-freeze-labels")
                    ? strings(k.get("allowed-during-bugfix-freeze-labels"), "freeze.allowed-during-bugfix-freeze-labels",
                            s -> !s.isBlank(), "a label name")
                    : d.allowedDuringBugfixFreezeLabels();
            List<String> approvers = k.containsKey("exception-approvers")
                    ? teams(k.get("exception-approvers"), "freeze.exception-approvers")
                    : d.exceptionApprovers();
            return new Freeze(featureWeeks, bugfixWeeks, branches, types, labels, approvers);
        }

        List<Release> releases(Node node, Freeze freeze) {
            List<Release> releases = new ArrayList<>();
            SequenceNode list = sequence(node, "releases", "a list of releases");
            if (list == null) {
                return releases;
            }
            Map<String, Integer> versions = new HashMap<>();
            int index = 0;
            for (Node item : list.getValue()) {
                String path = "releases[" + peekVersion(item).orElse(String.valueOf(index)) + "]";
                index++;
                Map<String, Node> k = keys(item, path, RELEASE);
                if (k == null) {
                    continue;
                }
                int line = item.getStartMark().getLine() + 1;
                String version = null;
                if (!k.containsKey("version")) {
                    problem(item, path + ": version is required (e.g. version: v17.2.0)");
                } else {
                    version = scalar(k.get("version"), path + ".version", "a version such as v17.2.0");
                    if (version != null && version.isBlank()) {
                        problem(k.get("version"), path + ".version: must not be empty");
                        version = null;
                    }
                    if (version != null) {
                        Integer first = versions.putIfAbsent(version, line);
                        if (first != null) {
                            problem(k.get("version"), "duplicate release version " + version + " (first at line " + first + ")");
                        }
                    }
                }
                ZoneId zone = DEFAULT_ZONE;
                if (k.containsKey("timezone")) {
                    String tz = scalar(k.get("timezone"), path + ".timezone", "a time zone such as UTC or Europe/London");
                    if (tz != null) {
                        try {
                            zone = ZoneId.of(tz.trim());
                        } catch (DateTimeException e) {
                            problem(k.get("timezone"), path + ".timezone: unknown time zone \"" + tz
                                    + "\"; use an IANA name such as UTC, Europe/London or Africa/Nairobi");
                        }
                    }
                }
                DateSpec kickoff = k.containsKey("pi-kickoff") ? date(k.get("pi-kickoff"), path + ".pi-kickoff") : null;
                DateSpec releaseDate = null;
                if (!k.containsKey("release-date")) {
                    problem(item, path + ": release-date is required (e.g. release-date: 2027-01-25)");
                } else {
                    releaseDate = date(k.get("release-date"), path + ".release-date");
                }
                WindowOverride feature = k.containsKey("feature-freeze") ? window(k.get("feature-freeze"), path + ".feature-freeze") : null;
                WindowOverride bugfix = k.containsKey("bugfix-freeze") ? window(k.get("bugfix-freeze"), path + ".bugfix-freeze") : null;
                String story = null;
                if (k.containsKey("story")) {
                    story = scalar(k.get("story"), path + ".story", "an issue such as mojaloop/project#4300");
                    if (story != null && !STORY.matcher(story).matches()) {
                        problem(k.get("story"), path + ".story: expected an issue such as mojaloop/project#4300, found \"" + story + "\"");
                        story = null;
                    }
                }
                List<String> repos = List.of();
                if (!k.containsKey("repos")) {
                    problem(item, path + ": repos is required: the repositories this release freezes (e.g. repos: [central-ledger, helm])");
                } else {
                    repos = strings(k.get("repos"), path + ".repos", s -> REPO.matcher(s).matches(),
                            "a repository name such as central-ledger");
                    if (repos.isEmpty() && k.get("repos") instanceof SequenceNode) {
                        problem(k.get("repos"), path + ".repos: list at least one repository");
                    }
                }
                String previous = k.containsKey("previous") ? previous(k.get("previous"), path + ".previous", version) : null;
                Release release = new Release(version, kickoff, releaseDate, zone, feature, bugfix, story, repos, line,
                        previous);
                if (releaseDate != null) {
                    checkWindows(release, freeze, k, path);
                }
                if (version != null) {
                    releases.add(release);
                }
            }
            return releases;
        }

        /** {@code previous:}: a tag below the release's own version. */
        String previous(Node node, String path, String version) {
            String value = text(node, path, "a release tag such as v17.1.0");
            if (value == null) {
                return null;
            }
            String tag = value.trim();
            java.util.regex.Matcher m = TAG.matcher(tag);
            if (!m.matches()) {
                problem(node, path + ": expected a release tag such as v17.1.0, found \"" + value + "\"");
                return null;
            }
            if (version != null) {
                String bare = tag.startsWith("v") ? tag.substring(1) : tag;
                String own = version.trim().startsWith("v") ? version.trim().substring(1) : version.trim();
                if (bare.equals(own)) {
                    problem(node, path + ": " + tag + " is this release itself; name the release it follows (e.g. the last vX.Y.Z before it)");
                    return null;
                }
                java.util.regex.Matcher v = TAG.matcher(version.trim());
                if (v.matches()) {
                    for (int i = 1; i <= 3; i++) {
                        int c = new java.math.BigInteger(m.group(i)).compareTo(new java.math.BigInteger(v.group(i)));
                        if (c < 0) {
                            break;
                        }
                        if (c > 0) {
                            problem(node, path + ": " + tag + " is above " + version.trim() + "; previous is the release this one follows");
                            return null;
                        }
                    }
                }
            }
            return tag;
        }

        Contents contents(Node node) {
            Contents d = Contents.DEFAULTS;
            Map<String, Node> k = keys(node, "contents", CONTENTS);
            if (k == null) {
                return d;
            }
            String repo = d.repo();
            if (k.containsKey("repo")) {
                String value = text(k.get("repo"), "contents.repo", "a repository name such as helm");
                if (value != null && !REPO.matcher(value.trim()).matches()) {
                    problem(k.get("repo"), "contents.repo: expected a repository name such as helm (or owner/name), found \"" + value + "\"");
                } else if (value != null) {
                    repo = value.trim();
                }
            }
            String chart = d.chart();
            if (k.containsKey("chart")) {
                String value = text(k.get("chart"), "contents.chart", "a file path such as mojaloop/Chart.yaml");
                if (value != null) {
                    String path = value.trim();
                    if (path.startsWith("/") || path.endsWith("/") || java.util.Arrays.asList(path.split("/")).contains("..")
                            || java.util.Arrays.asList(path.split("/")).contains("")) {
                        problem(k.get("chart"), "contents.chart: expected a file path inside the repository such as "
                                + "mojaloop/Chart.yaml (no leading /, no .., no empty part), found \"" + value + "\"");
                    } else {
                        chart = path;
                    }
                }
            }
            Map<String, String> components = new LinkedHashMap<>();
            if (k.containsKey("components")) {
                Node n = k.get("components");
                if (!(n instanceof MappingNode mapping)) {
                    problem(n, "contents.components: expected a mapping of chart name to repository (e.g. centralledger: "
                            + "central-ledger), found " + describe(n));
                } else {
                    Map<String, String> seen = new HashMap<>();
                    for (NodeTuple t : mapping.getValue()) {
                        String name = keyName(t.getKeyNode());
                        if (name == null) {
                            continue;
                        }
                        if (!COMPONENT.matcher(name).matches()) {
                            problem(t.getKeyNode(), "contents.components: \"" + name
                                    + "\" is not a chart name (letters, digits, ., - and _), e.g. centralledger");
                            continue;
                        }
                        String first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                        if (first != null) {
                            problem(t.getKeyNode(), "contents.components: duplicate name " + name
                                    + (first.equals(name) ? "" : " (names are case-insensitive: " + first + " is already listed)"));
                            continue;
                        }
                        String target = scalar(t.getValueNode(), "contents.components." + name, "a repository name such as central-ledger");
                        if (target == null) {
                            continue;
                        }
                        if (!REPO.matcher(target.trim()).matches()) {
                            problem(t.getValueNode(), "contents.components." + name
                                    + ": expected a repository name such as central-ledger (or owner/name), found \"" + target + "\"");
                            continue;
                        }
                        components.put(name, target.trim());
                    }
                }
            }
            return new Contents(repo, chart, components);
        }

        static Optional<String> peekVersion(Node item) {
            if (item instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("version")
                            && t.getValueNode() instanceof ScalarNode v && !v.getValue().isBlank()) {
                        return Optional.of(v.getValue());
                    }
                }
            }
            return Optional.empty();
        }

        void checkWindows(Release release, Freeze freeze, Map<String, Node> k, String path) {
            FreezeWindows w = FreezeWindows.of(release, freeze);
            Instant end = w.releaseAt();
            if (w.featureFreezeStart() != null && w.featureFreezeStart().isAfter(end)) {
                Node at = k.containsKey("feature-freeze") ? k.get("feature-freeze") : k.get("pi-kickoff");
                problem(at, path + ": the feature freeze would start " + show(w.featureFreezeStart(), release.timezone())
                        + (k.containsKey("feature-freeze") ? "" : " (" + freeze.featureFreezeWeeksBeforePiKickoff() + " weeks before pi-kickoff)")
                        + ", after the release date " + show(end, release.timezone()));
            }
            if (w.bugfixFreezeStart() != null && w.bugfixFreezeStart().isAfter(end)) {
                Node at = k.containsKey("bugfix-freeze") ? k.get("bugfix-freeze") : k.get("release-date");
                problem(at, path + ": the bug-fix freeze would start " + show(w.bugfixFreezeStart(), release.timezone())
                        + ", after the release date " + show(end, release.timezone()));
            }
        }

        static String show(Instant instant, ZoneId zone) {
            var local = instant.atZone(zone);
            return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? local.toLocalDate().toString()
                    : local.toOffsetDateTime().toString();
        }

        List<Gate> gates(Node node) {
            List<Gate> gates = new ArrayList<>();
            SequenceNode list = sequence(node, "gates", "a list of gates");
            if (list == null) {
                return gates;
            }
            Map<String, Integer> ids = new HashMap<>();
            int index = 0;
            for (Node item : list.getValue()) {
                String path = "gates[" + index++ + "]";
                Map<String, Node> k = keys(item, path, GATE);
                if (k == null) {
                    continue;
                }
                String id = null;
                if (!k.containsKey("id")) {
                    problem(item, path + ": id is required (e.g. id: golden-path-dev)");
                } else {
                    id = scalar(k.get("id"), path + ".id", "a gate id such as golden-path-dev");
                    if (id != null && !GATE_ID.matcher(id).matches()) {
                        problem(k.get("id"), path + ".id: expected lower-case letters, digits and hyphens (e.g. golden-path-dev), found \"" + id + "\"");
                        id = null;
                    } else if (id != null) {
                        Integer first = ids.putIfAbsent(id, k.get("id").getStartMark().getLine() + 1);
                        if (first != null) {
                            problem(k.get("id"), "duplicate gate id " + id + " (first at line " + first + ")");
                        }
                    }
                }
                String name = null;
                if (!k.containsKey("name")) {
                    problem(item, path + ": name is required: what the gate checks, in words");
                } else {
                    name = text(k.get("name"), path + ".name", "a name");
                }
                String suite = k.containsKey("ttk-suite") ? text(k.get("ttk-suite"), path + ".ttk-suite", "a TTK report name") : null;
                String query = k.containsKey("issue-query") ? text(k.get("issue-query"), path + ".issue-query", "a GitHub issue search") : null;
                String environment = k.containsKey("environment")
                        ? text(k.get("environment"), path + ".environment", "an environment name such as dev or qa") : null;
                String notes = k.containsKey("path") ? text(k.get("path"), path + ".path", "a file path such as .changelog/release-{version}.md") : null;
                GateKind kind = null;
                if (k.containsKey("kind")) {
                    String value = scalar(k.get("kind"), path + ".kind", "a gate kind");
                    kind = value == null ? null : GateKind.fromYaml(value);
                    if (value != null && kind == null) {
                        problem(k.get("kind"), path + ".kind: expected one of manual, ttk, issues, downstream, repo-standards, "
                                + "release-notes, found \"" + value + "\"");
                    }
                }
                GateKind effective = kind != null ? kind : GateKind.infer(id, suite, query);
                if (effective == GateKind.TTK && suite == null) {
                    problem(item, path + ": a ttk gate needs ttk-suite: the name of the TTK report that satisfies it");
                }
                if (effective == GateKind.ISSUES && query == null) {
                    problem(item, path + ": an issues gate needs issue-query: the GitHub issue search that must find nothing");
                }
                PriorityFromBody fromBody = priorityFromBody(item, k, path, effective);
                boolean allowSkipped = false;
                if (k.containsKey("allow-skipped")) {
                    allowSkipped = bool(k.get("allow-skipped"), path + ".allow-skipped", false);
                    if (effective != GateKind.TTK) {
                        problem(k.get("allow-skipped"), path + ".allow-skipped: only a ttk gate (one with ttk-suite) reads "
                                + "Testing Toolkit reports; this gate is " + effective.yaml());
                        allowSkipped = false;
                    }
                }
                if (id != null && name != null) {
                    gates.add(new Gate(id, name, suite, query, effective, environment, notes, fromBody, allowSkipped));
                }
            }
            return gates;
        }

        /**
         * {@code priority-from: body} with {@code priorities:} and optional {@code severities:}; null when the gate
         * does not read bodies (then {@code priorities:} and {@code severities:} are problems: they would be ignored).
         */
        PriorityFromBody priorityFromBody(Node item, Map<String, Node> k, String path, GateKind kind) {
            boolean body = false;
            if (k.containsKey("priority-from")) {
                String value = scalar(k.get("priority-from"), path + ".priority-from", "body");
                if (value != null && !value.equals("body")) {
                    problem(k.get("priority-from"), path + ".priority-from: expected body (the **Priority**: field of each "
                            + "issue's body), found \"" + value + "\"; without priority-from, issue-query alone decides");
                } else if (value != null) {
                    body = true;
                    if (kind != GateKind.ISSUES) {
                        problem(k.get("priority-from"), path + ".priority-from: only an issues gate (one with issue-query) "
                                + "reads issue bodies; this gate is " + kind.yaml());
                    }
                }
            }
            List<String> priorities = k.containsKey("priorities") ? levels(k.get("priorities"), path + ".priorities") : null;
            List<String> severities = k.containsKey("severities") ? levels(k.get("severities"), path + ".severities") : null;
            if (!body) {
                for (String key : List.of("priorities", "severities")) {
                    if (k.containsKey(key) && !k.containsKey("priority-from")) {
                        problem(k.get(key), path + "." + key + ": needs priority-from: body (" + key
                                + " are read from each issue's body)");
                    }
                }
                return null;
            }
            if (priorities == null) {
                problem(k.get("priority-from"), path + ": priority-from: body needs priorities: the priorities that block "
                        + "(e.g. priorities: [high, medium])");
                return null;
            }
            if (priorities.isEmpty() && k.get("priorities") instanceof SequenceNode) {
                problem(k.get("priorities"), path + ".priorities: list at least one priority (e.g. [high, medium])");
            }
            if (severities != null && severities.isEmpty() && k.get("severities") instanceof SequenceNode) {
                problem(k.get("severities"), path + ".severities: list at least one severity, or leave severities out");
            }
            return new PriorityFromBody(priorities, severities);
        }

        List<String> levels(Node node, String path) {
            return strings(node, path, s -> LEVEL.matcher(s).matches(), "one word such as high or medium");
        }

        // ---- typed values ------------------------------------------------------------------------------------

        /** The keys of a mapping; unknown and duplicate keys are problems. Null when the node is not a mapping. */
        Map<String, Node> keys(Node node, String where, List<String> allowed) {
            if (!(node instanceof MappingNode mapping)) {
                problem(node, where + ": expected a mapping with the keys " + String.join(", ", allowed) + ", found " + describe(node));
                return null;
            }
            Map<String, Node> result = new LinkedHashMap<>();
            for (NodeTuple t : mapping.getValue()) {
                String key = keyName(t.getKeyNode());
                if (key == null) {
                    continue;
                }
                if (result.containsKey(key)) {
                    problem(t.getKeyNode(), where + ": duplicate key " + key);
                } else if (!allowed.contains(key)) {
                    problem(t.getKeyNode(), where + ": unknown key " + key + "; expected one of " + String.join(", ", allowed));
                } else {
                    result.put(key, t.getValueNode());
                }
            }
            return result;
        }

        String keyName(Node key) {
            if (key instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
                return s.getValue();
            }
            problem(key, "expected a plain key, found " + describe(key));
            return null;
        }

        String scalar(Node node, String path, String expected) {
            if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
                return s.getValue();
            }
            problem(node, path + ": expected " + expected + ", found " + describe(node));
            return null;
        }

        /** A scalar that is not blank. */
        String text(Node node, String path, String expected) {
            String value = scalar(node, path, expected);
            if (value != null && value.isBlank()) {
                problem(node, path + ": expected " + expected + ", found an empty text");
                return null;
            }
            return value;
        }

        int count(Node node, String path, int fallback) {
            if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT) && WHOLE.matcher(s.getValue()).matches()) {
                try {
                    return Integer.parseInt(s.getValue());
                } catch (NumberFormatException e) {
                    // too large: reported below
                }
            }
            problem(node, path + ": expected a whole number ≥ 0, found " + describe(node));
            return fallback;
        }

        boolean bool(Node node, String path, boolean fallback) {
            if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
                String v = s.getValue().toLowerCase(Locale.ROOT);
                if (v.equals("true") || v.equals("false")) {
                    return v.equals("true");
                }
            }
            problem(node, path + ": expected true or false, found " + describe(node));
            return fallback;
        }

        SequenceNode sequence(Node node, String path, String expected) {
            if (node instanceof SequenceNode s) {
                return s;
            }
            problem(node, path + ": expected " + expected + " (e.g. [a, b]), found " + describe(node));
            return null;
        }

        List<String> strings(Node node, String path, Predicate<String> valid, String expected) {
            List<String> result = new ArrayList<>();
            SequenceNode list = sequence(node, path, "a list, each item " + expected);
            if (list == null) {
                return result;
            }
            for (Node item : list.getValue()) {
                String value = scalar(item, path, expected);
                if (value == null) {
                    continue;
                }
                if (!valid.test(value)) {
                    problem(item, path + ": expected " + expected + ", found \"" + value + "\"");
                    continue;
                }
                result.add(value);
            }
            return result;
        }

        List<String> teams(Node node, String path) {
            List<String> result = new ArrayList<>();
            SequenceNode list = sequence(node, path, "a list of team slugs");
            if (list == null) {
                return result;
            }
            for (Node item : list.getValue()) {
                String value = scalar(item, path, "a team slug such as design-authority");
                if (value == null) {
                    continue;
                }
                if (value.contains("/") || value.startsWith("@")) {
                    problem(item, path + ": \"" + value + "\" is not a team slug: write the team slug only, e.g. "
                            + value.substring(value.lastIndexOf('/') + 1).replace("@", "").toLowerCase(Locale.ROOT));
                } else if (!TEAM_SLUG.matcher(value).matches()) {
                    problem(item, path + ": \"" + value + "\" is not a team slug (lower-case letters, digits, - and _; "
                            + "the slug is in the team's URL, e.g. design-authority)");
                } else {
                    result.add(value);
                }
            }
            return result;
        }

        DateSpec date(Node node, String path) {
            String text = scalar(node, path, "a day like 2027-01-18 or an instant with offset like 2027-01-18T09:00:00+02:00");
            if (text == null) {
                return null;
            }
            DateSpec spec = DateSpec.parse(text);
            if (spec == null) {
                problem(node, path + ": expected a day like 2027-01-18 or an instant with offset like "
                        + "2027-01-18T09:00:00+02:00, found \"" + text + "\"");
            }
            return spec;
        }

        WindowOverride window(Node node, String path) {
            if (node instanceof ScalarNode s && s.getValue().trim().equalsIgnoreCase("none") && !s.getTag().equals(Tag.NULL)) {
                return WindowOverride.OFF;
            }
            String text = scalar(node, path, "a day, an instant with offset, or none");
            if (text == null) {
                return null;
            }
            DateSpec spec = DateSpec.parse(text);
            if (spec == null) {
                problem(node, path + ": expected a day like 2027-01-18, an instant with offset like "
                        + "2027-01-18T09:00:00+02:00, or none (no such window), found \"" + text + "\"");
                return null;
            }
            return new WindowOverride(spec);
        }

        void problem(Node node, String message) {
            Mark mark = node.getStartMark();
            problems.add(new ConfigProblem(file, mark.getLine() + 1, mark.getColumn() + 1, message));
        }

        static boolean isNull(Node node) {
            return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
        }

        static String describe(Node node) {
            if (node instanceof ScalarNode s) {
                if (s.getTag().equals(Tag.NULL)) {
                    return "nothing";
                }
                return "\"" + s.getValue() + "\"";
            }
            if (node instanceof SequenceNode) {
                return "a list";
            }
            if (node instanceof MappingNode) {
                return "a mapping";
            }
            return "something else";
        }
    }
}
