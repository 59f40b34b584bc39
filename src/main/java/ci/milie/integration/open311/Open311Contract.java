package ci.milie.integration.open311;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The Open311 operations' documents in the contract, in both formats: each success and each error
 * as {@code application/json} and {@code text/xml}, with the XML names of GeoReport v2 on the
 * schemas (the root, the items of each list: {@code <services><service>…}), and the errors as the
 * specification's list rather than problem+json.
 */
@io.quarkus.smallrye.openapi.OpenApiFilter(value = io.quarkus.smallrye.openapi.OpenApiFilter.RunStage.BUILD, priority = -100)
public class Open311Contract implements OASFilter {

    static final String JSON = "application/json";
    static final String XML = "text/xml";
    private static final String REF = "#/components/schemas/";

    /** The XML element of each object schema, and the item element of its list properties. */
    private static final Map<String, String> ELEMENTS = Map.of(
            "Open311Discovery", "discovery",
            "Open311Endpoint", "endpoint",
            "Open311Service", "service",
            "Open311ServiceDefinition", "service_definition",
            "Open311Attribute", "attribute",
            "Open311AttributeValue", "value",
            "Open311Submitted", "request",
            "Open311ServiceRequest", "request",
            "Open311Token", "request",
            "Open311Error", "error");
    private static final Map<String, String> LIST_ITEMS = Map.of("endpoints", "endpoint", "formats", "format",
            "attributes", "attribute", "values", "value");

    /** The success documents: each operation's status, schema, and whether it is a list (and of what root). */
    private record Success(String status, String schema, String listRoot, String description) {
    }

    private static final Map<String, Success> SUCCESSES = Map.of(
            "discoverOpen311", new Success("200", "Open311Discovery", null, "The discovery document"),
            "listOpen311Services", new Success("200", "Open311Service", "services", "The services"),
            "describeOpen311Service", new Success("200", "Open311ServiceDefinition", null, "The service's definition"),
            "submitOpen311Request", new Success("201", "Open311Submitted", "service_requests",
                    "Created: the request's service_request_id, in a list of one. Location: requests/{service_request_id}"),
            "listOpen311Requests", new Success("200", "Open311ServiceRequest", "service_requests", "The requests (possibly none)"),
            "getOpen311Request", new Success("200", "Open311ServiceRequest", "service_requests", "The request, in a list of one"),
            "getOpen311Token", new Success("200", "Open311Token", "service_requests", "The token's request, in a list of one"));

    private static final Map<String, String> ERRORS = Map.of(
            "400", "Invalid input: one error per field, named as GeoReport names it",
            "403", "api_key missing or not valid, or its client may not submit",
            "404", "No such service, request, token or jurisdiction (or format)",
            "429", "Too many unknown codes or wrong api_keys from this address, or too many calls of this client; Retry-After");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        ELEMENTS.forEach((name, element) -> {
            Schema schema = schemas.get(name);
            if (schema == null) {
                return;
            }
            schema.xml(OASFactory.createXML().name(element));
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((property, value) -> {
                    String item = LIST_ITEMS.get(property);
                    if (item != null) {
                        value.xml(OASFactory.createXML().name(property).wrapped(true));
                        if (value.getItems() != null && value.getItems().getRef() == null) {
                            value.getItems().xml(OASFactory.createXML().name(item));
                        }
                    }
                });
            }
        });
        openAPI.getComponents().addSchema("Open311Errors", list("errors", "Open311Error")
                .description("GeoReport v2's errors: each with the HTTP status and a description"));
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                Success success = SUCCESSES.get(operation.getOperationId());
                if (success != null) {
                    document(operation, success);
                }
            }
        }
    }

    private static void document(Operation operation, Success success) {
        Schema body = success.listRoot() == null ? OASFactory.createSchema().ref(REF + success.schema())
                : list(success.listRoot(), success.schema());
        APIResponse ok = operation.getResponses().getAPIResponse(success.status());
        if (ok == null) {
            ok = OASFactory.createAPIResponse();
            operation.getResponses().addAPIResponse(success.status(), ok);
        }
        ok.description(success.description()).content(both(body));
        operation.getResponses().getAPIResponses().keySet().stream().filter(status -> status.startsWith("2"))
                .filter(status -> !status.equals(success.status())).toList()
                .forEach(operation.getResponses()::removeAPIResponse);
        for (String status : List.of("400", "403", "404", "429")) {
            if (status.equals("403") && !List.of("submitOpen311Request", "listOpen311Requests", "getOpen311Request")
                    .contains(operation.getOperationId())) {
                continue;
            }
            APIResponse error = operation.getResponses().getAPIResponse(status);
            if (error == null) {
                error = OASFactory.createAPIResponse();
                operation.getResponses().addAPIResponse(status, error);
            }
            error.description(ERRORS.get(status)).content(both(OASFactory.createSchema().ref(REF + "Open311Errors")));
            if (status.equals("429")) {
                error.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before trying again")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ONE)));
            }
        }
    }

    private static Schema list(String root, String item) {
        return OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                .xml(OASFactory.createXML().name(root).wrapped(true))
                .items(OASFactory.createSchema().ref(REF + item));
    }

    private static Content both(Schema schema) {
        return OASFactory.createContent()
                .addMediaType(JSON, OASFactory.createMediaType().schema(schema))
                .addMediaType(XML, OASFactory.createMediaType().schema(schema));
    }
}
