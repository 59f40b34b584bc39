package ci.milie.integration;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ci.milie.common.SealedBox;
import ci.milie.common.Secrets;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * The webhooks' signing secrets: made ({@code whsec_} and 32 random bytes), and sealed for the
 * database with AES-256-GCM under {@code milie.integrations.webhook-key}: unlike a password, a
 * signing secret must be read back to sign. The subscription's id is the associated data, so a
 * sealed secret only opens for its own subscription. Dev and test generate a key per start when
 * none is configured; production refuses to start without one.
 */
@ApplicationScoped
@Startup
class WebhookSecrets {

    static final String PREFIX = "whsec_";

    private final SealedBox box;

    WebhookSecrets(@ConfigProperty(name = "milie.integrations.webhook-key") Optional<String> configured) {
        this.box = SealedBox.of("milie.integrations.webhook-key", "MILIE_INTEGRATIONS_WEBHOOK_KEY", configured,
                LaunchMode.current());
    }

    /** A new signing secret: 256 random bits. */
    static String generate() {
        return PREFIX + Secrets.random(32);
    }

    String seal(String secret, UUID subscriptionId) {
        return box.seal(secret, subscriptionId.toString());
    }

    /** The secret; fails when it was sealed under another key (the key changed: rotate the secret). */
    String open(String sealed, UUID subscriptionId) {
        return box.open(sealed, subscriptionId.toString()).orElseThrow(() -> new IllegalStateException(
                "The signing secret of webhook " + subscriptionId
                        + " cannot be decrypted (was milie.integrations.webhook-key changed?)"));
    }
}
