package ci.milie.privacy;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.ApiSecurity;

/** The holder of a request's access key erases the personal data of that one request. */
@Path("/tracking/{trackingCode}/privacy/erasure")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Citizens' rights over their data (law 2013-450): export, erasure, confirmation codes, and the audit of each act")
public class KeyHolderErasureResource {

    private final Erasure erasure;

    KeyHolderErasureResource(Erasure erasure) {
        this.erasure = erasure;
    }

    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.ACCESS_KEY))
    @POST
    @Operation(summary = "Key holder: erase the personal data of this request",
            description = "The request stays, without personal data, in the statistics, and its code and key still "
                    + "show its status and public timeline. No account is touched. A missing or wrong key answers "
                    + "exactly like an unknown code (404), and counts like one in keyed tracking (429 past the limit). No "
                    + "body. Audited.")
    @APIResponse(responseCode = "200", description = "Erased", content = @Content(schema = @Schema(implementation = PrivacyCommands.ErasureSummary.class),
            examples = @ExampleObject(name = "erased", value = """
                    {"requestsAnonymised": 1, "filesDeleted": 0, "accountDeleted": false}""")))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: unknown code, or missing or wrong key")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many unknown codes from this address, or too many "
            + "wrong keys from this address or for this code")
    public PrivacyCommands.ErasureSummary eraseTrackedRequestData(
            @Parameter(description = "The tracking code from the receipt, any case", example = "MIL-7KQ2-9XD3") @PathParam("trackingCode") String trackingCode,
            @Parameter(description = "Access key from the receipt", required = true) @HeaderParam("X-Access-Key") String accessKey) {
        return erasure.ofKeyHolder(trackingCode, accessKey);
    }
}
