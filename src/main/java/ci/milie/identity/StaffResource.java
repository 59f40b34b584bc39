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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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

    static final String STAFF_EXAMPLE = """
            {"id": "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "email": "k.kouassi@sante.gouv.ci", "fullName": "Koffi Kouassi",
             "role": "agent", "administrationId": "3b9f2c1d-8e7a-4f6b-9c5d-2a1e0f9b8c7d", "active": true,
             "lastLoginAt": "2026-11-27T08:12:45Z", "createdAt": "2026-10-02T09:00:00Z",
             "updatedAt": "2026-10-02T09:00:00Z", "version": 0}""";

    private final StaffService staff;

    StaffResource(StaffService staff) {
        this.staff = staff;
    }

    @GET
    @Operation(summary = "List staff accounts, by e-mail",
            description = "Active and inactive accounts, sorted by e-mail, one page at a time; the filters combine.")
    @APIResponse(responseCode = "200", description = "One page of accounts", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StaffPage.class),
            examples = @ExampleObject(name = "page", value = "{\"items\": [" + STAFF_EXAMPLE + "], \"nextCursor\": null}")))
    public Page<StaffView> listStaff(
            @QueryParam("role") @Parameter(description = "Only the accounts with this role",
                    schema = @Schema(implementation = StaffRole.class)) String role,
            @QueryParam("administrationId") @Parameter(description = "Only the agents of this administration",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String administrationId,
            @QueryParam("active") @Parameter(description = "true: only active accounts; false: only deactivated ones; "
                    + "absent: both", schema = @Schema(implementation = Boolean.class)) String active,
            @QueryParam("limit") @Parameter(description = "Page size, 1 to 200") @DefaultValue("50") @Min(1) @Max(200) int limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return staff.list(Params.enumValue(role, StaffRole.class, "role", StaffRole::group),
                Params.uuid(administrationId, "administrationId"), Params.bool(active, "active"), limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One staff account", description = "Active or deactivated; never the password.")
    @APIResponse(responseCode = "200", description = "The account", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StaffView.class), examples = @ExampleObject(name = "agent", value = STAFF_EXAMPLE)))
    public StaffView getStaff(@PathParam("id") @Parameter(description = "The account's id") UUID id) {
        return staff.get(id);
    }

    @POST
    @Operation(summary = "Create a staff account (agents belong to one administration)",
            description = "The role decides what the account may do; an agent names its administration, no other role "
                    + "does. The password (12 to 72 characters) is given to its holder out of band.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StaffCommands.Create.class), examples = @ExampleObject(name = "agent", value = """
                    {"email": "k.kouassi@sante.gouv.ci", "fullName": "Koffi Kouassi", "role": "agent",
                     "administrationId": "3b9f2c1d-8e7a-4f6b-9c5d-2a1e0f9b8c7d", "password": "Correct-Horse-2026"}""")))
    @APIResponse(responseCode = "201", description = "Created; Location names the new account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffView.class),
                    examples = @ExampleObject(name = "agent", value = STAFF_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "DUPLICATE_EMAIL: another account has this e-mail")
    public Response createStaff(@Valid @NotNull StaffCommands.Create command, UriInfo uri) {
        StaffView created = staff.create(command);
        return Response.created(Locations.child(uri, created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Update a staff account: profile, role, administration, active flag, password",
            description = "Replaces every field; the password only when given. Deactivating or setting a new password "
                    + "ends the account's sign-ins. Send the version last read to be told when someone "
                    + "else changed it meanwhile.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StaffCommands.Update.class), examples = @ExampleObject(name = "move", value = """
                    {"email": "k.kouassi@sante.gouv.ci", "fullName": "Koffi Kouassi", "role": "agent",
                     "administrationId": "3b9f2c1d-8e7a-4f6b-9c5d-2a1e0f9b8c7d", "active": true, "version": 0}""")))
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StaffView.class), examples = @ExampleObject(name = "agent", value = STAFF_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "DUPLICATE_EMAIL, CONCURRENT_MODIFICATION (stale version) or "
            + "LAST_SYSADMIN (the last active system administrator cannot lose the role or be deactivated)")
    public StaffView updateStaff(@PathParam("id") @Parameter(description = "The account's id") UUID id, @Valid @NotNull StaffCommands.Update command) {
        return staff.update(id, command);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Deactivate a staff account and revoke its sign-ins (accounts are never deleted)",
            description = "Its access tokens stop working at once; the account and its history stay, and an update with "
                    + "active=true reactivates it.")
    @APIResponse(responseCode = "204", description = "Deactivated")
    @APIResponse(responseCode = "409", description = "LAST_SYSADMIN: the last active system administrator")
    public void deactivateStaff(@PathParam("id") @Parameter(description = "The account's id") UUID id) {
        staff.deactivate(id);
    }

    @Schema(name = "StaffPage")
    record StaffPage(java.util.List<StaffView> items, 
            @Schema(description = "Opaque cursor of the next page; null on the last page", nullable = true) String nextCursor) {
    }
}
