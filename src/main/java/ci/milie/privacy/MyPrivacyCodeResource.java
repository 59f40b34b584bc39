package ci.milie.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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

/** A confirmation code to the signed-in citizen's account, before an export or an erasure of their data. */
@Path("/me/privacy/code")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Citizens' rights over their data (law 2013-450): export, erasure, confirmation codes, and the audit of each act")
public class MyPrivacyCodeResource {

    private final PrivacyCodes codes;
    private final Caller caller;

    MyPrivacyCodeResource(PrivacyCodes codes, Caller caller) {
        this.codes = codes;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Citizen: send a code to my account's e-mail or phone, to confirm an export or an erasure of my data",
            description = "The code (6 digits, valid for expiresIn seconds) confirms exportMyData or eraseMyData. By default "
                    + "it goes to the account's e-mail if it has one, its phone otherwise; the body may be omitted. Signed-in "
                    + "citizens only: staff get 403 FORBIDDEN. Audited.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "by SMS", value = """
            {"channel": "SMS"}""")))
    @APIResponse(responseCode = "202", description = "Sent", content = @Content(schema = @Schema(implementation = PrivacyCommands.CodeSent.class),
            examples = @ExampleObject(name = "sent", value = """
                    {"expiresIn": 600, "channel": "EMAIL", "sentTo": "a***@example.ci"}""")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: the account has no address on that channel")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many codes for this address or destination")
    public Response sendMyPrivacyCode(@Valid PrivacyCommands.MyCode command) {
        return Response.accepted(codes.sendToAccount(caller, command == null ? null : command.channel())).build();
    }
}
