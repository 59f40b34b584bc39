package ci.milie.integration;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.Locations;
import ci.milie.common.Roles;

/** Integration clients: the systems of OSEP and of the administrations, registered by sysadmins. */
@Path("/integrations/clients")
@RolesAllowed(Roles.SYSADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Integration clients")
public class ClientResource {

    static final String CLIENT_EXAMPLE = """
            {"id": "5a7e3c21-9b4d-4f8e-a1c2-3d4e5f6a7b8c", "name": "Dossiers santé (SIH)",
             "contactEmail": "dsi@sante.gouv.ci", "administrationId": "3b9f2c1d-8e7a-4f6b-9c5d-2a1e0f9b8c7d",
             "permissions": ["REQUESTS_READ", "REQUESTS_ACT"], "allowedAddresses": ["196.47.128.0/24"], "active": true,
             "createdAt": "2026-11-30T08:00:00Z", "updatedAt": "2026-11-30T08:00:00Z", "version": 0}""";
    static final String SECRET_EXAMPLE = """
            {"clientId": "5a7e3c21-9b4d-4f8e-a1c2-3d4e5f6a7b8c",
             "clientSecret": "mcs_q3XvYb1l0u9cE2mZ7kP4sR8tW6nA5dF0hJ3gL1oI2yU", "previousSecretValidUntil": null}""";
    private static final String COMMAND_EXAMPLE = """
            {"name": "Dossiers santé (SIH)", "contactEmail": "dsi@sante.gouv.ci",
             "administrationId": "3b9f2c1d-8e7a-4f6b-9c5d-2a1e0f9b8c7d", "permissions": ["REQUESTS_READ", "REQUESTS_ACT"],
             "allowedAddresses": ["196.47.128.0/24"]}""";
    private static final String ID = "The client's id (its client_id)";

    private final ClientService clients;

    ClientResource(ClientService clients) {
        this.clients = clients;
    }

    @GET
    @Operation(summary = "List integration clients, by name", description = "Active and deactivated ones; never a secret.")
    @APIResponse(responseCode = "200", description = "Every client", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ClientView.class),
            examples = @ExampleObject(name = "clients", value = "[" + CLIENT_EXAMPLE + "]")))
    public List<ClientView> listIntegrationClients() {
        return clients.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One integration client", description = "Never a secret. The ETag header carries its version, "
            + "for If-Match on PUT.")
    @APIResponse(responseCode = "200", description = "The client", headers = @Header(name = "ETag",
            description = "The client's version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientView.class),
                    examples = @ExampleObject(name = "client", value = CLIENT_EXAMPLE)))
    public Response getIntegrationClient(@PathParam("id") @Parameter(description = ID) UUID id) {
        return tagged(Response.ok(), clients.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an integration client (for OSEP or one administration) and get its first secret",
            description = "A client of an administration acts on that administration's requests only; one of OSEP "
                    + "(no administrationId) on all. The secret is shown in this answer only: Miliê keeps its hash. "
                    + "The client trades it for access tokens at POST /auth/token (client credentials).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ClientCommands.Create.class),
            examples = @ExampleObject(name = "ministry", value = COMMAND_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered; Location names the client",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientCreated.class),
                    examples = @ExampleObject(name = "created", value = "{\"client\": " + CLIENT_EXAMPLE
                            + ", \"secret\": " + SECRET_EXAMPLE + "}")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: no permission, REQUESTS_ACT for a client of OSEP, "
            + "an administration that is not active, an address that is not an address or CIDR block")
    @APIResponse(responseCode = "409", description = "DUPLICATE_NAME: another client has this name")
    public Response createIntegrationClient(@Valid @NotNull ClientCommands.Create command, UriInfo uri) {
        ClientCreated created = clients.create(command);
        return Response.created(Locations.child(uri, created.client().id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update an integration client: name, contact, administration, permissions, addresses, active flag",
            description = "Replaces every field. Deactivating the client, moving it to another administration, taking a "
                    + "permission away or changing its addresses ends its tokens at once. Optional If-Match (the ETag "
                    + "of GET): 409 CONCURRENT_MODIFICATION when it changed since.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ClientCommands.Update.class),
            examples = @ExampleObject(name = "read only", value = """
                    {"name": "Dossiers santé (SIH)", "contactEmail": "dsi@sante.gouv.ci",
                     "administrationId": "3b9f2c1d-8e7a-4f6b-9c5d-2a1e0f9b8c7d", "permissions": ["REQUESTS_READ"],
                     "allowedAddresses": [], "active": true}""")))
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = "ETag",
            description = "The client's new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientView.class),
                    examples = @ExampleObject(name = "client", value = CLIENT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: as for a registration")
    @APIResponse(responseCode = "409", description = "DUPLICATE_NAME, or CONCURRENT_MODIFICATION (If-Match is not the "
            + "current version)")
    public Response updateIntegrationClient(@PathParam("id") @Parameter(description = ID) UUID id,
            @Valid @NotNull ClientCommands.Update command,
            @Parameter(description = "The version last read (the ETag of GET); optional") @HeaderParam("If-Match") String ifMatch) {
        return tagged(Response.ok(), clients.update(id, command, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Deactivate an integration client (clients are never deleted)",
            description = "Its tokens stop working at once and it gets no new ones; an update with active=true "
                    + "reactivates it.")
    @APIResponse(responseCode = "204", description = "Deactivated (also when it already was)")
    public void deactivateIntegrationClient(@PathParam("id") @Parameter(description = ID) UUID id) {
        clients.deactivate(id);
    }

    @POST
    @Path("/{id}/secrets")
    @Operation(summary = "Rotate an integration client's secret",
            description = "A new secret, shown in this answer only. The previous ones keep working for the overlap "
                    + "(milie.integrations.clients.secret-overlap, 24 hours by default), then are refused; tokens already "
                    + "issued live on until they expire.")
    @APIResponse(responseCode = "201", description = "The new secret", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ClientSecretView.class), examples = @ExampleObject(name = "rotated", value = """
                    {"clientId": "5a7e3c21-9b4d-4f8e-a1c2-3d4e5f6a7b8c",
                     "clientSecret": "mcs_q3XvYb1l0u9cE2mZ7kP4sR8tW6nA5dF0hJ3gL1oI2yU",
                     "previousSecretValidUntil": "2026-12-01T08:00:00Z"}""")))
    public Response rotateIntegrationClientSecret(@PathParam("id") @Parameter(description = ID) UUID id) {
        return Response.status(Response.Status.CREATED).entity(clients.rotateSecret(id)).build();
    }

    private static Response tagged(Response.ResponseBuilder response, ClientView view) {
        return response.entity(view).tag(new EntityTag(Long.toString(view.version()))).build();
    }
}
