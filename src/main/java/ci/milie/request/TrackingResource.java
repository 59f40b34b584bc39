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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/tracking")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tracking")
public class TrackingResource {

    private final RequestQueries queries;

    TrackingResource(RequestQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/{trackingCode}")
    @Operation(summary = "Follow a request by its tracking code; with the access key, also its thread and answers",
            description = "A wrong key answers exactly like an unknown code (404). Prefer the X-Access-Key header: query strings end up in logs.")
    @APIResponse(responseCode = "200", description = "Status, deadline and public timeline",
            content = @Content(schema = @Schema(implementation = Views.TrackingView.class)))
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many unknown codes from this address, or too many "
            + "wrong keys from this address or for this code")
    public Response trackRequest(@PathParam("trackingCode") String trackingCode,
            @Parameter(description = "Access key from the receipt") @HeaderParam("X-Access-Key") String headerKey,
            @Parameter(description = "Access key, for links; the header is preferred") @QueryParam("key") String queryKey) {
        Views.TrackingView view = queries.track(trackingCode, headerKey != null ? headerKey : queryKey);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(view).cacheControl(noStore).build();
    }
}
