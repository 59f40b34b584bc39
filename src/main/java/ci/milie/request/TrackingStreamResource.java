package ci.milie.request;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


import ci.milie.common.ApiSecurity;
import ci.milie.common.Caller;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/tracking/{trackingCode}/events/stream")
@PermitAll
@Tag(name = "Live", description = "Server-sent events: every change of a request reaches its citizen and the staff in seconds")
public class TrackingStreamResource {

    private final LiveOpeners openers;
    private final LiveStreams streams;
    private final Caller caller;
    private final SecurityIdentity identity;

    TrackingStreamResource(LiveOpeners openers, LiveStreams streams, Caller caller, SecurityIdentity identity) {
        this.openers = openers;
        this.streams = streams;
        this.caller = caller;
        this.identity = identity;
    }

    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.BEARER))
    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.ACCESS_KEY))
    @SecurityRequirementsSet
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Follow one request live: its public events as they happen, for its key holder or owner",
            description = "With the request's access key (X-Access-Key) or the bearer token of the citizen who owns it: "
                    + "the public events of that request, as its timeline shows them to that caller (messages included). "
                    + "Anyone else, an unknown code or a wrong key: 404 NOT_FOUND, counted like tracking's (429 past the "
                    + "limit)." + LiveSessions.STREAM_DOC)
    @APIResponse(responseCode = "200", description = "The stream of the request's public events",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = LiveEvent.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no request has this code, the key is wrong, or the caller "
            + "neither holds its key nor owns it")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED: the ticket is unknown, used, expired or for another "
            + "stream or request; TOKEN_REVOKED: the session has ended")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many streams open, or too many unknown codes or wrong keys")
    public void streamTrackedRequest(
            @Parameter(description = "The tracking code from the receipt, any case", example = "MIL-7KQ2-9XD3") @PathParam("trackingCode") String trackingCode,
            @Parameter(description = "Access key from the receipt (or the owner's bearer token)") @HeaderParam("X-Access-Key") String accessKey,
            @Parameter(description = LiveSessions.TICKET_DOC, example = "Yp1f7CjQm2v0n4Xr8aLk3sTq9wZb6eHdUo5Gc1Ni") @QueryParam("ticket") String ticket,
            @Parameter(description = LiveSessions.LAST_EVENT_ID_DOC, example = "MTIzNDU2Ljc4OQ") @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = LiveSessions.LAST_EVENT_ID_QUERY_DOC, example = "MTIzNDU2Ljc4OQ") @QueryParam("lastEventId") String lastEventIdParam,
            @Context SseEventSink sink, @Context Sse sse) {
        streams.open(LiveStream.Kind.TRACKING, ticket,
                language -> openers.tracking(trackingCode, accessKey, caller, LiveSessions.of(identity), language),
                opener -> openers.onlyFor(opener, trackingCode), lastEventId, lastEventIdParam, sink, sse);
    }
}
