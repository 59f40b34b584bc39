package ci.milie.integration;

import ci.milie.common.Secrets;

/**
 * The shape of a client secret: 32 random bytes (256 bits), URL-safe base64, after a prefix that
 * makes a leaked one easy to recognise (secret scanners, logs).
 */
final class ClientSecrets {

    static final String PREFIX = "mcs_";

    private ClientSecrets() {
    }

    static String generate() {
        return PREFIX + Secrets.random(32);
    }

    /**
     * SHA-256, a fast hash on purpose: a slow one (bcrypt) would make every call of the token
     * endpoint costly, a denial of service within anyone's reach; and 256 random bits need no
     * stretching, as no guess can cover them, unlike a password.
     */
    static String hash(String secret) {
        return Secrets.sha256(secret);
    }
}
