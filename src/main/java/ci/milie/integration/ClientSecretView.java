package ci.milie.integration;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new secret, shown this once: only its hash is kept. */
@Schema(name = "IntegrationClientSecret")
public record ClientSecretView(
        @Schema(description = "The client_id of the client-credentials grant") UUID clientId,
        @Schema(description = "The client_secret: shown once, store it now", examples = "mcs_q3XvYb1l0u9cE2mZ7kP4sR8tW6nA5dF0hJ3gL1oI2yU") String clientSecret,
        @Schema(description = "Until when the secret it replaces still works; null when there was none", nullable = true) Instant previousSecretValidUntil) {
}
