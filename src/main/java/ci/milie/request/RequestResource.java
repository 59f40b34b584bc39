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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.Caller;
import ci.milie.common.Roles;

/**
 * One request: read it, its timeline, and every move on it. Each move answers the updated
 * request; {@code If-Match} with the version read guards against acting on a stale view.
 */
@Path("/requests/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests")
public class RequestResource {

    static final String IF_MATCH_DOC = "Version the caller last read (ETag of GET); a different current version is a 409";

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

    @GET
    @PermitAll
    @Operation(summary = "A request, for staff who may see it, its owner, or with its access key (X-Access-Key)")
    @APIResponse(responseCode = "200", description = "The request", content = @Content(schema = @Schema(implementation = Views.RequestView.class)))
    public Response getRequest(@PathParam("id") UUID id, @HeaderParam("X-Access-Key") String accessKey) {
        Views.RequestView view = queries.detail(id, caller, accessKey);
        return Response.ok(view).tag(new EntityTag(Long.toString(view.version()))).build();
    }

    @GET
    @Path("/events")
    @PermitAll
    @Operation(summary = "The timeline: every event for staff, the public ones for the citizen")
    @APIResponse(responseCode = "200", description = "Events, oldest first",
            content = @Content(schema = @Schema(implementation = Views.EventView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<Views.EventView> listRequestEvents(@PathParam("id") UUID id, @HeaderParam("X-Access-Key") String accessKey) {
        return queries.events(id, caller, accessKey);
    }

    @POST
    @Path("/qualification")
    @RolesAllowed(Roles.OSEP)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "OSEP: accept the request (may correct type and category) or reject it with a reason")
    @APIResponse(responseCode = "200", description = "Updated request", content = @Content(schema = @Schema(implementation = Views.RequestView.class)))
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION (names currentStatus) or CONCURRENT_MODIFICATION")
    public Views.RequestView qualifyRequest(@PathParam("id") UUID id, @Valid @NotNull Commands.Qualification command,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return triage.qualify(id, command, caller, ifMatch);
    }

    @POST
    @Path("/routing")
    @RolesAllowed(Roles.OSEP)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "OSEP: route the request to an administration, or re-route it (with a reason)")
    @APIResponse(responseCode = "200", description = "Updated request", content = @Content(schema = @Schema(implementation = Views.RequestView.class)))
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION, SAME_ADMINISTRATION or CONCURRENT_MODIFICATION")
    public Views.RequestView routeRequest(@PathParam("id") UUID id, @Valid @NotNull Commands.Routing command,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return triage.route(id, command, caller, ifMatch);
    }

    @POST
    @Path("/acknowledgement")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Agent: take the request in hand")
    @APIResponse(responseCode = "200", description = "Updated request", content = @Content(schema = @Schema(implementation = Views.RequestView.class)))
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION or CONCURRENT_MODIFICATION")
    public Views.RequestView acknowledgeRequest(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return handling.acknowledge(id, caller, ifMatch);
    }

    @POST
    @Path("/handback")
    @RolesAllowed(Roles.AGENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Agent: not ours; back to OSEP with a reason")
    @APIResponse(responseCode = "200", description = "Updated request", content = @Content(schema = @Schema(implementation = Views.RequestView.class)))
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION or CONCURRENT_MODIFICATION")
    public Views.RequestView handBackRequest(@PathParam("id") UUID id, @Valid @NotNull Commands.Handback command,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return handling.handBack(id, command, caller, ifMatch);
    }

    @POST
    @Path("/messages")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "OSEP or agent: ask the citizen for information; citizen (token or X-Access-Key): reply")
    @APIResponse(responseCode = "200", description = "Updated request", content = @Content(schema = @Schema(implementation = Views.RequestView.class)))
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION (e.g. replying when no question is pending)")
    public Views.RequestView sendRequestMessage(@PathParam("id") UUID id, @Valid @NotNull Commands.Message command,
            @HeaderParam("X-Access-Key") String accessKey,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return handling.message(id, command, caller, accessKey, ifMatch);
    }

    @POST
    @Path("/notes")
    @RolesAllowed({ Roles.OSEP, Roles.AGENT })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "OSEP or agent: an internal note, never shown to the citizen")
    @APIResponse(responseCode = "201", description = "The note's event", content = @Content(schema = @Schema(implementation = Views.EventView.class)))
    public Response addNote(@PathParam("id") UUID id, @Valid @NotNull Commands.Note command) {
        return Response.status(201).entity(handling.note(id, command, caller)).build();
    }

    @POST
    @Path("/closure")
    @RolesAllowed(Roles.OSEP)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "OSEP: close an answered request, or a suggestion or observation once acknowledged")
    @APIResponse(responseCode = "200", description = "Updated request", content = @Content(schema = @Schema(implementation = Views.RequestView.class)))
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION or CONCURRENT_MODIFICATION")
    public Views.RequestView closeRequest(@PathParam("id") UUID id, @Valid Commands.Close command,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return triage.close(id, command, caller, ifMatch);
    }
}
