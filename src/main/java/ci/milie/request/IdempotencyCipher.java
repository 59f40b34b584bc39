package ci.milie.request;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import ci.milie.common.SealedBox;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * Encrypts the access key kept for an idempotent replay (a {@link SealedBox} under
 * {@code milie.idempotency.key}), so that the database never holds it in clear: a retry on a flaky
 * connection still gets the key it never received. The Idempotency-Key is the associated data: a
 * sealed value only opens for the record it was written for.
 */
@ApplicationScoped
@Startup
class IdempotencyCipher {

    private static final Logger LOG = Logger.getLogger(IdempotencyCipher.class);
    static final String PROPERTY = "milie.idempotency.key";

    private final SealedBox box;

    @Inject
    IdempotencyCipher(@ConfigProperty(name = PROPERTY) Optional<String> configured) {
        this(configured, LaunchMode.current());
    }

    /** With the launch mode given (tests of the production rule). */
    IdempotencyCipher(Optional<String> configured, LaunchMode mode) {
        this.box = SealedBox.of(PROPERTY, "MILIE_IDEMPOTENCY_KEY", configured, mode);
    }

    String seal(String secret, String idempotencyKey) {
        return box.seal(secret, idempotencyKey);
    }

    /**
     * The secret, or empty when it cannot be opened: written under another key (milie.idempotency.key
     * changed, or a generated one in dev), or before the key was encrypted.
     */
    Optional<String> open(String sealed, String idempotencyKey) {
        Optional<String> opened = box.open(sealed, idempotencyKey);
        if (opened.isEmpty() && sealed != null && sealed.startsWith("v1.")) {
            LOG.warn("An idempotency record's access key could not be decrypted (was milie.idempotency.key changed?)");
        }
        return opened;
    }
}
