package ci.milie.common;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** The operations of the published contract (OpenAPI 3.1, as JSON), with their inputs. */
final class ContractOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    /** A parameter: where it goes (path, query, header), its schema and whether it is required. */
    record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    /**
     * One path × method: its parameters, its body (media type → schema), the roles it admits (empty:
     * public) and, for the operations that write their own 4xx bodies in another standard, its name
     * (x-own-errors; null for every problem+json operation).
     */
    record Operation(String method, String path, List<Parameter> parameters, Map<String, JsonNode> bodies,
            boolean bodyRequired, Set<String> roles, String ownErrors) {

        String name() {
            return method + " " + path;
        }

        boolean isPublic() {
            return roles.isEmpty();
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    private final JsonNode contract;

    ContractOperations(JsonNode contract) {
        this.contract = contract;
    }

    List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        contract.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey())) {
                operations.add(operation(entry.getKey().toUpperCase(), path.getKey(), path.getValue(), entry.getValue()));
            }
        }));
        return operations;
    }

    private Operation operation(String method, String path, JsonNode item, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode source : List.of(item.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : source) {
                JsonNode resolved = resolve(parameter);
                parameters.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                        resolve(resolved.path("schema")), resolved.path("required").asBoolean(false)));
            }
        }
        Map<String, JsonNode> bodies = new java.util.LinkedHashMap<>();
        JsonNode requestBody = resolve(operation.path("requestBody"));
        requestBody.path("content").fields().forEachRemaining(media -> bodies.put(media.getKey(), resolve(media.getValue().path("schema"))));
        Set<String> roles = new LinkedHashSet<>();
        for (JsonNode requirement : operation.path("security")) {
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText())));
        }
        return new Operation(method, path, List.copyOf(parameters), bodies, requestBody.path("required").asBoolean(false), roles,
                operation.path("x-own-errors").asText(null));
    }

    /** Follows a local {@code $ref} (and the single-element allOf/anyOf wrappers generators produce). */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node == null ? MissingNode.getInstance() : node;
        for (int depth = 0; depth < 20; depth++) {
            if (current.has("$ref")) {
                String pointer = current.get("$ref").asText().substring(1);
                current = contract.at(pointer);
            } else if (current.has("allOf") && current.get("allOf").size() == 1 && !current.has("properties")) {
                current = current.get("allOf").get(0);
            } else {
                return current;
            }
        }
        return current;
    }

    /** The schema's types (3.1 allows a list such as ["string", "null"]); empty when none is stated. */
    static List<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            for (Iterator<JsonNode> it = type.elements(); it.hasNext();) {
                types.add(it.next().asText());
            }
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }
}
