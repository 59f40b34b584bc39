package ci.milie.request;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import ci.milie.common.ApiSecurity;
import ci.milie.common.BodyTags;

@Path("/tracking")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tracking", description = "Following a request by its tracking code, without an account; with its access key, its thread and answers")
public class TrackingResource {

    private final RequestQueries queries;
    private final ObjectMapper json;

    TrackingResource(RequestQueries queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.ACCESS_KEY))
    @GET
    @Path("/{trackingCode}")
    @Operation(summary = "Follow a request by its tracking code; with the access key, also its thread and answers",
            description = "Public: anyone with the tracking code sees the status, the deadline, the administration in "
                    + "charge and the public timeline (without messages). With the request's access key, also its id, the "
                    + "messages of the timeline and the delivered answers. A wrong key answers exactly like an unknown code "
                    + "(404 NOT_FOUND); unknown codes and wrong keys are counted (429 RATE_LIMITED past the limit). Prefer the "
                    + "X-Access-Key header: query strings end up in logs. Never stored by caches (Cache-Control: "
                    + "no-store); for cheap polling, the ETag (a hash of the body: it differs with and without the key) "
                    + "sent back as If-None-Match answers 304 Not Modified while nothing changed.")
    @APIResponse(responseCode = "200", description = "Status, deadline and public timeline; with the key, also messages and answers",
            headers = @Header(name = "ETag", description = "A hash of this body: send it as If-None-Match",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = Views.TrackingView.class)))
    @APIResponse(responseCode = "304", description = "Not Modified: the body would be the one If-None-Match names")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many unknown codes from this address, or too many "
            + "wrong keys from this address or for this code")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no request has this code, or the access key is wrong")
    public Response trackRequest(
            @Parameter(description = "The tracking code from the receipt, any case", example = "MIL-7KQ2-9XD3") @PathParam("trackingCode") String trackingCode,
            @Parameter(description = "Access key from the receipt (optional: it adds messages and answers)") @HeaderParam("X-Access-Key") String headerKey,
            @Parameter(description = "Access key, for links that cannot set a header; the header wins when both are sent") @QueryParam("key") String queryKey,
            @Parameter(description = "The ETag of a previous answer: 304 while the body is unchanged") @HeaderParam("If-None-Match") String ifNoneMatch) {
        Views.TrackingView view = queries.track(trackingCode, headerKey != null ? headerKey : queryKey);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return BodyTags.ok(view, json, ifNoneMatch, noStore, "X-Access-Key");
    }
}
