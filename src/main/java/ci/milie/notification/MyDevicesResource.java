package ci.milie.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.Caller;
import ci.milie.common.Roles;

/** A signed-in citizen's devices: every request of the account reaches them. */
@Path("/me/devices")
@RolesAllowed(Roles.CITIZEN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Push notifications")
public class MyDevicesResource {

    private final Devices devices;
    private final Caller caller;

    MyDevicesResource(Devices devices, Caller caller) {
        this.devices = devices;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Citizen: register this device for push notifications",
            description = "The app registers its FCM registration token at each start (and when Firebase renews it): "
                    + "every request of the account then reaches the device. Idempotent: the same token again "
                    + "refreshes the device (platform, app version, language) and answers 200; a new token answers "
                    + "201. A token registered by another account or key holder moves here (a phone changes hands). "
                    + Devices.PUSH_DOC + " 400 VALIDATION_FAILED for a malformed token, platform, version or language. Staff "
                    + "get 403 FORBIDDEN.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "android", value = Devices.REGISTRATION_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Devices.DeviceView.class), examples = @ExampleObject(name = "device", value = Devices.DEVICE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Already registered: refreshed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Devices.DeviceView.class), examples = @ExampleObject(name = "device", value = Devices.DEVICE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: token, platform, appVersion or language")
    public Response registerMyDevice(@Valid @NotNull Devices.Registration registration) {
        Devices.Registered registered = devices.register(Devices.Owner.citizen(caller.id().orElseThrow()), registration);
        return Response.status(registered.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(registered.device()).build();
    }

    @DELETE
    @Path("/{token}")
    @Operation(summary = "Citizen: stop push notifications to this device",
            description = "The app unregisters its token on sign-out. 204 whether or not this account had it: a token "
                    + "of someone else's is left alone, and nothing tells whose it is. Staff get 403 FORBIDDEN.")
    @APIResponse(responseCode = "204", description = "This account's device, if it was one, is forgotten")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: not a registration token")
    public void unregisterMyDevice(@Parameter(description = "The device's FCM registration token",
            example = "fJ3kq9XbTnW2:APA91bHk7Qp2xW9mR4tZ8vN3bL6yH1cE5sD0aF7gJ2kL9zX4cV8bN1mQ")
            @PathParam("token") @Pattern(regexp = Devices.TOKEN_PATTERN) String token) {
        devices.unregister(Devices.Owner.citizen(caller.id().orElseThrow()), token);
    }
}
