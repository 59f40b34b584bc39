package ci.milie.request;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
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
import ci.milie.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/me/requests/stream")
@Tag(name = "Live", description = "Server-sent events: every change of a request reaches its citizen and the staff in seconds")
public class MyRequestsStreamResource {

    private final LiveOpeners openers;
    private final LiveStreams streams;
    private final Caller caller;
    private final SecurityIdentity identity;

    MyRequestsStreamResource(LiveOpeners openers, LiveStreams streams, Caller caller, SecurityIdentity identity) {
        this.openers = openers;
        this.streams = streams;
        this.caller = caller;
        this.identity = identity;
    }

    @GET
    @PermitAll
    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.BEARER, scopes = Roles.CITIZEN))
    @SecurityRequirementsSet
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Citizen: follow all my requests live",
            description = "The public events of every request of the signed-in citizen (those GET /api/v1/me/requests "
                    + "lists), as each request's timeline shows them. Staff get 403 FORBIDDEN (their stream is GET "
                    + "/api/v1/requests/stream)." + LiveSessions.STREAM_DOC)
    @APIResponse(responseCode = "200", description = "The stream of the public events of my requests",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = LiveEvent.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED: no valid token and no ticket, or the ticket is "
            + "unknown, used, expired or for another stream; TOKEN_REVOKED: the session has ended")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the caller's role has no such stream")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many streams open")
    public void streamMyRequests(
            @Parameter(description = LiveSessions.TICKET_DOC, example = "Yp1f7CjQm2v0n4Xr8aLk3sTq9wZb6eHdUo5Gc1Ni") @QueryParam("ticket") String ticket,
            @Parameter(description = LiveSessions.LAST_EVENT_ID_DOC, example = "MTIzNDU2Ljc4OQ") @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = LiveSessions.LAST_EVENT_ID_QUERY_DOC, example = "MTIzNDU2Ljc4OQ") @QueryParam("lastEventId") String lastEventIdParam,
            @Context SseEventSink sink, @Context Sse sse) {
        streams.open(LiveStream.Kind.MINE, ticket, language -> openers.mine(caller, LiveSessions.of(identity), language),
                opener -> opener, lastEventId, lastEventIdParam, sink, sse);
    }
}
