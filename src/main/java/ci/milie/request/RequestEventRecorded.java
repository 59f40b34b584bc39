package ci.milie.request;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The in-process domain event published for each recorded event row, once its transaction has
 * committed, in the order the rows were recorded (observe it with {@code @Observes}; nothing is
 * published for a move that rolls back). The catalogue of types and
 * their {@code data} is docs/EVENTS.md. It carries ids and codes, never the free text of the event
 * (questions, notes, reasons): a subscriber that shows text reads the event through the API, as
 * its reader may.
 */
public record RequestEventRecorded(
        UUID eventId,
        UUID requestId,
        EventType type,
        Instant occurredAt,
        RequestStatus fromStatus,
        RequestStatus toStatus,
        Visibility visibility,
        String actorRole,
        UUID administrationId,
        Map<String, Object> data) {

    static RequestEventRecorded of(RequestEvent event, UUID administrationId) {
        return new RequestEventRecorded(event.id(), event.requestId(), event.type(), event.occurredAt(),
                event.fromStatus(), event.toStatus(), event.visibility(), event.actorRole(), administrationId,
                event.data());
    }
}
