package ci.milie.integration;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One event on its way to one subscription: its body until delivered, and the log of its attempts. */
@Entity
@Table(name = "webhook_delivery")
class WebhookDelivery {

    enum Status {
        PENDING, SENDING, DELIVERED, FAILED
    }

    @Id
    private UUID id;
    /** Written by the database: the order of the deliveries of one (subscription, request). */
    @Column(insertable = false, updatable = false)
    private Long position;
    @Column(name = "subscription_id")
    private UUID subscriptionId;
    @Column(name = "event_id")
    private UUID eventId;
    @Column(name = "request_id")
    private UUID requestId;
    @Column(name = "event_type")
    private String eventType;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private long sequence;
    private String body;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "sending_until")
    private Instant sendingUntil;
    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;
    @Column(name = "last_response_code")
    private Integer lastResponseCode;
    @Column(name = "last_latency_ms")
    private Integer lastLatencyMs;
    @Column(name = "delivered_at")
    private Instant deliveredAt;
    @Column(name = "replay_of")
    private UUID replayOf;
    @Column(name = "created_at")
    private Instant createdAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(UUID subscriptionId, WebhookPayloads.Payload payload, UUID replayOf, Instant now) {
        this.id = UUID.randomUUID();
        this.subscriptionId = subscriptionId;
        this.eventId = payload.eventId();
        this.requestId = payload.requestId();
        this.eventType = payload.type();
        this.occurredAt = payload.occurredAt();
        this.sequence = payload.sequence();
        this.body = payload.body();
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.replayOf = replayOf;
        this.createdAt = now;
    }

    void startSending(Instant now, Duration timeout) {
        status = Status.SENDING;
        attempts++;
        lastAttemptAt = now;
        sendingUntil = now.plus(timeout);
    }

    void delivered(int code, long latencyMs, Instant now) {
        status = Status.DELIVERED;
        lastResponseCode = code;
        lastLatencyMs = (int) Math.min(Integer.MAX_VALUE, latencyMs);
        deliveredAt = now;
        body = null;
        sendingUntil = null;
    }

    /** A failed attempt: tried again at {@code next}, or given up (body erased) when null. */
    void failed(Integer code, long latencyMs, Instant next) {
        lastResponseCode = code;
        lastLatencyMs = (int) Math.min(Integer.MAX_VALUE, latencyMs);
        sendingUntil = null;
        if (next == null) {
            status = Status.FAILED;
            body = null;
        } else {
            status = Status.PENDING;
            nextAttemptAt = next;
        }
    }

    UUID id() {
        return id;
    }

    Long position() {
        return position;
    }

    UUID subscriptionId() {
        return subscriptionId;
    }

    UUID eventId() {
        return eventId;
    }

    UUID requestId() {
        return requestId;
    }

    String eventType() {
        return eventType;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    long sequence() {
        return sequence;
    }

    String body() {
        return body;
    }

    Status status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    Integer lastResponseCode() {
        return lastResponseCode;
    }

    Integer lastLatencyMs() {
        return lastLatencyMs;
    }

    Instant deliveredAt() {
        return deliveredAt;
    }

    UUID replayOf() {
        return replayOf;
    }

    Instant createdAt() {
        return createdAt;
    }
}
