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

/** OSEP's export for a citizen who calls. */
@Path("/privacy/exports")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Citizens' rights over their data (law 2013-450): export, erasure, confirmation codes, and the audit of each act")
public class PrivacyExportResource {

    private final PrivacyExports exports;
    private final Caller caller;

    PrivacyExportResource(PrivacyExports exports, Caller caller) {
        this.exports = exports;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.OSEP)
    @Operation(summary = "OSEP: export what Miliê holds for a caller's e-mail or phone, once the caller read back the code sent to it",
            description = "Send the code first (POST /privacy/codes). Covers the account with that contact, its requests and every "
                    + "request filed with that contact; empty lists when there is none. A JSON download (Content-Disposition: "
                    + "attachment). OSEP only. Audited with the officer.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "confirm", value = """
            {"email": "awa@example.ci", "code": "123456"}""")))
    @APIResponse(responseCode = "200", description = ExportResponses.DISPOSITION_DOC,
            content = @Content(schema = @Schema(implementation = DataExport.class)))
    @APIResponse(responseCode = "403", description = "OTP_INVALID, OTP_EXPIRED or OTP_ATTEMPTS_EXCEEDED: the code read back does not confirm the export")
    public Response exportCallerData(@Valid @NotNull PrivacyCommands.CallerConfirmation confirmation) {
        return ExportResponses.download(exports.forCaller(caller, confirmation));
    }
}
