package ci.milie.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.Caller;
import ci.milie.common.Roles;

/** The signed-in citizen's copy of their data. */
@Path("/me/privacy/export")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Citizens' rights over their data (law 2013-450): export, erasure, confirmation codes, and the audit of each act")
public class MyPrivacyExportResource {

    private final PrivacyExports exports;
    private final Caller caller;

    MyPrivacyExportResource(PrivacyExports exports, Caller caller) {
        this.exports = exports;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Citizen: export my account, my requests and the messages sent to me, confirmed by the code sent to my account",
            description = "Ask for the code first (sendMyPrivacyCode), then send it here with the channel it went to. The "
                    + "answer is a JSON download (Content-Disposition: attachment). Signed-in citizens only: staff get 403 "
                    + "FORBIDDEN. Audited.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "confirm", value = """
            {"code": "123456", "channel": "EMAIL"}""")))
    @APIResponse(responseCode = "200", description = ExportResponses.DISPOSITION_DOC,
            content = @Content(schema = @Schema(implementation = DataExport.class)))
    @APIResponse(responseCode = "403", description = "OTP_INVALID, OTP_EXPIRED or OTP_ATTEMPTS_EXCEEDED: the code does not confirm the export; "
            + "FORBIDDEN: not a citizen")
    public Response exportMyData(@Valid @NotNull PrivacyCommands.MyConfirmation confirmation) {
        return ExportResponses.download(exports.forAccount(caller, confirmation));
    }
}
