package ci.milie.request;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import ci.milie.common.Caller;
import ci.milie.common.Languages;
import ci.milie.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/requests/stream")
@Tag(name = "Live", description = "Server-sent events: every change of a request reaches its citizen and the staff in seconds")
public class WorkQueueStreamResource {

    private final LiveOpeners openers;
    private final LiveEvents live;
    private final Caller caller;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    WorkQueueStreamResource(LiveOpeners openers, LiveEvents live, Caller caller, SecurityIdentity identity, ObjectMapper json) {
        this.openers = openers;
        this.live = live;
        this.caller = caller;
        this.identity = identity;
        this.json = json;
    }

    @GET
    @RolesAllowed({ Roles.OSEP, Roles.SUPERVISOR, Roles.AGENT, Roles.OPERATOR })
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Staff: follow the requests of my work queue live",
            description = "Every event of the requests the caller may read, internal ones included, as GET "
                    + "/api/v1/requests/{id}/events shows them: OSEP and supervisors, every request; an agent, the "
                    + "requests in the hands of their administration (now: one re-routed away stops there); an operator, "
                    + "the requests they entered. Citizens and sysadmins get 403 FORBIDDEN." + LiveSessions.STREAM_DOC)
    @APIResponse(responseCode = "200", description = "The stream of the events of the requests in my scope",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = LiveEvent.class)))
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many streams open")
    public void streamWorkQueue(
            @Parameter(description = LiveSessions.LAST_EVENT_ID_DOC, example = "MTIzNDU2Ljc4OQ") @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        LiveStream.Opener opener = openers.staff(caller, LiveSessions.of(identity), Languages.ofCurrentRequest());
        live.open(new LiveStream(opener, sink, sse, json), lastEventId);
    }
}
