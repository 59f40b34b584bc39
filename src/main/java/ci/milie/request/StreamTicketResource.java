package ci.milie.request;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import ci.milie.common.Caller;
import ci.milie.common.Languages;
import ci.milie.common.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/stream-tickets")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Live", description = "Server-sent events: every change of a request reaches its citizen and the staff in seconds")
public class StreamTicketResource {

    /** Which stream the ticket is for; trackingCode for a TRACKING one. */
    @Schema(name = "StreamTicketCommand")
    public record StreamTicketCommand(@NotNull LiveStream.Kind stream,
            @Schema(description = "The request's tracking code; required for TRACKING, ignored otherwise",
                    examples = "MIL-7KQ2-9XD3", nullable = true) @Size(max = 20) String trackingCode) {
    }

    private final LiveOpeners openers;
    private final StreamTickets tickets;
    private final Caller caller;
    private final SecurityIdentity identity;

    StreamTicketResource(LiveOpeners openers, StreamTickets tickets, Caller caller, SecurityIdentity identity) {
        this.openers = openers;
        this.tickets = tickets;
        this.caller = caller;
        this.identity = identity;
    }

    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.BEARER))
    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.ACCESS_KEY))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A one-time ticket to open a live stream from a browser's EventSource (which sends no headers)",
            description = "Decides now, with the caller's bearer token (MINE: a citizen; STAFF: OSEP, supervisor, agent, "
                    + "operator) or, for TRACKING, the request's access key or its owner's token, exactly as opening the "
                    + "stream would (the same 401, 403, 404 and 429); the ticket then opens that stream once, within 60 s, "
                    + "on any instance, as ?ticket= on the stream's URL. The stream still ends with the session it came "
                    + "from. Never put the token or the key in a URL.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "tracking", value = """
                    {"stream": "TRACKING", "trackingCode": "MIL-7KQ2-9XD3"}"""),
            @ExampleObject(name = "staff", value = """
                    {"stream": "STAFF"}""") }))
    @APIResponse(responseCode = "201", description = "The ticket and when it expires",
            content = @Content(schema = @Schema(implementation = StreamTickets.Ticket.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the caller's role has no such stream")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (TRACKING): no request has this code, the key is wrong, or the "
            + "caller neither holds its key nor owns it")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED (TRACKING): too many unknown codes or wrong keys")
    public Response createStreamTicket(@Valid @NotNull StreamTicketCommand command,
            @Parameter(description = "The request's access key, for a TRACKING ticket without a token") @HeaderParam("X-Access-Key") String accessKey) {
        String language = Languages.ofCurrentRequest();
        LiveStream.Opener opener = switch (command.stream()) {
            case TRACKING -> {
                if (command.trackingCode() == null || command.trackingCode().isBlank()) {
                    throw ProblemException.invalid("trackingCode", "field.trackingCodeForTrackingStream");
                }
                yield openers.tracking(command.trackingCode(), accessKey, caller, LiveSessions.of(identity), language);
            }
            case MINE -> openers.mine(caller, LiveSessions.of(identity), language);
            case STAFF -> openers.staff(caller, LiveSessions.of(identity), language);
        };
        return Response.status(201).entity(tickets.issue(opener)).build();
    }
}
