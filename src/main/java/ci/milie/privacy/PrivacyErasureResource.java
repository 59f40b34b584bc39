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

/** OSEP erases the data of a citizen who called, once they read back the code sent to their contact. */
@Path("/privacy/erasures")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Citizens' rights over their data (law 2013-450): export, erasure, confirmation codes, and the audit of each act")
public class PrivacyErasureResource {

    private final Erasure erasure;
    private final Caller caller;

    PrivacyErasureResource(Erasure erasure, Caller caller) {
        this.erasure = erasure;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.OSEP)
    @Operation(summary = "OSEP: erase the data of the caller who holds this e-mail or phone",
            description = "After POST /api/v1/privacy/codes: the code the caller read back. Covers the account with that "
                    + "contact, if any, its requests, and every request filed with that contact. OSEP only. Audited with the "
                    + "officer.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "confirm", value = """
            {"phone": "+2250701020304", "code": "123456"}""")))
    @APIResponse(responseCode = "200", description = "Erased", content = @Content(schema = @Schema(implementation = PrivacyCommands.ErasureSummary.class),
            examples = @ExampleObject(name = "erased", value = """
                    {"requestsAnonymised": 2, "filesDeleted": 1, "accountDeleted": true}""")))
    @APIResponse(responseCode = "403", description = "OTP_INVALID, OTP_EXPIRED or OTP_ATTEMPTS_EXCEEDED: the code read back was refused")
    public PrivacyCommands.ErasureSummary eraseCallerData(@Valid @NotNull PrivacyCommands.CallerConfirmation confirmation) {
        return erasure.forCaller(caller, confirmation);
    }
}
