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

@Path("/categories")
@Tag(name = "Directory")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CategoryResource {

    static final String CATEGORY_EXAMPLE = """
            {"id": "c0000000-0000-4000-8000-000000000011", "code": "ETAT-CIVIL", "labelFr": "État civil",
             "labelEn": "Civil registration", "descriptionFr": "Actes de naissance, de mariage et de décès",
             "descriptionEn": "Birth, marriage and death certificates", "parentId": "c0000000-0000-4000-8000-000000000001",
             "parentCode": "ADMINISTRATION", "applicableTypes": ["COMPLAINT", "SUGGESTION", "OBSERVATION"],
             "defaultAdministrationId": "a0000000-0000-4000-8000-000000000001",
             "defaultAdministration": {"id": "a0000000-0000-4000-8000-000000000001", "code": "MIS",
                                       "name": "Ministère de l'Intérieur et de la Sécurité"},
             "active": true, "version": 1, "createdAt": "2026-01-15T09:00:00Z", "updatedAt": "2026-03-04T10:20:00Z"}""";

    private final CategoryService service;
    private final Caller caller;

    CategoryResource(CategoryService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(summary = "List categories",
            description = "Active categories sorted by code, one page at a time: themes and their sub-categories. "
                    + "Staff (sysadmin, osep, supervisor) may add includeInactive=true; it is ignored for anyone else.")
    @APIResponse(responseCode = "200", description = "One page of categories")
    public Page<CategoryView> listCategories(
            @Parameter(description = "Only the sub-categories of the theme with this code")
            @QueryParam("parentCode") String parentCode,
            @Parameter(description = "Only the sub-categories of the theme with this id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("parentId") String parentId,
            @Parameter(description = "Only categories accepting this request type", schema = @Schema(implementation = RequestType.class))
            @QueryParam("type") String type,
            @Parameter(description = "Include inactive categories (staff only)")
            @QueryParam("includeInactive") @DefaultValue("false") boolean includeInactive,
            @Parameter(description = "nextCursor of the previous page")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500")
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return service.list(QueryParams.uuid(parentId, "parentId"), QueryParams.text(parentCode),
                QueryParams.enumValue(RequestType.class, type, "type"),
                includeInactive && DirectoryAccess.seesInactive(caller), cursor, limit);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Get a category", description = "An inactive category is visible to staff only.")
    @APIResponse(responseCode = "200", description = "The category",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryView.class),
                    examples = @ExampleObject(name = "category", value = CATEGORY_EXAMPLE)))
    public CategoryView getCategory(@PathParam("id") @Parameter(description = "The category's id") UUID id) {
        return service.get(id, DirectoryAccess.seesInactive(caller));
    }

    @POST
    @RolesAllowed(Roles.SYSADMIN)
    @Operation(summary = "Create a category",
            description = "A theme (no parentCode) or a sub-category of one, with its French and English labels, the "
                    + "request types it accepts and the administration its requests are routed to by default. Codes "
                    + "are unique and upper-case.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateCategoryCommand.class), examples = @ExampleObject(name = "sub-category", value = """
                    {"code": "ETAT-CIVIL", "labelFr": "État civil", "labelEn": "Civil registration",
                     "descriptionFr": "Actes de naissance, de mariage et de décès",
                     "descriptionEn": "Birth, marriage and death certificates", "parentCode": "ADMINISTRATION",
                     "applicableTypes": ["COMPLAINT", "SUGGESTION", "OBSERVATION"],
                     "defaultAdministrationId": "a0000000-0000-4000-8000-000000000001"}""")))
    @APIResponse(responseCode = "201", description = "Created; Location names the new category",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryView.class),
                    examples = @ExampleObject(name = "category", value = CATEGORY_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Another category has this code (DUPLICATE_CODE)")
    public RestResponse<CategoryView> createCategory(@Valid @NotNull CreateCategoryCommand command, UriInfo uri) {
        CategoryView created = service.create(command);
        return RestResponse.ResponseBuilder.<CategoryView>created(Locations.child(uri, created.id()))
                .entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.SYSADMIN)
    @Operation(summary = "Update a category",
            description = "Replaces every field; active=false deactivates, true reactivates. Send the version last "
                    + "read to be told when someone else changed it meanwhile.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UpdateCategoryCommand.class), examples = @ExampleObject(name = "relabel", value = """
                    {"code": "ETAT-CIVIL", "labelFr": "État civil", "labelEn": "Civil status",
                     "descriptionFr": "Actes de naissance, de mariage et de décès",
                     "descriptionEn": "Birth, marriage and death certificates", "parentCode": "ADMINISTRATION",
                     "applicableTypes": ["COMPLAINT", "SUGGESTION", "OBSERVATION"],
                     "defaultAdministrationId": "a0000000-0000-4000-8000-000000000001", "active": true, "version": 1}""")))
    @APIResponse(responseCode = "200", description = "The updated category",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryView.class),
                    examples = @ExampleObject(name = "category", value = CATEGORY_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "DUPLICATE_CODE, CONCURRENT_MODIFICATION (stale version), or "
            + "CATEGORY_IN_USE when deactivating a theme with active sub-categories")
    public CategoryView updateCategory(@PathParam("id") @Parameter(description = "The category's id") UUID id, @Valid @NotNull UpdateCategoryCommand command) {
        return service.update(id, command);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.SYSADMIN)
    @Operation(summary = "Deactivate a category",
            description = "Nothing is ever deleted: the category is deactivated and disappears from public lists.")
    @APIResponse(responseCode = "204", description = "Deactivated (or already inactive)")
    @APIResponse(responseCode = "409", description = "It has active sub-categories (CATEGORY_IN_USE)")
    public void deactivateCategory(@PathParam("id") @Parameter(description = "The category's id") UUID id) {
        service.deactivate(id);
    }
}
