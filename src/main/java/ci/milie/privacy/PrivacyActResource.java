package ci.milie.privacy;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.Page;
import ci.milie.common.Params;
import ci.milie.common.Roles;

/** The audit of privacy acts. */
@Path("/privacy/acts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Citizens' rights over their data (law 2013-450): export, erasure, confirmation codes, and the audit of each act")
public class PrivacyActResource {

    private final PrivacyActQueries acts;

    PrivacyActResource(PrivacyActQueries acts) {
        this.acts = acts;
    }

    @GET
    @RolesAllowed({ Roles.SUPERVISOR, Roles.SYSADMIN })
    @Operation(summary = "The privacy acts (exports, erasures, codes sent, retention), newest first",
            description = "The audit trail of the citizens' rights, for supervisors and sysadmins: who did what, through "
                    + "which door, when. Filters combine; follow nextCursor until it is null.")
    @APIResponse(responseCode = "200", description = "One page of acts, newest first", content = @Content(schema = @Schema(implementation = PrivacyActPage.class)))
    public Page<PrivacyActView> listPrivacyActs(
            @QueryParam("act") @Parameter(description = "Only acts of this kind", schema = @Schema(implementation = PrivacyActs.Act.class)) String act,
            @QueryParam("via") @Parameter(description = "Only acts through this door", schema = @Schema(implementation = PrivacyActs.Via.class)) String via,
            @QueryParam("staffId") @Parameter(description = "Only acts of this staff member (OSEP officer for a caller)",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String staffId,
            @QueryParam("from") @Parameter(description = "Acts from this instant or date (inclusive)") String from,
            @QueryParam("to") @Parameter(description = "Acts before this instant, or up to this date (inclusive)") String to,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) @Parameter(description = "Page size, 1 to 200") int limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page; absent for the first page") String cursor) {
        return acts.list(new PrivacyActQueries.Filter(Params.enumValue(act, PrivacyActs.Act.class, "act"),
                Params.enumValue(via, PrivacyActs.Via.class, "via"), Params.uuid(staffId, "staffId"),
                Params.instant(from, "from", false), Params.instant(to, "to", true)), limit, cursor);
    }

    @Schema(name = "PrivacyActPage")
    record PrivacyActPage(List<PrivacyActView> items, 
            @Schema(description = "Opaque cursor of the next page; null on the last page", nullable = true) String nextCursor) {
    }
}
