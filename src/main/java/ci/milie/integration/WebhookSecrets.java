package ci.milie.integration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    private static final String VERSION = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    WebhookSecrets(@ConfigProperty(name = "milie.integrations.webhook-key") Optional<String> configured) {
        this.key = new SecretKeySpec(keyBytes(configured.filter(k -> !k.isBlank()), LaunchMode.current()), "AES");
    }

    static byte[] keyBytes(Optional<String> configured, LaunchMode mode) {
        if (configured.isEmpty()) {
            if (mode == LaunchMode.NORMAL) {
                throw new IllegalStateException("milie.integrations.webhook-key is not configured: set "
                        + "MILIE_INTEGRATIONS_WEBHOOK_KEY to 32 random bytes in base64 (openssl rand -base64 32)");
            }
            byte[] generated = new byte[32];
            RANDOM.nextBytes(generated);
            return generated;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured.get().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("milie.integrations.webhook-key is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("milie.integrations.webhook-key must be 32 bytes, not " + bytes.length);
        }
        return bytes;
    }

    /** A new signing secret: 256 random bits. */
    static String generate() {
        return PREFIX + Secrets.random(32);
    }

    String seal(String secret, UUID subscriptionId) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, subscriptionId).doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JVM", e);
        }
    }

    /** The secret; fails when it was sealed under another key (the key changed: rotate the secret). */
    String open(String sealed, UUID subscriptionId) {
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed.substring(VERSION.length()));
            byte[] nonce = Arrays.copyOf(in, NONCE_BYTES);
            byte[] plain = cipher(Cipher.DECRYPT_MODE, nonce, subscriptionId).doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new IllegalStateException("The signing secret of webhook " + subscriptionId
                    + " cannot be decrypted (was milie.integrations.webhook-key changed?)");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, UUID subscriptionId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
