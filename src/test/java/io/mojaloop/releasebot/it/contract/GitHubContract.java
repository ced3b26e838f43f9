package io.mojaloop.releasebot.it.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * GitHub's REST API as its published OpenAPI description says it is (npm {@code @octokit/openapi},
 * {@code generated/api.github.com.deref.json}), reduced to what a request can break: for every operation its method and
 * path template, its path and query parameters and its JSON request-body schema. {@link #violations} tells what is
 * wrong with one request: no such operation, an undeclared or missing parameter, a parameter value of the wrong
 * type, a body the schema does not allow ({@link JsonSchemaSubset}).
 * <p>
 * Path templates match segment by segment; a parameter the description marks {@code x-multi-segment} (a file path,
 * a ref, a branch) may span several segments; other parameter values are one URL-encoded segment. When several
 * templates match, the one with literal segments earliest wins ({@code issues/comments} over
 * {@code issues/{issue_number}}), as GitHub's router does; a path parameter whose value its schema does not allow
 * (a non-numeric {@code issue_number}) does not match.
 */
public final class GitHubContract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete", "head", "options");
    /** Schema keywords that only explain: dropped while loading to keep the loaded description small. */
    private static final Set<String> PROSE = Set.of("description", "example", "examples", "title", "externalDocs");
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Method → first path segment → operations: a request is only matched against templates that could fit. */
    private final Map<String, Map<String, List<Operation>>> byMethod = new LinkedHashMap<>();
    private final List<Operation> all = new ArrayList<>();
    private final String version;

    record Param(String name, boolean required, boolean multiSegment, JsonNode schema) {
    }

    /** One template segment: a literal, a pattern of one or more parameters, or a parameter spanning segments. */
    record Segment(String literal, Pattern pattern, List<String> names, boolean multi) {
        int rank() {
            return literal != null ? 2 : multi ? 0 : 1;
        }
    }

    record Operation(String method, String template, String id, List<Segment> segments, boolean spans,
            Map<String, Param> pathParams, Map<String, Param> queryParams, boolean hasBody, boolean bodyRequired,
            Set<String> mediaTypes, JsonNode jsonBody) {
        String title() {
            return id + " (" + method + " " + template + ")";
        }

        /** The first segment when it is literal (every GitHub template's is), else "" (tried for every path). */
        String firstSegment() {
            return segments.isEmpty() || segments.get(0).literal() == null ? "" : segments.get(0).literal();
        }

        /** For a template of single segments only: whether its literal segments are where the path has them. */
        boolean literalsFit(String[] raw) {
            for (int i = 0; i < segments.size() && i < raw.length; i++) {
                Segment s = segments.get(i);
                if (s.multi()) {
                    return true; // positions after it shift: the full match decides
                }
                if (s.literal() != null && !s.literal().equals(raw[i])) {
                    return false;
                }
            }
            return true;
        }

        /** Whether a path of this many segments could match. */
        boolean fits(int count) {
            return spans ? count >= segments.size() : count == segments.size();
        }
    }

    private GitHubContract(String version) {
        this.version = version;
    }

    /** Reads an OpenAPI description (the whole file is streamed; only paths → operations are kept). */
    public static GitHubContract read(InputStream in) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        GitHubContract contract = null;
        String version = "?";
        try (JsonParser p = new JsonFactory(mapper).createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            List<Operation> operations = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (key.equals("info")) {
                    version = tree(mapper, p).path("version").asText("?");
                } else if (key.equals("paths")) {
                    readPaths(p, mapper, operations);
                } else {
                    p.skipChildren();
                }
            }
            contract = new GitHubContract(version);
            for (Operation op : operations) {
                contract.all.add(op);
                contract.byMethod.computeIfAbsent(op.method(), m -> new LinkedHashMap<>())
                        .computeIfAbsent(op.firstSegment(), k -> new ArrayList<>()).add(op);
            }
        }
        if (contract.all.isEmpty()) {
            throw new IOException("no operations under 'paths': not an OpenAPI description");
        }
        return contract;
    }

    public static GitHubContract read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(new java.io.BufferedInputStream(in, 1 << 16));
        }
    }

    /** The description's own version (its {@code info.version}). */
    public String version() {
        return version;
    }

    public int operationCount() {
        return all.size();
    }

    private static void readPaths(JsonParser p, ObjectMapper mapper, List<Operation> out) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String template = p.currentName();
            expect(p.nextToken(), JsonToken.START_OBJECT);
            List<JsonNode> shared = new ArrayList<>();
            Map<String, ObjectNode> ops = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName().toLowerCase(Locale.ROOT);
                p.nextToken();
                if (key.equals("parameters")) {
                    tree(mapper, p).forEach(shared::add);
                } else if (METHODS.contains(key)) {
                    ops.put(key, readOperation(p, mapper));
                } else {
                    p.skipChildren();
                }
            }
            ops.forEach((method, op) -> out.add(operation(method.toUpperCase(Locale.ROOT), template, op, shared)));
        }
    }

    /** The operation's id, parameters and request body; everything else (responses above all) is skipped unread. */
    private static ObjectNode readOperation(JsonParser p, ObjectMapper mapper) throws IOException {
        ObjectNode op = JsonNodeFactory.instance.objectNode();
        expect(p.currentToken(), JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "operationId" -> op.put("operationId", p.getText());
                case "parameters", "requestBody" -> op.set(key, withoutProse(tree(mapper, p)));
                default -> p.skipChildren();
            }
        }
        return op;
    }

    private static JsonNode tree(ObjectMapper mapper, JsonParser p) throws IOException {
        JsonNode node = mapper.readTree(p);
        return node == null ? JsonNodeFactory.instance.missingNode() : node;
    }

    private static JsonNode withoutProse(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                // under "properties" the keys are the body's property names: one called "description" or "title" stays
                if (PROSE.contains(field.getKey())) {
                    it.remove();
                } else if (field.getKey().equals("properties")) {
                    field.getValue().forEach(GitHubContract::withoutProse);
                } else {
                    withoutProse(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(GitHubContract::withoutProse);
        }
        return node;
    }

    private static Operation operation(String method, String template, JsonNode op, List<JsonNode> shared) {
        Map<String, Param> path = new LinkedHashMap<>();
        Map<String, Param> query = new LinkedHashMap<>();
        List<JsonNode> params = new ArrayList<>(shared);
        op.path("parameters").forEach(params::add);
        for (JsonNode param : params) {
            String in = param.path("in").asText();
            Param parsed = new Param(param.path("name").asText(), param.path("required").asBoolean(in.equals("path")),
                    param.path("x-multi-segment").asBoolean(false), param.path("schema"));
            if (in.equals("path")) {
                path.put(parsed.name(), parsed);
            } else if (in.equals("query")) {
                query.put(parsed.name(), parsed);
            }
        }
        List<Segment> segments = new ArrayList<>();
        for (String part : template.substring(1).split("/", -1)) {
            Matcher m = PARAM.matcher(part);
            if (!m.find()) {
                segments.add(new Segment(part, null, List.of(), false));
                continue;
            }
            m.reset();
            if (m.matches()) {
                // the whole segment is one parameter: no pattern needed
                boolean multi = path.containsKey(m.group(1)) && path.get(m.group(1)).multiSegment();
                segments.add(new Segment(null, null, List.of(m.group(1)), multi));
                continue;
            }
            StringBuilder regex = new StringBuilder();
            List<String> names = new ArrayList<>();
            int at = 0;
            m.reset();
            while (m.find()) {
                regex.append(Pattern.quote(part.substring(at, m.start()))).append("(.+?)");
                names.add(m.group(1));
                at = m.end();
            }
            regex.append(Pattern.quote(part.substring(at)));
            segments.add(new Segment(null, Pattern.compile(regex.toString()), names, false));
        }
        JsonNode body = op.get("requestBody");
        Set<String> media = new TreeSet<>();
        if (body != null) {
            body.path("content").fieldNames().forEachRemaining(media::add);
        }
        JsonNode json = body == null ? null : body.path("content").path("application/json").get("schema");
        return new Operation(method, template, op.path("operationId").asText(method + " " + template), List.copyOf(segments),
                segments.stream().anyMatch(Segment::multi), path, query, body != null, body != null && body.path("required").asBoolean(false), media, json);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * What GitHub's description does not allow in this request; empty when it allows all of it.
     *
     * @param pathAndQuery the request target as sent, e.g. {@code /repos/o/r/issues?state=open} (raw, URL-encoded)
     * @param jsonBody the body as sent (null or blank for none)
     */
    public List<String> violations(String method, String pathAndQuery, String jsonBody) {
        return check(method, pathAndQuery, jsonBody).violations();
    }

    /** A request checked: the operation it is (null when none), and what the description does not allow in it. */
    public record Checked(String operation, List<String> violations) {
    }

    public Checked check(String method, String pathAndQuery, String jsonBody) {
        String m = method.toUpperCase(Locale.ROOT);
        int q = pathAndQuery.indexOf('?');
        String rawPath = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String rawQuery = q < 0 ? null : pathAndQuery.substring(q + 1);
        String request = m + " " + pathAndQuery;
        if (request.length() > 300) {
            request = request.substring(0, 297) + "…";
        }
        if (!rawPath.startsWith("/")) {
            return new Checked(null, List.of(request + ": not a path"));
        }
        String[] segments = rawPath.substring(1).split("/", -1);

        Operation best = null;
        Map<String, String> bestParams = null;
        int[] bestRank = null;
        for (Operation op : candidates(m, segments)) {
            Map<String, String> params = match(op, segments);
            if (params == null) {
                continue;
            }
            int[] rank = op.segments().stream().mapToInt(Segment::rank).toArray();
            if (best == null || java.util.Arrays.compare(rank, bestRank) > 0) {
                best = op;
                bestParams = params;
                bestRank = rank;
            }
        }
        if (best == null) {
            Set<String> elsewhere = new TreeSet<>();
            for (String other : byMethod.keySet()) {
                for (Operation op : other.equals(m) ? List.<Operation>of() : candidates(other, segments)) {
                    if (match(op, segments) != null) {
                        elsewhere.add(op.method() + " " + op.template());
                    }
                }
            }
            return new Checked(null, List.of(request + ": GitHub's REST API has no such operation"
                    + (elsewhere.isEmpty() ? " (no path template matches " + rawPath + ")"
                            : "; the path matches only " + String.join(", ", elsewhere))));
        }
        List<String> out = new ArrayList<>();
        String prefix = request + " → " + best.title() + ": ";
        checkQuery(best, rawQuery, prefix, out);
        checkBody(best, jsonBody, prefix, out);
        return new Checked(best.title(), out);
    }

    private void checkQuery(Operation op, String rawQuery, String prefix, List<String> out) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
                query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        query.forEach((name, values) -> {
            Param param = op.queryParams().get(name);
            if (param == null) {
                out.add(prefix + "query parameter '" + name + "' is not declared; the operation's query parameters are "
                        + (op.queryParams().isEmpty() ? "none" : String.join(", ", op.queryParams().keySet())));
                return;
            }
            for (String value : values) {
                for (String v : JsonSchemaSubset.violations(param.schema(), typed(param.schema(), value), "query parameter '" + name + "'")) {
                    out.add(prefix + v);
                }
            }
        });
        for (Param param : op.queryParams().values()) {
            if (param.required() && !query.containsKey(param.name())) {
                out.add(prefix + "required query parameter '" + param.name() + "' is missing");
            }
        }
    }

    private void checkBody(Operation op, String body, String prefix, List<String> out) {
        boolean sent = body != null && !body.isBlank();
        if (!sent) {
            if (op.bodyRequired()) {
                out.add(prefix + "the operation requires a request body (" + String.join(", ", op.mediaTypes()) + "); none was sent");
            }
            return;
        }
        if (!op.hasBody()) {
            out.add(prefix + "the operation takes no request body, but one was sent");
            return;
        }
        if (op.jsonBody() == null) {
            out.add(prefix + "the operation's request body is " + String.join(", ", op.mediaTypes()) + ", not application/json");
            return;
        }
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            out.add(prefix + "the request body is not JSON: " + e.getOriginalMessage());
            return;
        }
        for (String v : JsonSchemaSubset.violations(op.jsonBody(), value, "body")) {
            out.add(prefix + v);
        }
    }

    private List<Operation> candidates(String method, String[] segments) {
        Map<String, List<Operation>> byFirst = byMethod.getOrDefault(method, Map.of());
        List<Operation> out = new ArrayList<>();
        for (Operation op : byFirst.getOrDefault(segments[0], List.of())) {
            if (op.fits(segments.length)) {
                out.add(op);
            }
        }
        for (Operation op : byFirst.getOrDefault("", List.of())) {
            if (op.fits(segments.length)) {
                out.add(op);
            }
        }
        return out;
    }

    /** The decoded path parameters when the operation's template matches these raw segments; null when it does not. */
    private static Map<String, String> match(Operation op, String[] raw) {
        if (!op.literalsFit(raw)) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        return match(op, op.segments(), 0, raw, 0, params) ? params : null;
    }

    private static boolean match(Operation op, List<Segment> template, int t, String[] raw, int r, Map<String, String> params) {
        if (t == template.size()) {
            return r == raw.length;
        }
        if (r == raw.length) {
            return false;
        }
        Segment segment = template.get(t);
        if (segment.literal() != null) {
            return segment.literal().equals(raw[r]) && match(op, template, t + 1, raw, r + 1, params);
        }
        if (segment.multi()) {
            String name = segment.names().get(0);
            // as many segments as the rest of the template leaves, most first
            for (int end = raw.length - (template.size() - t - 1); end > r; end--) {
                StringBuilder value = new StringBuilder();
                for (int i = r; i < end; i++) {
                    if (raw[i].isEmpty()) {
                        value = null;
                        break;
                    }
                    value.append(i > r ? "/" : "").append(decode(raw[i], false));
                }
                if (value != null && allowed(op.pathParams().get(name), value.toString())) {
                    params.put(name, value.toString());
                    if (match(op, template, t + 1, raw, end, params)) {
                        return true;
                    }
                    params.remove(name);
                }
            }
            return false;
        }
        if (raw[r].isEmpty()) {
            return false;
        }
        if (segment.pattern() == null) {
            String value = decode(raw[r], false);
            String name = segment.names().get(0);
            if (!allowed(op.pathParams().get(name), value)) {
                return false;
            }
            params.put(name, value);
            return match(op, template, t + 1, raw, r + 1, params);
        }
        Matcher m = segment.pattern().matcher(raw[r]);
        if (!m.matches()) {
            return false;
        }
        for (int i = 0; i < segment.names().size(); i++) {
            String value = decode(m.group(i + 1), false);
            if (!allowed(op.pathParams().get(segment.names().get(i)), value)) {
                return false;
            }
            params.put(segment.names().get(i), value);
        }
        return match(op, template, t + 1, raw, r + 1, params);
    }

    private static boolean allowed(Param param, String value) {
        return param == null || param.schema().size() == 1 && "string".equals(param.schema().path("type").asText()) || JsonSchemaSubset.violations(param.schema(), typed(param.schema(), value), "").isEmpty();
    }

    /** A parameter's text as the JSON value its schema's type means, so the schema can judge it. */
    static JsonNode typed(JsonNode schema, String value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String type = schema == null ? null : schema.path("type").asText(null);
        if ("integer".equals(type) && value.matches("-?\\d{1,18}")) {
            return f.numberNode(Long.parseLong(value));
        }
        if ("number".equals(type)) {
            try {
                return f.numberNode(new java.math.BigDecimal(value));
            } catch (NumberFormatException e) {
                return f.textNode(value);
            }
        }
        if ("boolean".equals(type) && (value.equals("true") || value.equals("false"))) {
            return f.booleanNode(Boolean.parseBoolean(value));
        }
        if ("array".equals(type)) {
            var array = f.arrayNode();
            for (String item : value.split(",", -1)) {
                array.add(typed(schema.path("items"), item));
            }
            return array;
        }
        return f.textNode(value);
    }

    /** Percent-decoding as UTF-8; in a query, '+' is a space too. */
    static String decode(String s, boolean query) {
        if (s.indexOf('%') < 0 && !(query && s.indexOf('+') >= 0)) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 3;
            } else if (c == '+' && query) {
                bytes.write(' ');
                i++;
            } else {
                int cp = s.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static void expect(JsonToken actual, JsonToken wanted) throws IOException {
        if (actual != wanted) {
            throw new IOException("expected " + wanted + " in the OpenAPI description, found " + actual);
        }
    }
}
