package ci.milie.request;

import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import ci.milie.identity.Revocations;
import io.quarkus.security.identity.SecurityIdentity;

/** The session behind the token of the request that opens a stream, if it came with one. */
final class LiveSessions {

    static final String LAST_EVENT_ID_DOC = "The id of the last event received, sent back by EventSource when it "
            + "reconnects: the events missed since are replayed first (at most milie.streams.replay-limit events, within "
            + "milie.streams.replay-window; beyond, one reset event: reload, then follow)";
    static final String LAST_EVENT_ID_QUERY_DOC = "The same as Last-Event-ID, for a new EventSource (which cannot set "
            + "the header) opened with a new ticket; the header wins when both are sent";
    static final String TICKET_DOC = "A stream ticket (POST /api/v1/stream-tickets), for clients that cannot send "
            + "headers (a browser's EventSource): instead of the token or key, never with them in the URL; single use, "
            + "valid 60 s";
    static final String STREAM_DOC = " The stream (text/event-stream) sends one event per change: its id is an opaque "
            + "cursor, its name the event type (docs/EVENTS.md), its data a LiveEvent. A comment line every 20 s keeps "
            + "it open; a reset event (data {}) means the client must reload what it shows. It ends when the session ends "
            + "(logout, deactivated account) and when the server stops (with a retry: hint). At most "
            + "milie.streams.max-per-caller streams per caller and milie.streams.max-per-instance per server: 429 "
            + "RATE_LIMITED with Retry-After beyond.";

    private LiveSessions() {
    }

    static Optional<Revocations.SessionOf> of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        return Optional.of(Revocations.SessionOf.token(token));
    }
}
