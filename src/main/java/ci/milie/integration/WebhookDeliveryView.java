package ci.milie.integration;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDeliveryView", description = "One event sent (or to send) to a webhook, and its attempts")
public record WebhookDeliveryView(
        UUID id,
        @Schema(description = "The event's id, the body's id and Milie-Event-Id: the same on retries and replays")
        UUID eventId,
        UUID requestId,
        String eventType,
        Instant occurredAt,
        long sequence,
        @Schema(enumeration = { "PENDING", "SENDING", "DELIVERED", "FAILED" }) String status,
        int attempts,
        @Schema(description = "The receiver's last answer; null when none came (refused, timed out)", nullable = true)
        Integer lastResponseCode,
        @Schema(description = "Milliseconds the last attempt took", nullable = true) Integer lastLatencyMs,
        @Schema(nullable = true) Instant lastAttemptAt,
        @Schema(description = "When it is tried next; null once delivered or given up", nullable = true)
        Instant nextAttemptAt,
        @Schema(nullable = true) Instant deliveredAt,
        @Schema(description = "The delivery this one replays", nullable = true) UUID replayOf,
        Instant createdAt) {

    static WebhookDeliveryView of(WebhookDelivery delivery) {
        boolean waiting = delivery.status() == WebhookDelivery.Status.PENDING;
        return new WebhookDeliveryView(delivery.id(), delivery.eventId(), delivery.requestId(), delivery.eventType(),
                delivery.occurredAt(), delivery.sequence(), delivery.status().name(), delivery.attempts(),
                delivery.lastResponseCode(), delivery.lastLatencyMs(), delivery.lastAttemptAt(),
                waiting ? delivery.nextAttemptAt() : null, delivery.deliveredAt(), delivery.replayOf(),
                delivery.createdAt());
    }
}
