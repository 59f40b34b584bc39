package ci.milie.sla;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import ci.milie.common.Locations;
import ci.milie.common.Page;
import ci.milie.common.Params;
import ci.milie.common.Roles;
import ci.milie.directory.RequestType;

@Path("/sla-policies")
@Tag(name = "SLA")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SlaPolicyResource {

    static final String POLICY_EXAMPLE = """
            {"id": "5e0c9a7b-1d2f-4c3b-8a9e-7f6d5c4b3a21", "requestType": "COMPLAINT",
             "categoryId": "c0000000-0000-4000-8000-000000000011", "categoryCode": "ETAT-CIVIL", "typeDefault": false,
             "triage": {"amount": 4, "unit": "WORKING_HOURS"}, "acknowledgement": {"amount": 1, "unit": "WORKING_DAYS"},
             "answer": {"amount": 5, "unit": "WORKING_DAYS"}, "version": 0,
             "createdAt": "2026-09-01T08:00:00Z", "updatedAt": "2026-09-01T08:00:00Z"}""";

    private final SlaPolicyService service;

    SlaPolicyResource(SlaPolicyService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Roles.SYSADMIN, Roles.OSEP, Roles.SUPERVISOR })
    @Operation(summary = "List SLA policies",
            description = "Sorted by request type, each type's default first, then its category policies.")
    @APIResponse(responseCode = "200", description = "One page of policies")
    public Page<SlaPolicyView> listSlaPolicies(
            @Parameter(description = "Only the policies of this request type", schema = @Schema(implementation = RequestType.class))
            @QueryParam("type") String type,
            @Parameter(description = "Only the policies of this category", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("categoryId") String categoryId,
            @Parameter(description = "nextCursor of the previous page")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500")
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return service.list(Params.enumValue(type, RequestType.class, "type"),
                Params.uuid(categoryId, "categoryId"), cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SYSADMIN, Roles.OSEP, Roles.SUPERVISOR })
    @Operation(summary = "Get an SLA policy", description = "A type's default or a category's policy.")
    @APIResponse(responseCode = "200", description = "The policy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SlaPolicyView.class),
                    examples = @ExampleObject(name = "category policy", value = POLICY_EXAMPLE)))
    public SlaPolicyView getSlaPolicy(@PathParam("id") @Parameter(description = "The policy's id") UUID id) {
        return service.get(id);
    }

    @POST
    @RolesAllowed(Roles.SYSADMIN)
    @Operation(summary = "Create an SLA policy for a category",
            description = "Requests of this type in this category get these deadlines instead of the type's default, "
                    + "from their next stage on.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateSlaPolicyCommand.class), examples = @ExampleObject(name = "category policy", value = """
                    {"requestType": "COMPLAINT", "categoryId": "c0000000-0000-4000-8000-000000000011",
                     "triage": {"amount": 4, "unit": "WORKING_HOURS"},
                     "acknowledgement": {"amount": 1, "unit": "WORKING_DAYS"}, "answer": {"amount": 5, "unit": "WORKING_DAYS"}}""")))
    @APIResponse(responseCode = "201", description = "Created; Location names the new policy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SlaPolicyView.class),
                    examples = @ExampleObject(name = "category policy", value = POLICY_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "This type already has a policy in this category, or a default "
            + "(DUPLICATE_POLICY)")
    public RestResponse<SlaPolicyView> createSlaPolicy(@Valid @NotNull CreateSlaPolicyCommand command, UriInfo uri) {
        SlaPolicyView created = service.create(command);
        return RestResponse.ResponseBuilder.<SlaPolicyView>created(Locations.child(uri, created.id()))
                .entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.SYSADMIN)
    @Operation(summary = "Change an SLA policy",
            description = "Replaces the three allowances; type and category stay. Deadlines already set are not moved. "
                    + "Send the version last read to be told when someone else changed it meanwhile.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UpdateSlaPolicyCommand.class), examples = @ExampleObject(name = "allowances", value = """
                    {"triage": {"amount": 4, "unit": "WORKING_HOURS"},
                     "acknowledgement": {"amount": 1, "unit": "WORKING_DAYS"}, "answer": {"amount": 5, "unit": "WORKING_DAYS"}, "version": 0}""")))
    @APIResponse(responseCode = "200", description = "The updated policy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SlaPolicyView.class),
                    examples = @ExampleObject(name = "category policy", value = POLICY_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Stale version (CONCURRENT_MODIFICATION)")
    public SlaPolicyView updateSlaPolicy(@PathParam("id") @Parameter(description = "The policy's id") UUID id, @Valid @NotNull UpdateSlaPolicyCommand command) {
        return service.update(id, command);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.SYSADMIN)
    @Operation(summary = "Delete a category's SLA policy",
            description = "The category's requests fall back on the type's default from their next stage on.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "A type's default cannot be deleted (DEFAULT_POLICY_REQUIRED)")
    public void deleteSlaPolicy(@PathParam("id") @Parameter(description = "The policy's id") UUID id) {
        service.delete(id);
    }
}
