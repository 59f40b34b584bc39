package ci.milie.request;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SecondaryRow;
import org.hibernate.type.SqlTypes;

/**
 * One line of a request's history. Never updated nor deleted (the database refuses both). Its free
 * text lives apart, in {@code request_event_text} (a row only when there is a message): the
 * immutable row holds no personal data, and erasure and retention may rewrite the text.
 */
@Entity
@Immutable
@Table(name = "request_event")
@SecondaryTable(name = "request_event_text", pkJoinColumns = @PrimaryKeyJoinColumn(name = "event_id"))
@SecondaryRow(table = "request_event_text", optional = true)
public class RequestEvent {

    @Id
    private UUID id;
    @Column(name = "request_id")
    private UUID requestId;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    private EventType type;
    @Column(name = "actor_id")
    private UUID actorId;
    @Column(name = "actor_role")
    private String actorRole;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private RequestStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private RequestStatus toStatus;
    @Column(table = "request_event_text")
    private String message;
    @Enumerated(EnumType.STRING)
    private Visibility visibility;
    /** Ids and codes the event is about (docs/EVENTS.md): what figures and subscribers read, never free text. */
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> data;
    /** Written by the database: the order of events that share a timestamp. */
    @Column(insertable = false, updatable = false)
    private Long seq;

    protected RequestEvent() {
    }

    RequestEvent(UUID requestId, Instant at, EventType type, Actor actor, RequestStatus from, RequestStatus to,
            String message, Visibility visibility, Map<String, Object> data) {
        this.id = UUID.randomUUID();
        this.requestId = requestId;
        this.occurredAt = at;
        this.type = type;
        this.actorId = actor.id();
        this.actorRole = actor.role();
        this.fromStatus = from;
        this.toStatus = to;
        this.message = message;
        this.visibility = visibility;
        this.data = Map.copyOf(data);
    }

    public UUID id() {
        return id;
    }

    public UUID requestId() {
        return requestId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public EventType type() {
        return type;
    }

    public UUID actorId() {
        return actorId;
    }

    public String actorRole() {
        return actorRole;
    }

    public RequestStatus fromStatus() {
        return fromStatus;
    }

    public RequestStatus toStatus() {
        return toStatus;
    }

    public String message() {
        return message;
    }

    public Visibility visibility() {
        return visibility;
    }

    public Map<String, Object> data() {
        return data == null ? Map.of() : data;
    }
}
