package ci.milie.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ci.milie.common.Caller;
import ci.milie.identity.Revocations;

/**
 * One open SSE stream and what its caller may read: the same rule as their GET of a request
 * ({@link RequestAccess#sight}), public events only unless it is the staff's view. Events reach it
 * in feed order, each at most once (a replay and the live feed may both offer one).
 */
final class LiveStream {

    @Schema(name = "StreamKind", description = "TRACKING: one request (key holder or owner); MINE: a citizen's requests; "
            + "STAFF: a staff member's work-queue scope")
    public enum Kind {
        /** One request, for its owner or key holder. */
        TRACKING,
        /** The signed-in citizen's requests. */
        MINE,
        /** The requests in the staff member's scope. */
        STAFF
    }

    /** Who opened the stream: the caller, their session when they came with a token, and their language. */
    record Opener(Kind kind, Caller caller, Optional<Revocations.SessionOf> session, UUID requestId,
            RequestAccess.Sight trackingSight, String language) {

        /** What the per-caller limit counts: the account, or the request for a key holder. */
        String limitKey() {
            return caller.id().map(UUID::toString).orElse("request:" + requestId);
        }

        EventFeed.Filter filter() {
            return switch (kind) {
                case TRACKING -> new EventFeed.Filter(requestId, null);
                case MINE -> new EventFeed.Filter(null, caller.id().orElseThrow());
                case STAFF -> EventFeed.Filter.ALL;
            };
        }
    }

    private final Opener opener;
    private final SseEventSink sink;
    private final Sse sse;
    private final ObjectMapper json;
    private FeedCursor lastSent;
    private List<LiveViews.Loaded> held;
    private volatile boolean closed;

    LiveStream(Opener opener, SseEventSink sink, Sse sse, ObjectMapper json) {
        this.opener = opener;
        this.sink = sink;
        this.sse = sse;
        this.json = json;
    }

    Opener opener() {
        return opener;
    }

    /** How this stream's caller sees the event's request, when they may read the event at all. */
    private Optional<RequestAccess.Sight> sight(LiveViews.Loaded loaded) {
        CitizenRequest request = loaded.request();
        RequestEvent event = loaded.event();
        RequestAccess.Sight sight = switch (opener.kind()) {
            case TRACKING -> request.id().equals(opener.requestId()) ? opener.trackingSight() : null;
            case MINE, STAFF -> RequestAccess.sight(request, opener.caller(), null);
        };
        if (sight == null || !sight.seesRequest()) {
            return Optional.empty();
        }
        if (opener.kind() == Kind.MINE && sight.party() != Party.OWNER) {
            return Optional.empty();
        }
        if (!sight.staffView() && event.visibility() != Visibility.PUBLIC) {
            return Optional.empty();
        }
        return Optional.of(sight);
    }

    private LiveEvent liveEvent(LiveViews.Loaded loaded, RequestAccess.Sight sight) {
        CitizenRequest request = loaded.request();
        return new LiveEvent(request.id(), request.trackingCode(), request.status(),
                RequestQueries.eventView(loaded.event(), sight.staffView(), true, sight.seesContact(), opener.language()));
    }

    synchronized void startAfter(FeedCursor head) {
        lastSent = head;
    }

    /** Holds live events while a replay is being sent, so that they follow it in order. */
    synchronized void holdLive() {
        held = new ArrayList<>();
    }

    /** A replayed event; {@link #release} then sends what the live feed offered meanwhile. */
    synchronized void replay(LiveViews.Loaded loaded) {
        send(loaded);
    }

    synchronized void release() {
        List<LiveViews.Loaded> waiting = held;
        held = null;
        waiting.forEach(this::send);
    }

    synchronized void offer(LiveViews.Loaded loaded) {
        if (held != null) {
            held.add(loaded);
        } else {
            send(loaded);
        }
    }

    /** Nothing replayed can be trusted to be complete: the client reloads, then follows from here. */
    synchronized void reset(FeedCursor head) {
        lastSent = head;
        write(sse.newEventBuilder().id(head.encode()).name("reset").data(String.class, "{}").build());
    }

    void heartbeat() {
        write(sse.newEventBuilder().comment("heartbeat").build());
    }

    /** Ends the stream, asking the client to come back after {@code retryMillis} (shutdown). */
    void close(long retryMillis) {
        if (retryMillis > 0) {
            write(sse.newEventBuilder().comment("closing").reconnectDelay(retryMillis).build());
        }
        close();
    }

    void close() {
        closed = true;
        try {
            sink.close();
        } catch (RuntimeException e) {
            // Already closed by the client.
        }
    }

    boolean closed() {
        return closed || sink.isClosed();
    }

    private void send(LiveViews.Loaded loaded) {
        if (lastSent != null && loaded.cursor().compareTo(lastSent) <= 0) {
            return;
        }
        Optional<RequestAccess.Sight> sight = sight(loaded);
        lastSent = loaded.cursor();
        sight.ifPresent(seen -> {
            // What the event's JSON depends on besides the event: the same key, the same SSE event.
            String key = seen.staffView() + "/" + seen.seesContact() + "/" + opener.language();
            write(loaded.render(key, () -> sse.newEventBuilder().id(loaded.cursor().encode())
                    .name(loaded.event().type().name()).data(String.class, serialise(liveEvent(loaded, seen))).build()));
        });
    }

    private void write(OutboundSseEvent event) {
        if (closed()) {
            closed = true;
            return;
        }
        sink.send(event).whenComplete((ignored, failure) -> {
            if (failure != null) {
                closed = true;
            }
        });
    }

    private String serialise(LiveEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
