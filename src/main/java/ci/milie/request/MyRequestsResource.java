package ci.milie.request;


import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import ci.milie.common.BodyTags;
import ci.milie.common.Caller;
import ci.milie.common.Params;
import ci.milie.common.Locations;
import ci.milie.common.Roles;

@Path("/me/requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests", description = "Submitting a request, reading one, and every move on it (triage, routing, handling, messages, notes, closure)")
public class MyRequestsResource {

    private final RequestQueries queries;
    private final Claims claims;
    private final Caller caller;
    private final ObjectMapper json;

    MyRequestsResource(RequestQueries queries, Claims claims, Caller caller, ObjectMapper json) {
        this.queries = queries;
        this.claims = claims;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Citizen: my own requests, newest first",
            description = "The requests filed while signed in to this account, and those claimed into it (POST "
                    + "/api/v1/me/requests/claims); not those only opened with an access key. Follow nextCursor until it "
                    + "is null; total counts them all. Each item names its category (labels) and the administration in "
                    + "charge. For cheap polling: updatedSince lists only the requests changed after an instant, and "
                    + "the ETag (a hash of the body) sent back as If-None-Match answers 304 Not Modified while nothing "
                    + "changed. Staff get 403 FORBIDDEN (they use GET /api/v1/requests).")
    @APIResponse(responseCode = "200", description = "One page of request summaries, newest first, with the total",
            headers = @Header(name = "ETag", description = "A hash of this body: send it as If-None-Match",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = Views.MyRequestPage.class)))
    @APIResponse(responseCode = "304", description = "Not Modified: the body would be the one If-None-Match names")
    public Response listMyRequests(
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) @Parameter(description = "Page size, 1 to 200") int limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page; absent for the first page") String cursor,
            @QueryParam("updatedSince") @Parameter(description = "Only requests changed after this ISO-8601 instant (or the "
                    + "start of this date, UTC): a new event, status or answer", example = "2026-11-29T08:00:00Z") String updatedSince,
            @Parameter(description = "The ETag of a previous answer: 304 while the body is unchanged") @HeaderParam("If-None-Match") String ifNoneMatch) {
        Views.MyRequestPage page = queries.mine(caller, limit, cursor, Params.instant(updatedSince, "updatedSince", false));
        CacheControl revalidate = new CacheControl();
        revalidate.setPrivate(true);
        revalidate.setNoCache(true);
        return BodyTags.ok(page, json, ifNoneMatch, revalidate, HttpHeaders.AUTHORIZATION);
    }

    @POST
    @Path("/claims")
    @RolesAllowed(Roles.CITIZEN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Citizen: take a request filed without an account into my account",
            description = "With the receipt of a request filed without an account (tracking code and access key), a signed-in "
                    + "citizen links it to their account: it then appears in GET /api/v1/me/requests and the bearer token "
                    + "acts on it. A wrong code or key answers exactly like tracking with a wrong key (404 NOT_FOUND) and "
                    + "counts towards the same guessing limits (429 RATE_LIMITED). Allowed only when the request's e-mail "
                    + "or phone is one a one-time code proved to this account (emailVerified or phoneVerified in GET "
                    + "/api/v1/me): else 403 CLAIM_CONTACT_MISMATCH. Claiming a request already in this account answers "
                    + "200 again (idempotent); one in another account is 409 REQUEST_ALREADY_CLAIMED; one whose personal "
                    + "data were erased is 409 PERSONAL_DATA_ERASED. A request filed as anonymous stays anonymous to the "
                    + "administration. 200, not 201: no resource is created, the request keeps its URI (Location). Staff "
                    + "get 403 FORBIDDEN.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "receipt", value = """
            {"trackingCode": "MIL-7KQ2-9XD3", "accessKey": "k7Qp2xW9mR4tZ8vN3bL6yH1c"}""")))
    @APIResponse(responseCode = "200", description = "The request, as its owner now sees it (the view of GET /requests/{id})",
            headers = { @Header(name = "Location", description = "The request's URI", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = Views.MOVED_ETAG_DOC, schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = Views.RequestView.class)))
    @APIResponse(responseCode = "403", description = "CLAIM_CONTACT_MISMATCH: the request's contact is not one this account "
            + "proved; FORBIDDEN: staff")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no request has this code, or the access key is wrong")
    @APIResponse(responseCode = "409", description = "REQUEST_ALREADY_CLAIMED: in another account; PERSONAL_DATA_ERASED: its "
            + "personal data were erased")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many wrong keys or unknown codes")
    public Response claimRequest(@Valid @NotNull Commands.Claim command, @Context UriInfo uri) {
        Views.RequestView view = claims.claim(command, caller);
        return Response.ok(view).location(Locations.under(uri, "requests/" + view.id()))
                .tag(RequestViewTags.of(view)).build();
    }
}
