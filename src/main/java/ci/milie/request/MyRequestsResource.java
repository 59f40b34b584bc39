package ci.milie.request;


import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.Caller;
import ci.milie.common.Page;
import ci.milie.common.Roles;

@Path("/me/requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests", description = "Submitting a request, reading one, and every move on it (triage, routing, handling, messages, notes, closure)")
public class MyRequestsResource {

    private final RequestQueries queries;
    private final Caller caller;

    MyRequestsResource(RequestQueries queries, Caller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Citizen: my own requests, newest first",
            description = "The requests filed while signed in to this account (not those filed with only an access key). "
                    + "Follow nextCursor until it is null. Staff get 403 FORBIDDEN (they use GET /api/v1/requests).")
    @APIResponse(responseCode = "200", description = "One page of request summaries, newest first",
            content = @Content(schema = @Schema(implementation = WorkQueueResource.RequestPage.class)))
    public Page<Views.RequestSummary> listMyRequests(
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) @Parameter(description = "Page size, 1 to 200") int limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page; absent for the first page") String cursor) {
        return queries.mine(caller, limit, cursor);
    }

}
