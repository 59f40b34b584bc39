package ci.milie.directory;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
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

import ci.milie.common.Caller;
import ci.milie.common.Locations;
import ci.milie.common.Page;
import ci.milie.common.Roles;

@Path("/administrations")
@Tag(name = "Directory")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdministrationResource {

    static final String ADMINISTRATION_EXAMPLE = """
            {"id": "a0000000-0000-4000-8000-000000000002", "code": "MSHPCMU",
             "name": "Ministère de la Santé, de l'Hygiène publique et de la Couverture maladie universelle",
             "nameEn": "Ministry of Health, Public Hygiene and Universal Health Coverage",
             "acronym": "MSHPCMU", "kind": "MINISTRY", "parentId": null, "parentCode": null,
             "contactEmail": "mshpcmu@administrations.milie.ci", "answerReviewRequired": true, "active": true,
             "version": 3, "createdAt": "2026-01-15T09:00:00Z", "updatedAt": "2026-10-02T14:30:00Z"}""";

    private final AdministrationService service;
    private final Caller caller;

    AdministrationResource(AdministrationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(summary = "List administrations",
            description = "Active administrations sorted by code, one page at a time. Staff (sysadmin, osep, "
                    + "supervisor) may add includeInactive=true; it is ignored for anyone else.")
    @APIResponse(responseCode = "200", description = "One page of administrations")
    public Page<AdministrationView> listAdministrations(
            @Parameter(description = "Only administrations of this kind", schema = @Schema(implementation = AdministrationKind.class))
            @QueryParam("kind") String kind,
            @Parameter(description = "Only the direct sub-administrations of this one", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("parentId") String parentId,
            @Parameter(description = "Include inactive administrations (staff only)")
            @QueryParam("includeInactive") @DefaultValue("false") boolean includeInactive,
            @Parameter(description = "nextCursor of the previous page")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500")
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return service.list(QueryParams.enumValue(AdministrationKind.class, kind, "kind"),
                QueryParams.uuid(parentId, "parentId"), includeInactive && DirectoryAccess.seesInactive(caller),
                cursor, limit);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Get an administration", description = "An inactive administration is visible to staff only.")
    @APIResponse(responseCode = "200", description = "The administration",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdministrationView.class),
                    examples = @ExampleObject(name = "ministry", value = ADMINISTRATION_EXAMPLE)))
    public AdministrationView getAdministration(@PathParam("id") @Parameter(description = "The administration's id") UUID id) {
        return service.get(id, DirectoryAccess.seesInactive(caller));
    }

    @POST
    @RolesAllowed(Roles.SYSADMIN)
    @Operation(summary = "Create an administration",
            description = "Ministries, agencies, local authorities and public companies that answer requests; a "
                    + "sub-administration names its parent. Codes are unique and upper-case. answerReviewRequired "
                    + "(default true) sends its answers to OSEP's review before the citizen sees them.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateAdministrationCommand.class), examples = @ExampleObject(name = "ministry", value = """
                    {"code": "MSHPCMU",
                     "name": "Ministère de la Santé, de l'Hygiène publique et de la Couverture maladie universelle",
                     "acronym": "MSHPCMU", "kind": "MINISTRY", "contactEmail": "mshpcmu@administrations.milie.ci",
                     "answerReviewRequired": true}""")))
    @APIResponse(responseCode = "201", description = "Created; Location names the new administration",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdministrationView.class),
                    examples = @ExampleObject(name = "ministry", value = ADMINISTRATION_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Another administration has this code (DUPLICATE_CODE)")
    public RestResponse<AdministrationView> createAdministration(@Valid @NotNull CreateAdministrationCommand command, UriInfo uri) {
        AdministrationView created = service.create(command);
        return RestResponse.ResponseBuilder.<AdministrationView>created(Locations.child(uri, created.id()))
                .entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.SYSADMIN)
    @Operation(summary = "Update an administration",
            description = "Replaces every field; active=false deactivates, true reactivates. Send the version last "
                    + "read to be told when someone else changed it meanwhile.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UpdateAdministrationCommand.class), examples = @ExampleObject(name = "rename", value = """
                    {"code": "MSHPCMU",
                     "name": "Ministère de la Santé, de l'Hygiène publique et de la Couverture maladie universelle",
                     "acronym": "MSHPCMU", "kind": "MINISTRY", "parentId": null,
                     "contactEmail": "plaintes@sante.gouv.ci", "answerReviewRequired": true, "active": true,
                     "version": 3}""")))
    @APIResponse(responseCode = "200", description = "The updated administration",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdministrationView.class),
                    examples = @ExampleObject(name = "ministry", value = ADMINISTRATION_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "DUPLICATE_CODE, CONCURRENT_MODIFICATION (stale version), or "
            + "ADMINISTRATION_IN_USE when deactivating the default administration of an active category")
    public AdministrationView updateAdministration(@PathParam("id") @Parameter(description = "The administration's id") UUID id, @Valid @NotNull UpdateAdministrationCommand command) {
        return service.update(id, command);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.SYSADMIN)
    @Operation(summary = "Deactivate an administration",
            description = "Nothing is ever deleted: the administration is deactivated and disappears from public lists.")
    @APIResponse(responseCode = "204", description = "Deactivated (or already inactive)")
    @APIResponse(responseCode = "409", description = "An active category routes to it by default (ADMINISTRATION_IN_USE)")
    public void deactivateAdministration(@PathParam("id") @Parameter(description = "The administration's id") UUID id) {
        service.deactivate(id);
    }
}
