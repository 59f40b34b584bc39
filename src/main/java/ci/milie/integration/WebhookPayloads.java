package ci.milie.integration;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ci.milie.request.EventType;
import ci.milie.request.RequestEventRecorded;

/**
 * The JSON a receiver gets: {@code id} (the event's, stable across retries and replays: receivers
 * de-duplicate on it), {@code type}, {@code occurredAt}, {@code sequence} (increasing within a
 * request, with gaps) and {@code data}. {@code data} holds ids and codes only, as the event
 * catalogue does: the request, its tracking code, its administration, the statuses before and
 * after, and the event's own {@code details} (docs/EVENTS.md). Never free text (notes, questions,
 * reasons, answers): a client that needs them reads the request through the API, where its
 * permissions decide. Every subscriber of an event therefore gets the same body.
 */
@ApplicationScoped
class WebhookPayloads {

    /** The erasure event (not a move of the request, so not in the request's catalogue). */
    static final String REQUEST_ERASED = "REQUEST_ERASED";

    /** One event's delivery body and what the delivery log keeps of it. */
    record Payload(UUID eventId, UUID requestId, String type, Instant occurredAt, long sequence, String body) {
    }

    private final EntityManager entities;
    private final ObjectMapper json;

    WebhookPayloads(EntityManager entities, ObjectMapper json) {
        this.entities = entities;
        this.json = json;
    }

    /** Every type a subscription may name: the request's event catalogue and REQUEST_ERASED. */
    static List<String> types() {
        List<String> types = new java.util.ArrayList<>();
        for (EventType type : EventType.values()) {
            types.add(type.name());
        }
        types.add(REQUEST_ERASED);
        return List.copyOf(types);
    }

    /** The body of an event the door has just saved (read in the move's transaction). */
    Payload of(RequestEventRecorded event) {
        Object[] row = (Object[]) entities.createNativeQuery("""
                select e.seq, r.tracking_code from request_event e join citizen_request r on r.id = e.request_id
                where e.id = :id""").setParameter("id", event.eventId()).getSingleResult();
        return payload(event.eventId(), event.requestId(), event.type().name(), event.occurredAt(),
                ((Number) row[0]).longValue(), data(event.requestId(), (String) row[1], event.administrationId(),
                        name(event.fromStatus()), name(event.toStatus()), event.data()));
    }

    /** The body of a stored event, for a replay (the body sent first is erased once delivered). */
    Optional<Payload> ofStored(UUID eventId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select e.request_id, e.type, e.occurred_at, e.seq, r.tracking_code, r.administration_id,
                       e.from_status, e.to_status, cast(e.data as text)
                from request_event e join citizen_request r on r.id = e.request_id
                where e.id = :id""").setParameter("id", eventId).getResultList();
        return rows.stream().findFirst().map(row -> {
            UUID requestId = (UUID) row[0];
            return payload(eventId, requestId, (String) row[1], instant(row[2]), ((Number) row[3]).longValue(),
                    data(requestId, (String) row[4], (UUID) row[5], (String) row[6], (String) row[7], parse((String) row[8])));
        });
    }

    /** The erasure event: the request's id and tracking code only. */
    Payload erased(UUID eventId, UUID requestId, String trackingCode, long sequence, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", requestId);
        data.put("trackingCode", trackingCode);
        return payload(eventId, requestId, REQUEST_ERASED, at, sequence, data);
    }

    private static Map<String, Object> data(UUID requestId, String trackingCode, UUID administrationId, String from,
            String to, Map<String, Object> details) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", requestId);
        data.put("trackingCode", trackingCode);
        data.put("administrationId", administrationId);
        data.put("fromStatus", from);
        data.put("toStatus", to);
        data.put("details", details == null ? Map.of() : details);
        return data;
    }

    private Payload payload(UUID eventId, UUID requestId, String type, Instant occurredAt, long sequence,
            Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", type);
        body.put("occurredAt", occurredAt.toString());
        body.put("sequence", sequence);
        body.put("data", data);
        try {
            return new Payload(eventId, requestId, type, occurredAt, sequence, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook body is made of ids, codes and strings", e);
        }
    }

    private Map<String, Object> parse(String data) {
        try {
            return data == null ? Map.of() : json.readValue(data, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request_event.data is JSON", e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
