package ci.milie.integration;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReplayWebhookCommand", description = "The events to send again: those that occurred from `from` (included) to `to` (excluded)")
public record ReplayWebhookCommand(
        @Schema(examples = "2026-11-29T08:00:00Z") @NotNull Instant from,
        @Schema(examples = "2026-11-29T12:00:00Z") @NotNull Instant to) {
}
