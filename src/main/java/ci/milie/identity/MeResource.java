package ci.milie.identity;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.Caller;
import io.quarkus.security.Authenticated;

@Path("/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class MeResource {

    private final MeService me;
    private final Caller caller;

    MeResource(MeService me, Caller caller) {
        this.me = me;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The signed-in user's profile and roles",
            description = "For citizens and staff alike: who the token belongs to, its roles, the administration of an "
                    + "agent, a citizen's contact and language. 404 NOT_FOUND when the account no longer exists or "
                    + "was deactivated since the token was issued.")
    @APIResponse(responseCode = "200", description = "Profile", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MeView.class), examples = {
                    @ExampleObject(name = "citizen", value = """
                            {"id": "0f8b6a52-3c1e-4d7a-9b21-5e4c3a2d1f00", "kind": "CITIZEN", "email": "awa@example.ci",
                             "phone": "+2250701020304", "fullName": "Awa Traoré", "roles": ["citizen"],
                             "administrationId": null, "preferredLanguage": "fr"}"""),
                    @ExampleObject(name = "agent", value = """
                            {"id": "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "kind": "STAFF", "email": "k.kouassi@sante.gouv.ci",
                             "phone": null, "fullName": "Koffi Kouassi", "roles": ["agent"],
                             "administrationId": "3b9f2c1d-8e7a-4f6b-9c5d-2a1e0f9b8c7d", "preferredLanguage": null}""") }))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: the account is gone or deactivated")
    public MeView getMe() {
        return me.me(caller);
    }
}
