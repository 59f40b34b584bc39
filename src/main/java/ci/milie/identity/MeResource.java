package ci.milie.identity;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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
    @Operation(summary = "The signed-in user's profile and roles")
    @APIResponse(responseCode = "200", description = "Profile", content = @Content(schema = @Schema(implementation = MeView.class)))
    public MeView getMe() {
        return me.me(caller);
    }
}
