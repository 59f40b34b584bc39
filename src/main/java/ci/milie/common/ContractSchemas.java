package ci.milie.common;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Shapes the schemas for generated clients. Responses write every property of their records, null
 * included, so every property of a response object is {@code required}: TypeScript, Kotlin and Dart
 * types are then non-optional, and a property that can be null says so ({@code type: [X, "null"]}
 * or {@code anyOf: [..., {type: "null"}]}), giving {@code x: T | null} rather than {@code x?: T}.
 * A schema that is also a request body keeps the {@code required} its validation annotations give
 * it, plus its non-nullable properties: a client must not be forced to send what the API does not need.
 *
 * <p>It also drops the {@code type} SmallRye writes next to a {@code $ref} (or an {@code anyOf})
 * when a property of a component type carries {@code @Schema(description = …)}: generators read
 * such a property as a plain string. And it fails the build when a response property has no type
 * at all, which generators turn into {@code Any}/{@code unknown}.
 */
@io.quarkus.smallrye.openapi.OpenApiFilter(io.quarkus.smallrye.openapi.OpenApiFilter.RunStage.BUILD)
public class ContractSchemas implements OASFilter {

    private static final String COMPONENTS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        components.values().forEach(ContractSchemas::dropTypeBesideReference);

        Set<Schema> responseSchemas = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> untyped = new ArrayList<>();
        if (components.containsKey("Problem")) {
            // Every error answers with it, whichever filter documents the error responses.
            walk(components.get("Problem"), "Problem", components, responseSchemas, untyped);
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                for (Map.Entry<String, Schema> body : responseBodies(operation).entrySet()) {
                    walk(body.getValue(), method + " " + path + " " + body.getKey(), components, responseSchemas, untyped);
                }
            }));
        }
        if (!untyped.isEmpty()) {
            throw new IllegalStateException("Response properties without a type (give them one, or @Schema(implementation = …)): " + untyped);
        }
        Set<Schema> requestSchemas = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Schema> jsonRequestSchemas = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                        && operation.getRequestBody().getContent().getMediaTypes() != null) {
                    operation.getRequestBody().getContent().getMediaTypes().forEach((type, media) -> {
                        walk(media.getSchema(), "request", components, requestSchemas, new ArrayList<>());
                        if (type.startsWith(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)) {
                            walk(media.getSchema(), "request", components, jsonRequestSchemas, new ArrayList<>());
                        }
                    });
                }
            }));
        }
        responseSchemas.forEach(schema -> require(schema, requestSchemas.contains(schema)));
        // A JSON body with a property the API does not know is refused (400, "is not a known field"):
        // say so, so that clients and validators catch a misspelt field before the server does. Not on
        // schemas that are also responses, where a client must tolerate properties added later.
        jsonRequestSchemas.stream()
                .filter(schema -> !responseSchemas.contains(schema))
                .filter(schema -> schema.getProperties() != null && !schema.getProperties().isEmpty())
                .forEach(schema -> schema.setAdditionalPropertiesBoolean(Boolean.FALSE));
    }

    private static Map<String, Schema> responseBodies(Operation operation) {
        Map<String, Schema> bodies = new java.util.LinkedHashMap<>();
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return bodies;
        }
        for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
            if (response.getValue().getContent() == null || response.getValue().getContent().getMediaTypes() == null) {
                continue;
            }
            for (Map.Entry<String, MediaType> media : response.getValue().getContent().getMediaTypes().entrySet()) {
                if (media.getValue().getSchema() != null) {
                    bodies.put(response.getKey() + " " + media.getKey(), media.getValue().getSchema());
                }
            }
        }
        return bodies;
    }

    /** Collects every object schema a response reaches, and the properties that have no type. */
    private static void walk(Schema schema, String where, Map<String, Schema> components, Set<Schema> seen, List<String> untyped) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            String ref = schema.getRef();
            if (ref.startsWith(COMPONENTS)) {
                String name = ref.substring(COMPONENTS.length());
                walk(components.get(name), name, components, seen, untyped);
            }
            return;
        }
        if (!seen.add(schema)) {
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                if (!typed(property)) {
                    untyped.add(where + "." + name);
                }
                walk(property, where + "." + name, components, seen, untyped);
            });
        }
        walk(schema.getItems(), where + "[]", components, seen, untyped);
        walk(schema.getAdditionalPropertiesSchema(), where + "{}", components, seen, untyped);
        for (List<Schema> alternatives : alternativesOf(schema)) {
            alternatives.forEach(s -> walk(s, where, components, seen, untyped));
        }
    }

    private static boolean typed(Schema property) {
        return property.getRef() != null
                || (property.getType() != null && !property.getType().isEmpty())
                || property.getEnumeration() != null
                || property.getConstValue() != null
                || alternativesOf(property).stream().anyMatch(list -> !list.isEmpty() && list.stream().allMatch(ContractSchemas::typed));
    }

    private static List<List<Schema>> alternativesOf(Schema schema) {
        List<List<Schema>> all = new ArrayList<>();
        for (List<Schema> list : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
            if (list != null) {
                all.add(list);
            }
        }
        return all;
    }

    private static void require(Schema schema, boolean alsoARequest) {
        if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return;
        }
        Set<String> required = new LinkedHashSet<>();
        schema.getProperties().forEach((name, property) -> {
            boolean ownRequirement = schema.getRequired() != null && schema.getRequired().contains(name);
            if (!alsoARequest || ownRequirement || !nullable(property)) {
                required.add(name);
            }
        });
        schema.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
    }

    /** Null allowed: {@code type} lists "null", or an alternative is {@code {type: "null"}}. */
    static boolean nullable(Schema property) {
        if (property.getType() != null && property.getType().contains(Schema.SchemaType.NULL)) {
            return true;
        }
        for (List<Schema> list : java.util.Arrays.asList(property.getAnyOf(), property.getOneOf())) {
            if (list != null && list.stream().anyMatch(s -> s.getRef() == null && s.getType() != null
                    && s.getType().contains(Schema.SchemaType.NULL))) {
                return true;
            }
        }
        return false;
    }

    /** A {@code $ref} or an {@code anyOf} already says what the value is; a sibling {@code type} contradicts it. */
    private static void dropTypeBesideReference(Schema schema) {
        dropTypeBesideReference(schema, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void dropTypeBesideReference(Schema schema, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getType() != null && (schema.getRef() != null || schema.getAnyOf() != null || schema.getOneOf() != null)) {
            schema.setType(null);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> dropTypeBesideReference(p, seen));
        }
        dropTypeBesideReference(schema.getItems(), seen);
        dropTypeBesideReference(schema.getAdditionalPropertiesSchema(), seen);
        for (List<Schema> list : alternativesOf(schema)) {
            list.forEach(s -> dropTypeBesideReference(s, seen));
        }
    }
}
