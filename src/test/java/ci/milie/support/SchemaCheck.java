package ci.milie.support;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a JSON value against a schema of an OpenAPI 3.1 document, as strictly as a generated
 * client reads it: required properties present, null only where the schema allows it, enum values
 * among the enum, no property the schema does not declare. Only what the contract uses is
 * understood ({@code $ref} to its components, {@code type}, {@code enum}, {@code properties},
 * {@code required}, {@code additionalProperties}, {@code items}, {@code anyOf}/{@code oneOf}/{@code allOf}).
 */
public final class SchemaCheck {

    private final JsonNode document;

    public SchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** What is wrong with the value, each as "JSON pointer: problem"; empty when it conforms. */
    public List<String> violations(JsonNode value, JsonNode schema) {
        List<String> found = new ArrayList<>();
        check(value, schema, "", found);
        return found;
    }

    private void check(JsonNode value, JsonNode schema, String pointer, List<String> found) {
        if (schema == null || schema.isMissingNode() || schema.isBoolean()) {
            return;
        }
        if (schema.has("$ref")) {
            check(value, resolve(schema.get("$ref").asText()), pointer, found);
        }
        if (schema.has("allOf")) {
            schema.get("allOf").forEach(part -> check(value, part, pointer, found));
        }
        for (String alternatives : List.of("anyOf", "oneOf")) {
            if (schema.has(alternatives)) {
                List<String> best = null;
                for (JsonNode alternative : schema.get(alternatives)) {
                    List<String> these = violations(value, alternative).stream().map(v -> pointer + v).toList();
                    if (best == null || these.size() < best.size()) {
                        best = these;
                    }
                }
                if (best != null) {
                    found.addAll(best);
                }
            }
        }
        List<String> types = types(schema);
        if (value.isNull()) {
            if (!types.isEmpty() && !types.contains("null")) {
                found.add(pointer + ": null where the schema allows " + types);
            }
            return;
        }
        if (!types.isEmpty() && types.stream().noneMatch(type -> is(value, type))) {
            found.add(pointer + ": " + value.getNodeType().name().toLowerCase() + " where the schema wants " + types);
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                found.add(pointer + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isObject() && (schema.has("properties") || schema.has("additionalProperties"))) {
            object(value, schema, pointer, found);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), pointer + "/" + i, found);
            }
        }
    }

    private void object(JsonNode value, JsonNode schema, String pointer, List<String> found) {
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                found.add(pointer + "/" + required.asText() + ": required but absent");
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), at, found);
            } else if (additional != null && additional.isObject()) {
                check(field.getValue(), additional, at, found);
            } else if (additional == null || (additional.isBoolean() && !additional.asBoolean())) {
                found.add(at + ": not declared by the schema");
            }
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local references are understood: " + ref);
        }
        JsonNode target = document.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("no such schema: " + ref);
        }
        return target;
    }

    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return List.of();
        }
        if (type.isArray()) {
            List<String> all = new ArrayList<>();
            type.forEach(t -> all.add(t.asText()));
            return all;
        }
        return List.of(type.asText());
    }

    private static boolean is(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "null" -> value.isNull();
            default -> true;
        };
    }
}
