package ci.milie.identity;

import java.util.List;

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
import ci.milie.common.ProblemException;
import ci.milie.common.Roles;
import io.quarkus.security.Authenticated;

@Path("/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class MeResource {

    private final Caller caller;
    private final StaffAccountRepository staff;
    private final CitizenRepository citizens;

    MeResource(Caller caller, StaffAccountRepository staff, CitizenRepository citizens) {
        this.caller = caller;
        this.staff = staff;
        this.citizens = citizens;
    }

    @GET
    @Operation(summary = "The signed-in user's profile and roles")
    @APIResponse(responseCode = "200", description = "Profile", content = @Content(schema = @Schema(implementation = MeView.class)))
    public MeView me() {
        var id = caller.id().orElseThrow(() -> ProblemException.notFound("Account"));
        if (caller.hasRole(Roles.CITIZEN)) {
            Citizen citizen = citizens.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Account"));
            return new MeView(citizen.id(), "CITIZEN", citizen.email(), citizen.phone(), citizen.fullName(),
                    List.of(Roles.CITIZEN), null, citizen.preferredLanguage());
        }
        StaffAccount account = staff.findByIdOptional(id).filter(StaffAccount::active)
                .orElseThrow(() -> ProblemException.notFound("Account"));
        return new MeView(account.id(), "STAFF", account.email(), null, account.fullName(),
                List.of(account.role().group()), account.administrationId(), null);
    }
}
