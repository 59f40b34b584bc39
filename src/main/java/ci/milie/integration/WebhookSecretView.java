package ci.milie.integration;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookSecretView", description = "A signing secret, shown this once: Miliê cannot show it again")
public record WebhookSecretView(
        WebhookView webhook,
        @Schema(description = "whsec_ and 256 random bits: the HMAC-SHA256 key of Milie-Signature's v1",
                examples = "whsec_3q2-7wVh1mQ0s9cXbS6k2f4HhYg0pL8nR5tU1vW3xYz") String secret) {
}
