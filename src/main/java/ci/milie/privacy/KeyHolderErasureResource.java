package ci.milie.privacy;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The holder of a request's access key erases the personal data of that one request. */
@Path("/tracking/{trackingCode}/privacy/erasure")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
public class KeyHolderErasureResource {

    private final Erasure erasure;

    KeyHolderErasureResource(Erasure erasure) {
        this.erasure = erasure;
    }

    @POST
    @Operation(summary = "Key holder: erase the personal data of this request",
            description = "The request stays, without personal data, in the statistics, and its code and key still "
                    + "show its status and public timeline. No account is touched. A missing or wrong key answers "
                    + "exactly like an unknown code (404). Audited.")
    @APIResponse(responseCode = "200", description = "Erased", content = @Content(schema = @Schema(implementation = PrivacyCommands.ErasureSummary.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: unknown code, or missing or wrong key")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many unknown codes from this address, or too many "
            + "wrong keys from this address or for this code")
    public PrivacyCommands.ErasureSummary eraseTrackedRequestData(@PathParam("trackingCode") String trackingCode,
            @Parameter(description = "Access key from the receipt") @HeaderParam("X-Access-Key") String accessKey) {
        return erasure.ofKeyHolder(trackingCode, accessKey);
    }
}
