package io.mojaloop.releasebot.it.contract;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The part of OpenAPI 3.0's schema language that GitHub's REST description uses for request bodies and parameters,
 * checked against a JSON value: {@code type}, {@code nullable}, {@code enum}, {@code properties}, {@code required},
 * {@code additionalProperties} (false or a schema), {@code items}, {@code minItems}/{@code maxItems},
 * {@code minLength}/{@code maxLength}, {@code minimum}/{@code maximum}, {@code format: date-time}, {@code allOf},
 * {@code anyOf} and {@code oneOf}.
 * <p>
 * {@code oneOf} is checked like {@code anyOf} (a value must match at least one alternative): GitHub's alternatives
 * are not always disjoint, and GitHub accepts a value any of them describes. {@code pattern} is not checked (its
 * dialect is ECMAScript's, not Java's); nor are {@code readOnly}, {@code uniqueItems} or formats other than
 * date-time.
 */
final class JsonSchemaSubset {

    private JsonSchemaSubset() {
    }

    /** Every way {@code value} (at {@code where}, e.g. {@code body.output.title}) breaks {@code schema}; empty when none. */
    static List<String> violations(JsonNode schema, JsonNode value, String where) {
        List<String> out = new ArrayList<>();
        check(schema, value, where, out);
        return out;
    }

    private static void check(JsonNode schema, JsonNode value, String where, List<String> out) {
        if (schema == null || schema.isMissingNode() || schema.isNull() || schema.isBoolean() && schema.asBoolean()) {
            return;
        }
        if (value.isNull()) {
            if (schema.path("nullable").asBoolean(false) || enumAllowsNull(schema)) {
                return;
            }
            if (schema.has("type") || schema.has("enum")) {
                out.add(where + ": null is not allowed (the schema is " + describe(schema) + " and not nullable)");
                return;
            }
            // no type of its own: allOf/anyOf/oneOf below decide
        }
        String type = schema.path("type").asText(null);
        if (type != null && !hasType(value, type)) {
            out.add(where + ": " + kind(value) + " " + brief(value) + " where the schema wants " + type);
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                if (sameValue(allowed, value)) {
                    listed = true;
                    break;
                }
            }
            if (!listed) {
                out.add(where + ": " + brief(value) + " is not one of " + enumText(schema.get("enum")));
            }
        }
        if (value.isTextual()) {
            int length = value.asText().codePointCount(0, value.asText().length());
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                out.add(where + ": " + length + " characters, more than maxLength " + schema.get("maxLength").asInt());
            }
            if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
                out.add(where + ": " + length + " characters, fewer than minLength " + schema.get("minLength").asInt());
            }
            if ("date-time".equals(schema.path("format").asText(null))) {
                try {
                    OffsetDateTime.parse(value.asText());
                } catch (DateTimeParseException e) {
                    out.add(where + ": " + brief(value) + " is not a date-time (ISO 8601, e.g. 2026-01-31T12:00:00Z)");
                }
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                out.add(where + ": " + value + " is less than minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                out.add(where + ": " + value + " is more than maximum " + schema.get("maximum"));
            }
        }
        if (value.isObject()) {
            checkObject(schema, value, where, out);
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                out.add(where + ": " + value.size() + " items, fewer than minItems " + schema.get("minItems").asInt());
            }
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                out.add(where + ": " + value.size() + " items, more than maxItems " + schema.get("maxItems").asInt());
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(schema.get("items"), value.get(i), where + "[" + i + "]", out);
                }
            }
        }
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) {
                check(part, value, where, out);
            }
        }
        for (String alternatives : List.of("anyOf", "oneOf")) {
            if (schema.has(alternatives)) {
                checkAlternatives(schema.get(alternatives), alternatives, value, where, out);
            }
        }
    }

    private static void checkObject(JsonNode schema, JsonNode value, String where, List<String> out) {
        JsonNode properties = schema.path("properties");
        if (schema.has("required")) {
            for (JsonNode name : schema.get("required")) {
                if (!value.has(name.asText())) {
                    out.add(where + ": required property '" + name.asText() + "' is missing");
                }
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = where + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), at, out);
            } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                List<String> names = new ArrayList<>();
                properties.fieldNames().forEachRemaining(names::add);
                out.add(at + ": property '" + field.getKey() + "' is not allowed (additionalProperties is false; the schema allows "
                        + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
            } else if (additional != null && additional.isObject()) {
                check(additional, field.getValue(), at, out);
            }
        }
    }

    private static void checkAlternatives(JsonNode alternatives, String keyword, JsonNode value, String where, List<String> out) {
        List<String> why = new ArrayList<>();
        int n = 0;
        for (JsonNode alternative : alternatives) {
            n++;
            List<String> broken = violations(alternative, value, where);
            if (broken.isEmpty()) {
                return;
            }
            why.add("(" + n + ") " + describe(alternative) + ": " + String.join("; ", broken));
        }
        out.add(where + ": matches none of the " + n + " alternatives of " + keyword + " — " + String.join(" | ", why));
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static boolean enumAllowsNull(JsonNode schema) {
        if (!schema.has("enum")) {
            return false;
        }
        for (JsonNode allowed : schema.get("enum")) {
            if (allowed.isNull()) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameValue(JsonNode allowed, JsonNode value) {
        if (allowed.isNumber() && value.isNumber()) {
            return allowed.decimalValue().compareTo(value.decimalValue()) == 0;
        }
        return allowed.equals(value);
    }

    static String enumText(JsonNode values) {
        List<String> all = new ArrayList<>();
        values.forEach(v -> all.add(v.isTextual() ? v.asText() : v.toString()));
        return "[" + String.join(", ", all) + "]";
    }

    private static String describe(JsonNode schema) {
        if (schema.has("type")) {
            String type = schema.get("type").asText();
            if ("array".equals(type) && schema.path("items").has("type")) {
                return "array of " + schema.get("items").get("type").asText();
            }
            return type;
        }
        if (schema.has("enum")) {
            return "one of " + enumText(schema.get("enum"));
        }
        return "a schema";
    }

    private static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isObject()) {
            return "object";
        }
        if (value.isArray()) {
            return "array";
        }
        return "null";
    }

    private static String brief(JsonNode value) {
        String text = value.isContainerNode() ? (value.isObject() ? "{…}" : "[…]") : value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "…\"" : text;
    }
}
