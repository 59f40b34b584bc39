package ci.milie.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.Caller;
import ci.milie.common.Roles;

/** The signed-in citizen erases their account and the personal data of every request filed with it. */
@Path("/me/privacy/erasure")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Citizens' rights over their data (law 2013-450): export, erasure, confirmation codes, and the audit of each act")
public class MyErasureResource {

    private final Erasure erasure;
    private final Caller caller;

    MyErasureResource(Erasure erasure, Caller caller) {
        this.erasure = erasure;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Citizen: erase my account and the personal data of my requests",
            description = "Confirmed by the code sent with POST /api/v1/me/privacy/code. The requests stay, without "
                    + "personal data, in the statistics; the account is deleted and its sessions end at once (the token "
                    + "used here is refused afterwards). Signed-in citizens only: staff get 403 FORBIDDEN. Audited.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "confirm", value = """
            {"code": "123456", "channel": "EMAIL"}""")))
    @APIResponse(responseCode = "200", description = "Erased", content = @Content(schema = @Schema(implementation = PrivacyCommands.ErasureSummary.class),
            examples = @ExampleObject(name = "erased", value = """
                    {"requestsAnonymised": 2, "filesDeleted": 1, "accountDeleted": true}""")))
    @APIResponse(responseCode = "403", description = "OTP_INVALID, OTP_EXPIRED or OTP_ATTEMPTS_EXCEEDED: the confirmation code was refused; "
            + "FORBIDDEN: not a citizen")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: the account is already gone")
    public PrivacyCommands.ErasureSummary eraseMyData(@Valid @NotNull PrivacyCommands.MyConfirmation confirmation) {
        return erasure.ofMyAccount(caller, confirmation);
    }
}
