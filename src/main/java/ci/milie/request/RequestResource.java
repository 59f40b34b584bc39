package ci.milie.request;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.ApiSecurity;
import ci.milie.common.Caller;
import ci.milie.common.Roles;

/**
 * One request: read it, its timeline, and every move on it. Each move answers the updated
 * request; {@code If-Match} with the version read guards against acting on a stale view.
 */
@Path("/requests/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests", description = "Submitting a request, reading one, and every move on it (triage, routing, handling, messages, notes, closure)")
public class RequestResource {

    static final String IF_MATCH_DOC = "Version the caller last read (the ETag of GET /requests/{id}, or version in the "
            + "view); when it differs from the current version the move is refused with 409 CONCURRENT_MODIFICATION. "
            + "Optional: without it the move applies to whatever the request is now";
    static final String ID_DOC = "The request's id";
    static final String ACCESS_KEY_DOC = "The request's access key, from the submission receipt, for a citizen without a "
            + "token; a wrong key answers like an unknown request (404) and is counted (429 past the limit)";
    static final String MOVED = "The updated request, as the caller now sees it (allowedActions included)";
    static final String CONFLICT = "INVALID_TRANSITION: the request's status does not allow this action (currentStatus names "
            + "it); CONCURRENT_MODIFICATION: If-Match is not the current version";
    static final String FORBIDDEN_MOVE = "FORBIDDEN: this kind of caller may never take this action on a request it sees";

    private final RequestQueries queries;
    private final TriageService triage;
    private final HandlingService handling;
    private final Caller caller;

    RequestResource(RequestQueries queries, TriageService triage, HandlingService handling, Caller caller) {
        this.queries = queries;
        this.triage = triage;
        this.handling = handling;
        this.caller = caller;
    }

    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.BEARER))
    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.ACCESS_KEY))
    @GET
    @PermitAll
    @Operation(summary = "A request, for staff who may see it, its owner, or with its access key (X-Access-Key)",
            description = "OSEP, supervisors, the agents of the administration in charge, the operator who entered it, the "
                    + "signed-in citizen who filed it, or anyone with its access key. The fields follow the caller: the "
                    + "contact of an anonymous request is never shown to an agent; allowedActions lists what this caller "
                    + "may do now. Anyone else gets 404 NOT_FOUND, the same answer as for a request that does not exist. "
                    + "The ETag header carries the version to send back as If-Match.")
    @APIResponse(responseCode = "200", description = "The request; ETag: its version",
            headers = @Header(name = "ETag", description = "The request's version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = Views.RequestView.class)))
    public Response getRequest(@PathParam("id") @Parameter(description = ID_DOC) UUID id,
            @Parameter(description = ACCESS_KEY_DOC) @HeaderParam("X-Access-Key") String accessKey) {
        Views.RequestView view = queries.detail(id, caller, accessKey);
        return Response.ok(view).tag(new EntityTag(Long.toString(view.version()))).build();
    }

    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.BEARER))
    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.ACCESS_KEY))
    @GET
    @Path("/events")
    @PermitAll
    @Operation(summary = "The timeline: every event for staff, the public ones for the citizen",
            description = "For whoever may read the request (see getRequest). Staff see internal events (notes, routing "
                    + "reasons) too; the citizen, with a token or the access key, sees the public ones. Never paged: a "
                    + "request has tens of events, not thousands.")
    @APIResponse(responseCode = "200", description = "Events, oldest first",
            content = @Content(schema = @Schema(implementation = EventList.class), examples = @ExampleObject(name = "submitted",
                    value = """
                            {"items": [{"id": "0b5e3a70-4a5c-4d8e-9a51-6f0f3c1d2e11", "type": "INFORMATION_REQUESTED",
                              "label": "Informations demandées au citoyen", "occurredAt": "2026-11-29T11:40:00Z", "fromStatus": "IN_PROGRESS", "toStatus": "AWAITING_CITIZEN",
                              "message": "Pouvez-vous préciser la date de votre demande à la mairie ?", "visibility": "PUBLIC", "actorRole": "agent",
                              "actorId": "2c9d8e7f-6a5b-4c3d-9e1f-0a2b3c4d5e6f"}]}""")))
    public EventList listRequestEvents(@PathParam("id") @Parameter(description = ID_DOC) UUID id,
            @Parameter(description = ACCESS_KEY_DOC) @HeaderParam("X-Access-Key") String accessKey) {
        return new EventList(queries.events(id, caller, accessKey));
    }

    @POST
    @Path("/qualification")
    @RolesAllowed(Roles.OSEP)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "OSEP: accept the request (may correct type and category) or reject it with a reason",
            description = "On a RECEIVED request. ACCEPT keeps it RECEIVED, ready to be routed, optionally correcting "
                    + "type and categoryCode; REJECT leads to REJECTED and needs reasonCode and a message to the citizen "
                    + "(duplicateOf with DUPLICATE). 400 VALIDATION_FAILED names a missing reason, an inactive category or "
                    + "a type the category does not take.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "accept", value = """
                    {"decision": "ACCEPT", "categoryCode": "ETAT-CIVIL"}"""),
            @ExampleObject(name = "reject", value = """
                    {"decision": "REJECT", "reasonCode": "OUT_OF_SCOPE", "message": "Cette demande relève d'une juridiction."}""") }))
    @APIResponse(responseCode = "200", description = MOVED, headers = @Header(name = "ETag", description = Views.MOVED_ETAG_DOC, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = Views.RequestView.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Views.RequestView qualifyRequest(@PathParam("id") @Parameter(description = ID_DOC) UUID id,
            @Valid @NotNull Commands.Qualification command,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return triage.qualify(id, command, caller, ifMatch);
    }

    @POST
    @Path("/routing")
    @RolesAllowed(Roles.OSEP)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "OSEP: route the request to an administration, or re-route it (with a reason)",
            description = "A RECEIVED request goes to ROUTED, in the hands of that administration's agents; re-routing "
                    + "one ROUTED or IN_PROGRESS needs a reason (internal) and another administration. 400 VALIDATION_FAILED: an "
                    + "inactive administration, or a re-routing without a reason.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "route", value = """
            {"administrationId": "5f1c2b7e-8d4a-4c33-9e0b-2a6d7c9e1f40"}""")))
    @APIResponse(responseCode = "200", description = MOVED, headers = @Header(name = "ETag", description = Views.MOVED_ETAG_DOC, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = Views.RequestView.class)))
    @APIResponse(responseCode = "409", description = CONFLICT + "; SAME_ADMINISTRATION: re-routing to the administration in charge")
    public Views.RequestView routeRequest(@PathParam("id") @Parameter(description = ID_DOC) UUID id,
            @Valid @NotNull Commands.Routing command,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return triage.route(id, command, caller, ifMatch);
    }

    @POST
    @Path("/acknowledgement")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Agent: take the request in hand",
            description = "An agent of the administration in charge acknowledges a ROUTED request: it becomes IN_PROGRESS "
                    + "and the citizen is told. No body.")
    @APIResponse(responseCode = "200", description = MOVED, headers = @Header(name = "ETag", description = Views.MOVED_ETAG_DOC, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = Views.RequestView.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Views.RequestView acknowledgeRequest(@PathParam("id") @Parameter(description = ID_DOC) UUID id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return handling.acknowledge(id, caller, ifMatch);
    }

    @POST
    @Path("/handback")
    @RolesAllowed(Roles.AGENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Agent: not ours; back to OSEP with a reason",
            description = "An agent of the administration in charge hands a routed or in-progress request back to OSEP "
                    + "(RECEIVED again, to be routed elsewhere); the reason is internal.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "handback", value = """
            {"reason": "Les extraits de naissance relèvent de la mairie, pas de l'ONECI."}""")))
    @APIResponse(responseCode = "200", description = MOVED, headers = @Header(name = "ETag", description = Views.MOVED_ETAG_DOC, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = Views.RequestView.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Views.RequestView handBackRequest(@PathParam("id") @Parameter(description = ID_DOC) UUID id,
            @Valid @NotNull Commands.Handback command,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return handling.handBack(id, command, caller, ifMatch);
    }

    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.BEARER))
    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.ACCESS_KEY))
    @POST
    @Path("/messages")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "OSEP or agent: ask the citizen for information; citizen (token or X-Access-Key): reply",
            description = "Staff's message asks a question: the request waits for the citizen (AWAITING_CITIZEN) and "
                    + "the citizen is told. The citizen's message (signed in, or with the access key) is the reply, and "
                    + "the request goes back where it was.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "question", value = """
                    {"text": "Pouvez-vous préciser la date de votre demande à la mairie ?"}"""),
            @ExampleObject(name = "reply", value = """
                    {"text": "Le 12 août 2026, au guichet de Yopougon."}""") }))
    @APIResponse(responseCode = "200", description = MOVED, headers = @Header(name = "ETag", description = Views.MOVED_ETAG_DOC, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = Views.RequestView.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN_MOVE)
    @APIResponse(responseCode = "409", description = CONFLICT + " (e.g. replying when no question is pending)")
    public Views.RequestView sendRequestMessage(@PathParam("id") @Parameter(description = ID_DOC) UUID id,
            @Valid @NotNull Commands.Message command,
            @Parameter(description = ACCESS_KEY_DOC) @HeaderParam("X-Access-Key") String accessKey,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return handling.message(id, command, caller, accessKey, ifMatch);
    }

    @POST
    @Path("/notes")
    @RolesAllowed({ Roles.OSEP, Roles.AGENT })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "OSEP or agent: an internal note, never shown to the citizen",
            description = "Any status, for OSEP and the agents of the administration in charge; changes neither status "
                    + "nor version.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "note", value = """
            {"text": "Appelé le service état civil : dossier retrouvé."}""")))
    @APIResponse(responseCode = "201", description = "The note's event (visibility INTERNAL)",
            content = @Content(schema = @Schema(implementation = Views.EventView.class)))
    public Response addNote(@PathParam("id") @Parameter(description = ID_DOC) UUID id, @Valid @NotNull Commands.Note command) {
        return Response.status(201).entity(handling.note(id, command, caller)).build();
    }

    @POST
    @Path("/closure")
    @RolesAllowed(Roles.OSEP)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "OSEP: close an answered request, or a suggestion or observation once acknowledged",
            description = "Leads to CLOSED, with an optional message to the citizen. A complaint is closed only once "
                    + "answered (409 INVALID_TRANSITION otherwise); a suggestion or observation once IN_PROGRESS. The body "
                    + "may be omitted.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "close", value = """
            {"message": "Merci pour votre suggestion, transmise au ministère."}""")))
    @APIResponse(responseCode = "200", description = MOVED, headers = @Header(name = "ETag", description = Views.MOVED_ETAG_DOC, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = Views.RequestView.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Views.RequestView closeRequest(@PathParam("id") @Parameter(description = ID_DOC) UUID id, @Valid Commands.Close command,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return triage.close(id, command, caller, ifMatch);
    }

    /** The whole timeline: an object rather than a bare array, so that fields can be added later. */
    @Schema(name = "EventList")
    public record EventList(@Schema(required = true) List<Views.EventView> items) {
    }
}
