package ci.milie.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.quarkus.runtime.LaunchMode;

/**
 * A value the database keeps but must not hold in clear, and that Miliê must read back (a key to
 * replay, a secret to sign with): AES-256-GCM under a key from configuration, with associated data
 * (the id of what it belongs to), so that a sealed value only opens where it was written. Sealed
 * form: {@code v1.} and the base64url of nonce, ciphertext and tag. Dev and test generate a key per
 * start when none is configured; production refuses to start without one.
 */
public final class SealedBox {

    private static final String VERSION = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SealedBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The box of the key configured as {@code property} (set through {@code variable}): 32 bytes in
     * base64. Absent: a key of this run in dev and test, a refusal to start in production.
     */
    public static SealedBox of(String property, String variable, Optional<String> configured, LaunchMode mode) {
        return new SealedBox(keyBytes(property, variable, configured.filter(k -> !k.isBlank()), mode));
    }

    static byte[] keyBytes(String property, String variable, Optional<String> configured, LaunchMode mode) {
        if (configured.isEmpty()) {
            if (mode == LaunchMode.NORMAL) {
                throw new IllegalStateException(property + " is not configured: set " + variable
                        + " to 32 random bytes in base64 (openssl rand -base64 32)");
            }
            byte[] generated = new byte[32];
            RANDOM.nextBytes(generated);
            return generated;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured.get().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(property + " must be 32 bytes (base64 of 44 characters), not " + bytes.length);
        }
        return bytes;
    }

    public String seal(String plain, String associated) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, associated).doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JVM", e);
        }
    }

    /**
     * The value, or empty when it cannot be opened: sealed under another key (the key changed), for
     * other associated data, or not sealed at all.
     */
    public Optional<String> open(String sealed, String associated) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed.substring(VERSION.length()));
            if (in.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            byte[] nonce = Arrays.copyOf(in, NONCE_BYTES);
            byte[] plain = cipher(Cipher.DECRYPT_MODE, nonce, associated).doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String associated) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
