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

/** OSEP's side of the privacy rights of citizens who call: the identity check by a code read back. */
@Path("/privacy")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Citizens' rights over their data (law 2013-450): export, erasure, confirmation codes, and the audit of each act")
public class PrivacyCodeResource {

    private final PrivacyCodes codes;
    private final Caller caller;

    PrivacyCodeResource(PrivacyCodes codes, Caller caller) {
        this.codes = codes;
        this.caller = caller;
    }

    @POST
    @Path("codes")
    @RolesAllowed(Roles.OSEP)
    @Operation(summary = "OSEP: send a code to the e-mail or phone a caller gave, which the caller then reads back",
            description = "The identity check before an export or an erasure asked by phone (see docs/PRIVACY.md). "
                    + "The answer is the same whether or not Miliê holds data for that contact. Exactly one of email and "
                    + "phone (400 VALIDATION_FAILED otherwise). OSEP only. Audited.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "phone", value = """
            {"phone": "+2250701020304"}""")))
    @APIResponse(responseCode = "202", description = "Sent", content = @Content(schema = @Schema(implementation = PrivacyCommands.CodeSent.class),
            examples = @ExampleObject(name = "sent", value = """
                    {"expiresIn": 600, "channel": "EMAIL", "sentTo": "a***@example.ci"}""")))
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many codes for this address or destination")
    public Response sendCallerPrivacyCode(@Valid @NotNull PrivacyCommands.CallerContact command) {
        return Response.accepted(codes.sendForCaller(caller, command)).build();
    }
}
