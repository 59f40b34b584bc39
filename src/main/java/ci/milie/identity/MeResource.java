package ci.milie.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.Caller;
import ci.milie.common.Roles;
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
                    + "was deactivated since the token was issued. For a citizen, the ETag header carries the profile's "
                    + "version, for If-Match on PUT /me.")
    @APIResponse(responseCode = "200", description = "Profile", headers = @Header(name = "ETag", description = "Citizens: "
            + "the profile's version", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MeView.class), examples = {
                    @ExampleObject(name = "citizen", value = """
                            {"id": "0f8b6a52-3c1e-4d7a-9b21-5e4c3a2d1f00", "kind": "CITIZEN", "email": "awa@example.ci",
                             "phone": "+2250701020304", "fullName": "Awa Traoré", "roles": ["citizen"],
                             "administrationId": null, "preferredLanguage": "fr",
                             "emailVerified": true, "phoneVerified": false, "version": 3}"""),
                    @ExampleObject(name = "agent", value = """
                            {"id": "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "kind": "STAFF", "email": "k.kouassi@sante.gouv.ci",
                             "phone": null, "fullName": "Koffi Kouassi", "roles": ["agent"],
                             "administrationId": "3b9f2c1d-8e7a-4f6b-9c5d-2a1e0f9b8c7d", "preferredLanguage": null,
                             "emailVerified": null, "phoneVerified": null, "version": null}""") }))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: the account is gone or deactivated")
    public Response getMe() {
        return tagged(me.me(caller));
    }

    @PUT
    @RolesAllowed(Roles.CITIZEN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Citizen: replace my profile (name, phone, language)",
            description = "Replaces the three editable fields as a whole: an absent fullName or phone becomes null. The "
                    + "e-mail is not editable. The contact the account signed up with was proven by a one-time code: it "
                    + "is how the citizen signs in and what lets them claim requests, so it cannot be changed or removed "
                    + "here (409 VERIFIED_CONTACT_UNCHANGEABLE). A phone added here is not proven (phoneVerified false): "
                    + "messages reach it, but it neither signs in nor claims requests, and whoever later proves it with a "
                    + "sign-in code takes it over. 409 PHONE_IN_USE when another account has it. Optional If-Match (the "
                    + "ETag of GET /me): 409 CONCURRENT_MODIFICATION when the profile changed since. Staff get 403 "
                    + "FORBIDDEN: their profile is managed by a sysadmin (/api/v1/staff).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "profile", value = """
            {"fullName": "Awa Traoré", "phone": "+2250701020304", "preferredLanguage": "en"}""")))
    @APIResponse(responseCode = "200", description = "The profile as saved", headers = @Header(name = "ETag",
            description = "The profile's new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeView.class),
                    examples = @ExampleObject(name = "citizen", value = """
                            {"id": "0f8b6a52-3c1e-4d7a-9b21-5e4c3a2d1f00", "kind": "CITIZEN", "email": "awa@example.ci",
                             "phone": "+2250701020304", "fullName": "Awa Traoré", "roles": ["citizen"],
                             "administrationId": null, "preferredLanguage": "en",
                             "emailVerified": true, "phoneVerified": false, "version": 4}""")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a phone that is not a number, a name with control "
            + "characters or too long, a language other than fr or en")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: the account is gone")
    @APIResponse(responseCode = "409", description = "VERIFIED_CONTACT_UNCHANGEABLE (the proven phone would change), "
            + "PHONE_IN_USE (another account has this phone), CONCURRENT_MODIFICATION (If-Match is not the current version)")
    public Response updateMe(@Valid @NotNull UpdateMeCommand command,
            @Parameter(description = "The profile's version last read (the ETag of GET /me); optional") @HeaderParam("If-Match") String ifMatch) {
        return tagged(me.update(caller, command, ifMatch));
    }

    private static Response tagged(MeView view) {
        Response.ResponseBuilder ok = Response.ok(view);
        return view.version() == null ? ok.build() : ok.tag(new EntityTag(Long.toString(view.version()))).build();
    }
}
