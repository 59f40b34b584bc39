package ci.milie.request;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.ApiSecurity;
import ci.milie.notification.Devices;

/**
 * The holder of a request's access key registers a device for that one request: under the tracking
 * code, like the key holder's other acts, with the key checked as keyed tracking checks it.
 */
@Path("/tracking/{trackingCode}/devices")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Push notifications")
public class KeyHolderDevicesResource {

    private final RequestQueries queries;
    private final Devices devices;

    KeyHolderDevicesResource(RequestQueries queries, Devices devices) {
        this.queries = queries;
        this.devices = devices;
    }

    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.ACCESS_KEY))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Key holder: register this device for push notifications about this request",
            description = "For a request followed without an account: its changes then reach the device. Idempotent: the "
                    + "same token again refreshes the device and answers 200; a new token answers 201. A token "
                    + "registers for one owner at a time: registered here, it leaves the account or request it "
                    + "followed. " + Devices.PUSH_DOC + " A missing or wrong key answers exactly like an "
                    + "unknown code (404) and counts like one in keyed tracking (429 past the limit).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "android", value = Devices.REGISTRATION_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Devices.DeviceView.class),
            examples = @ExampleObject(name = "device", value = Devices.DEVICE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Already registered: refreshed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Devices.DeviceView.class),
            examples = @ExampleObject(name = "device", value = Devices.DEVICE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: token, platform, appVersion or language")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: unknown code, or missing or wrong key")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many unknown codes from this address, or too many "
            + "wrong keys from this address or for this code")
    public Response registerTrackedRequestDevice(
            @Parameter(description = "The tracking code from the receipt, any case", example = "MIL-7KQ2-9XD3") @PathParam("trackingCode") String trackingCode,
            @Parameter(description = "Access key from the receipt", required = true) @HeaderParam("X-Access-Key") String accessKey,
            @Valid @NotNull Devices.Registration registration) {
        Devices.Registered registered = devices.register(Devices.Owner.keyHolderOf(queries.openedByKey(trackingCode, accessKey)),
                registration);
        return Response.status(registered.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(registered.device()).build();
    }

    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.ACCESS_KEY))
    @DELETE
    @Path("/{token}")
    @Operation(summary = "Key holder: stop push notifications about this request to this device",
            description = "204 whether or not the device followed this request: nothing tells whose a token is. A "
                    + "missing or wrong key answers exactly like an unknown code (404) and counts like one (429 past the "
                    + "limit).")
    @APIResponse(responseCode = "204", description = "The device, if it followed this request, is forgotten")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: not a registration token")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: unknown code, or missing or wrong key")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many unknown codes from this address, or too many "
            + "wrong keys from this address or for this code")
    public void unregisterTrackedRequestDevice(
            @Parameter(description = "The tracking code from the receipt, any case", example = "MIL-7KQ2-9XD3") @PathParam("trackingCode") String trackingCode,
            @Parameter(description = "Access key from the receipt", required = true) @HeaderParam("X-Access-Key") String accessKey,
            @Parameter(description = "The device's FCM registration token",
                    example = "fJ3kq9XbTnW2:APA91bHk7Qp2xW9mR4tZ8vN3bL6yH1cE5sD0aF7gJ2kL9zX4cV8bN1mQ")
            @PathParam("token") @Pattern(regexp = Devices.TOKEN_PATTERN) String token) {
        devices.unregister(Devices.Owner.keyHolderOf(queries.openedByKey(trackingCode, accessKey)), token);
    }
}
