package ci.milie.integration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookView", description = "A webhook subscription (its secret is shown only when made)")
public record WebhookView(
        UUID id,
        @Schema(description = "The integration client it belongs to") UUID clientId,
        String url,
        List<String> eventTypes,
        boolean active,
        @Schema(description = "Why Miliê disabled it: GONE (the receiver answered 410) or FAILURES (too many failed "
                + "attempts in a row); null when active or turned off by its client", nullable = true)
        WebhookDisabledReason disabledReason,
        @Schema(nullable = true) Instant disabledAt,
        @Schema(description = "Failed attempts in a row") int consecutiveFailures,
        @Schema(description = "Until when the previous secret still signs, after a rotation", nullable = true)
        Instant previousSecretValidUntil,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "For If-Match on PUT (also its ETag)") long version) {

    static WebhookView of(WebhookSubscription subscription, Instant now) {
        Instant overlap = subscription.previousSecretUntil();
        return new WebhookView(subscription.id(), subscription.clientId(), subscription.url(), subscription.eventTypes(),
                subscription.active(),
                subscription.disabledReason() == null ? null : WebhookDisabledReason.valueOf(subscription.disabledReason()), subscription.disabledAt(),
                subscription.consecutiveFailures(), overlap != null && overlap.isAfter(now) ? overlap : null,
                subscription.createdAt(), subscription.updatedAt(), subscription.version());
    }
}
