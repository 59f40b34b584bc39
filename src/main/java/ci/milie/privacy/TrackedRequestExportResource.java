package ci.milie.privacy;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.ApiSecurity;

/** The data of one request, for whoever holds its tracking code and access key. */
@Path("/tracking/{trackingCode}/privacy/export")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Citizens' rights over their data (law 2013-450): export, erasure, confirmation codes, and the audit of each act")
public class TrackedRequestExportResource {

    private final PrivacyExports exports;

    TrackedRequestExportResource(PrivacyExports exports) {
        this.exports = exports;
    }

    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.ACCESS_KEY))
    @POST
    @Operation(summary = "Key holder: export the data of one request, by its tracking code and access key",
            description = "Only that request, never the account behind it (a citizen with an account uses /me/privacy/export). "
                    + "A missing or wrong key answers exactly like an unknown code (404), and counts like one in keyed tracking "
                    + "(429 past the limit). No body. Audited.")
    @APIResponse(responseCode = "200", description = ExportResponses.DISPOSITION_DOC,
            content = @Content(schema = @Schema(implementation = DataExport.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: unknown code, or a missing or wrong key")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many unknown codes from this address, or too many "
            + "wrong keys from this address or for this code")
    public Response exportTrackedRequestData(
            @Parameter(description = "The tracking code from the receipt, any case", example = "MIL-7KQ2-9XD3") @PathParam("trackingCode") String trackingCode,
            @Parameter(description = "Access key from the receipt", required = true) @HeaderParam("X-Access-Key") String accessKey) {
        return ExportResponses.download(exports.forKeyHolder(trackingCode, accessKey));
    }
}
