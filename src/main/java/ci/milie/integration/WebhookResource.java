package ci.milie.integration;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.Caller;
import ci.milie.common.Locations;
import ci.milie.common.Page;
import ci.milie.common.Roles;

@Path("/integrations/webhooks")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    static final String WEBHOOK_EXAMPLE = """
            {"id": "5c0e7a4e-2b9f-4f3a-8d51-0b6f3e2a9c11", "clientId": "9a1f4c2e-7b3d-4e8a-a6c5-1d2e3f4a5b6c",
             "url": "https://gestion.sante.gouv.ci/milie/events", "eventTypes": ["ROUTED", "ANSWER_DELIVERED"],
             "active": true, "disabledReason": null, "disabledAt": null, "consecutiveFailures": 0,
             "previousSecretValidUntil": null, "createdAt": "2026-11-29T08:00:00Z",
             "updatedAt": "2026-11-29T08:00:00Z", "version": 0}""";
    static final String SECRET_EXAMPLE = "{\"webhook\": " + WEBHOOK_EXAMPLE
            + ", \"secret\": \"whsec_3q2-7wVh1mQ0s9cXbS6k2f4HhYg0pL8nR5tU1vW3xYz\"}";
    static final String DELIVERY_EXAMPLE = """
            {"id": "0b7d1c9e-6a2f-4e3b-9c8d-7f6e5d4c3b2a", "eventId": "e2c1b0a9-8f7e-4d6c-b5a4-3f2e1d0c9b8a",
             "requestId": "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "eventType": "ROUTED",
             "occurredAt": "2026-11-29T09:12:00Z", "sequence": 4182, "status": "DELIVERED", "attempts": 1,
             "lastResponseCode": 204, "lastLatencyMs": 87, "lastAttemptAt": "2026-11-29T09:12:01Z",
             "nextAttemptAt": null, "deliveredAt": "2026-11-29T09:12:01Z", "replayOf": null,
             "createdAt": "2026-11-29T09:12:00Z"}""";
    static final String BODY_EXAMPLE = """
            {"url": "https://gestion.sante.gouv.ci/milie/events", "eventTypes": ["ROUTED", "ANSWER_DELIVERED"],
             "active": true}""";

    private final WebhookService service;
    private final Caller caller;

    WebhookResource(WebhookService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.INTEGRATION)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Integration client: subscribe to request events",
            description = "Registers an HTTPS endpoint that receives the events of the requests in the client's scope "
                    + "(an OSEP client: all; an administration's: those in its hands), signed with Milie-Signature. The "
                    + "client needs the REQUESTS_READ permission (403 FORBIDDEN otherwise). The signing secret is in "
                    + "this answer only. A URL that is not https, or whose host resolves to a private, loopback, "
                    + "link-local or otherwise non-public address, is refused: 400 WEBHOOK_TARGET_REFUSED.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateWebhookCommand.class),
            examples = @ExampleObject(name = "ministry", value = BODY_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Subscribed; Location names it; the secret is shown this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSecretView.class),
                    examples = @ExampleObject(name = "created", value = SECRET_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (an unknown event type), WEBHOOK_TARGET_REFUSED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an integration client, or one without REQUESTS_READ")
    public Response createWebhook(@Valid @NotNull CreateWebhookCommand command, UriInfo uri) {
        WebhookSecretView created = service.create(caller, command);
        return Response.created(Locations.child(uri, created.webhook().id())).entity(created).build();
    }

    @GET
    @RolesAllowed({ Roles.INTEGRATION, Roles.SYSADMIN })
    @Operation(summary = "List webhooks",
            description = "The calling client's subscriptions, oldest first; a sysadmin sees every client's.")
    @APIResponse(responseCode = "200", description = "One page of subscriptions")
    public Page<WebhookView> listWebhooks(
            @Parameter(description = "nextCursor of the previous page", example = "MTIzNA") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100", example = "50")
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        return service.list(caller, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INTEGRATION, Roles.SYSADMIN })
    @Operation(summary = "Get a webhook", description = "A client's own subscription (a sysadmin: any); its ETag is its version.")
    @APIResponse(responseCode = "200", description = "The subscription",
            headers = @Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "webhook", value = WEBHOOK_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such subscription of this client")
    public Response getWebhook(@PathParam("id") @Parameter(description = "The subscription's id") UUID id) {
        return tagged(service.get(caller, id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.INTEGRATION)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Integration client: replace a webhook",
            description = "Replaces the URL, the event types and the active flag. active=true resumes a subscription "
                    + "Miliê disabled (after 410 Gone or too many failures): the deliveries that waited go out in order. "
                    + "Optional If-Match (the ETag): 409 CONCURRENT_MODIFICATION when it changed since.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UpdateWebhookCommand.class),
            examples = @ExampleObject(name = "resume", value = BODY_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The subscription as saved",
            headers = @Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "webhook", value = WEBHOOK_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (an unknown event type), WEBHOOK_TARGET_REFUSED")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such subscription of this client")
    @APIResponse(responseCode = "409", description = "CONCURRENT_MODIFICATION: If-Match is not the current version")
    public Response updateWebhook(@PathParam("id") @Parameter(description = "The subscription's id") UUID id,
            @Valid @NotNull UpdateWebhookCommand command,
            @Parameter(description = "The version last read (the ETag); optional", example = "\"3\"") @HeaderParam("If-Match") String ifMatch) {
        return tagged(service.update(caller, id, command, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.INTEGRATION, Roles.SYSADMIN })
    @Operation(summary = "Delete a webhook",
            description = "The subscription, its pending deliveries and its log are deleted. A client deletes its own; "
                    + "a sysadmin any (a receiver that abuses or was compromised).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such subscription of this client")
    public void deleteWebhook(@PathParam("id") @Parameter(description = "The subscription's id") UUID id) {
        service.delete(caller, id);
    }

    @POST
    @Path("/{id}/secrets")
    @RolesAllowed(Roles.INTEGRATION)
    @Operation(summary = "Integration client: rotate a webhook's signing secret",
            description = "A new secret, shown this once, signs from now on; the previous one signs too (a second v1 in "
                    + "Milie-Signature) until previousSecretValidUntil, so that the receiver can switch without losing "
                    + "an event.")
    @APIResponse(responseCode = "200", description = "The new secret and the subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSecretView.class),
                    examples = @ExampleObject(name = "rotated", value = SECRET_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such subscription of this client")
    public WebhookSecretView rotateWebhookSecret(@PathParam("id") @Parameter(description = "The subscription's id") UUID id) {
        return service.rotate(caller, id);
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({ Roles.INTEGRATION, Roles.SYSADMIN })
    @Operation(summary = "List a webhook's deliveries",
            description = "The delivery log, newest first: status, attempts, the last response code and latency, the "
                    + "next attempt. A delivered body is not kept.")
    @APIResponse(responseCode = "200", description = "One page of deliveries")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such subscription of this client")
    public Page<WebhookDeliveryView> listWebhookDeliveries(
            @PathParam("id") @Parameter(description = "The subscription's id") UUID id,
            @Parameter(description = "nextCursor of the previous page", example = "MTIzNA") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100", example = "50")
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        return service.deliveries(caller, id, cursor, limit);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @RolesAllowed(Roles.INTEGRATION)
    @Operation(summary = "Integration client: send one event again",
            description = "Queues the delivery's event again, with the same id (the receiver's de-duplication sees it), "
                    + "after what is already queued for that request.")
    @APIResponse(responseCode = "202", description = "Queued: the new delivery",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookDeliveryView.class),
                    examples = @ExampleObject(name = "queued", value = DELIVERY_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such subscription of this client, or delivery of it")
    public Response replayWebhookDelivery(@PathParam("id") @Parameter(description = "The subscription's id") UUID id,
            @PathParam("deliveryId") @Parameter(description = "The delivery's id") UUID deliveryId) {
        return Response.accepted(service.replay(caller, id, deliveryId)).build();
    }

    @POST
    @Path("/{id}/replays")
    @RolesAllowed(Roles.INTEGRATION)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Integration client: send a time range of events again",
            description = "Queues again every event this webhook was sent (or was to be sent) that occurred from `from` "
                    + "(included) to `to` (excluded), at most 1000, with their ids, in their order.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReplayWebhookCommand.class), examples = @ExampleObject(name = "morning", value = """
                    {"from": "2026-11-29T08:00:00Z", "to": "2026-11-29T12:00:00Z"}""")))
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookReplayView.class),
                    examples = @ExampleObject(name = "queued", value = "{\"queued\": 12}")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: `to` is not after `from`")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such subscription of this client")
    public Response replayWebhookEvents(@PathParam("id") @Parameter(description = "The subscription's id") UUID id,
            @Valid @NotNull ReplayWebhookCommand command) {
        return Response.accepted(service.replayRange(caller, id, command)).build();
    }

    private static Response tagged(WebhookView view) {
        return Response.ok(view).tag(new EntityTag(Long.toString(view.version()))).build();
    }
}
