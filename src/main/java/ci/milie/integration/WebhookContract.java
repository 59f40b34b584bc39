package ci.milie.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import ci.milie.request.EventType;

/**
 * The contract's top-level {@code webhooks} (OpenAPI 3.1): one entry per event type a subscription
 * may name, each the POST a receiver gets, with its headers and body. SmallRye generates paths from
 * resources only, so these are written here, from the same catalogue (request.EventType) that
 * subscriptions are validated against.
 */
@io.quarkus.smallrye.openapi.OpenApiFilter(io.quarkus.smallrye.openapi.OpenApiFilter.RunStage.BUILD)
public class WebhookContract implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("WebhookRequestEventData", requestEventData());
        openAPI.getComponents().addSchema("WebhookRequestEvent", envelope(
                "A request event as a webhook receives it", ref("EventType"), "WebhookRequestEventData"));
        openAPI.getComponents().addSchema("WebhookErasureData", object("The request whose citizen's data were erased",
                Map.of("requestId", uuid(), "trackingCode", string("The request's tracking code", "MIL-7K3Q-9XWD"))));
        openAPI.getComponents().addSchema("WebhookErasureEvent", envelope(
                "The erasure of a citizen's data in a request: erase what you copied",
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.of(WebhookPayloads.REQUEST_ERASED)),
                "WebhookErasureData"));
        for (EventType type : EventType.values()) {
            openAPI.addWebhook(type.name(), webhook(type.name(), "A request event " + type.name() + " (docs/EVENTS.md)",
                    "WebhookRequestEvent"));
        }
        openAPI.addWebhook(WebhookPayloads.REQUEST_ERASED, webhook(WebhookPayloads.REQUEST_ERASED,
                "A citizen's personal data were erased from this request", "WebhookErasureEvent"));
    }

    private static org.eclipse.microprofile.openapi.models.PathItem webhook(String type, String summary, String body) {
        String name = type.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        StringBuilder id = new StringBuilder("receive");
        for (String word : name.split(" ")) {
            id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return OASFactory.createPathItem().POST(OASFactory.createOperation()
                .operationId(id.toString())
                .summary(summary)
                .description("Sent to each active subscription naming " + type + " whose client may read the request. "
                        + "Verify Milie-Signature on the raw body before parsing it; answer 2xx within 10 s; "
                        + "de-duplicate on id (at least once).")
                .tags(List.of("Webhooks"))
                .addParameter(header("Milie-Event-Id", "The event's id, as the body's id: the same on retries and replays",
                        "e2c1b0a9-8f7e-4d6c-b5a4-3f2e1d0c9b8a"))
                .addParameter(header("Milie-Signature", "t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + \".\" + body)>; "
                        + "two v1 during a secret rotation's overlap",
                        "t=1795990000,v1=e2ba8dcaf506c473fc01b466127d02796434eefc18988513c01c631ef4fa66d9"))
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType().schema(ref(body)))))
                // Miliê calls the receiver, which authenticates Miliê by the signature: no scheme of ours applies.
                .security(List.of())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("204", OASFactory.createAPIResponse().description("Delivered (any 2xx). 410 Gone "
                                + "disables the subscription and tells the client's contact; any other answer, or none, "
                                + "is retried with exponential backoff for 3 days"))));
    }

    private static Schema envelope(String description, Schema type, String data) {
        return object(description, Map.of(
                "id", uuid().description("The event's id: de-duplicate on it"),
                "type", type,
                "occurredAt", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time"),
                "sequence", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64")
                        .description("Increasing within a request, with gaps"),
                "data", ref(data)));
    }

    private static Schema requestEventData() {
        return object("Ids and codes only, never free text", Map.of(
                "requestId", uuid(),
                "trackingCode", string("The request's tracking code", "MIL-7K3Q-9XWD"),
                "administrationId", uuid().addType(Schema.SchemaType.NULL)
                        .description("The administration in charge after the move; null before routing"),
                "fromStatus", nullable(ref("RequestStatus"), "The status before; null for SUBMITTED"),
                "toStatus", nullable(ref("RequestStatus"), "The status after"),
                "details", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).additionalPropertiesBoolean(true)
                        .description("The event's data as in docs/EVENTS.md (ids and codes)")));
    }

    private static Schema object(String description, Map<String, Schema> properties) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
        List<String> names = new ArrayList<>(properties.keySet());
        java.util.Collections.sort(names);
        names.forEach(name -> schema.addProperty(name, properties.get(name)));
        schema.setRequired(names);
        return schema;
    }

    private static Schema nullable(Schema schema, String description) {
        return OASFactory.createSchema().anyOf(List.of(schema, OASFactory.createSchema().addType(Schema.SchemaType.NULL)))
                .description(description);
    }

    private static Schema uuid() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid");
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description).examples(List.of(example));
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(SCHEMAS + name);
    }

    private static Parameter header(String name, String description, String example) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(true).description(description)
                .example(example).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
