package ci.milie.integration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookReplayView", description = "How many events were queued again")
public record WebhookReplayView(@Schema(description = "Deliveries queued, one per event") int queued) {
}
