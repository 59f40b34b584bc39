package ci.milie.request;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * Encrypts the access key kept for an idempotent replay (AES-256-GCM, key {@code milie.idempotency.key}),
 * so that the database never holds it in clear: a retry on a flaky connection still gets the key
 * it never received. The Idempotency-Key is the associated data: a sealed value only opens for the
 * record it was written for. Dev and test generate a key per start when none is configured;
 * production refuses to start without one.
 */
@ApplicationScoped
@Startup
class IdempotencyCipher {

    private static final Logger LOG = Logger.getLogger(IdempotencyCipher.class);
    private static final String VERSION = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    IdempotencyCipher(@ConfigProperty(name = "milie.idempotency.key") Optional<String> configured) {
        this.key = new SecretKeySpec(keyBytes(configured.filter(k -> !k.isBlank()), LaunchMode.current()), "AES");
    }

    static byte[] keyBytes(Optional<String> configured, LaunchMode mode) {
        if (configured.isEmpty()) {
            if (mode == LaunchMode.NORMAL) {
                throw new IllegalStateException("milie.idempotency.key is not configured: set MILIE_IDEMPOTENCY_KEY "
                        + "to 32 random bytes in base64 (openssl rand -base64 32)");
            }
            byte[] generated = new byte[32];
            RANDOM.nextBytes(generated);
            return generated;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured.get().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("milie.idempotency.key is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("milie.idempotency.key must be 32 bytes (base64 of 44 characters), not "
                    + bytes.length);
        }
        return bytes;
    }

    /** {@code v1.} and the base64url of nonce, ciphertext and tag. */
    String seal(String secret, String idempotencyKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, idempotencyKey);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JVM", e);
        }
    }

    /**
     * The secret, or empty when it cannot be opened: written under another key (milie.idempotency.key
     * changed, or a generated one in dev), or before the key was encrypted.
     */
    Optional<String> open(String sealed, String idempotencyKey) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed.substring(VERSION.length()));
            if (in.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, idempotencyKey);
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            LOG.warnf("An idempotency record's access key could not be decrypted (was milie.idempotency.key changed?): %s",
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String idempotencyKey) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(idempotencyKey.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
