package ci.milie.identity;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.Locations;
import ci.milie.common.Page;
import ci.milie.common.Params;
import ci.milie.common.Roles;

@Path("/staff")
@RolesAllowed(Roles.SYSADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff")
public class StaffResource {

    private final StaffService staff;

    StaffResource(StaffService staff) {
        this.staff = staff;
    }

    @GET
    @Operation(summary = "List staff accounts, by e-mail")
    @APIResponse(responseCode = "200", description = "One page of accounts", content = @Content(schema = @Schema(implementation = StaffPage.class)))
    public Page<StaffView> listStaff(
            @QueryParam("role") @Parameter(schema = @Schema(implementation = StaffRole.class)) String role,
            @QueryParam("administrationId") @Parameter(schema = @Schema(format = "uuid")) String administrationId,
            @QueryParam("active") @Parameter(schema = @Schema(implementation = Boolean.class)) String active,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
            @QueryParam("cursor") String cursor) {
        return staff.list(Params.enumValue(role, StaffRole.class, "role", StaffRole::group),
                Params.uuid(administrationId, "administrationId"), Params.bool(active, "active"), limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One staff account")
    @APIResponse(responseCode = "200", description = "The account", content = @Content(schema = @Schema(implementation = StaffView.class)))
    public StaffView getStaff(@PathParam("id") UUID id) {
        return staff.get(id);
    }

    @POST
    @Operation(summary = "Create a staff account (agents belong to one administration)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = StaffView.class)))
    @APIResponse(responseCode = "409", description = "DUPLICATE_EMAIL")
    public Response createStaff(@Valid @NotNull StaffCommands.Create command, UriInfo uri) {
        StaffView created = staff.create(command);
        return Response.created(Locations.child(uri, created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Update a staff account: profile, role, administration, active flag, password")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = StaffView.class)))
    @APIResponse(responseCode = "409", description = "DUPLICATE_EMAIL, CONCURRENT_MODIFICATION or LAST_SYSADMIN")
    public StaffView updateStaff(@PathParam("id") UUID id, @Valid @NotNull StaffCommands.Update command) {
        return staff.update(id, command);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Deactivate a staff account and revoke its sign-ins (accounts are never deleted)")
    @APIResponse(responseCode = "204", description = "Deactivated")
    @APIResponse(responseCode = "409", description = "LAST_SYSADMIN")
    public void deactivateStaff(@PathParam("id") UUID id) {
        staff.deactivate(id);
    }

    @Schema(name = "StaffPage")
    record StaffPage(java.util.List<StaffView> items, String nextCursor) {
    }
}
