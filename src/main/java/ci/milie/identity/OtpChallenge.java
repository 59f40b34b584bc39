package ci.milie.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ci.milie.common.Secrets;

/**
 * A one-time code sent to a citizen, kept only as a salted hash: a sign-in code, or a code that
 * confirms a privacy act (export, erasure). A code serves only its own purpose.
 */
@Entity
@Table(name = "otp_challenge")
class OtpChallenge {

    enum Purpose {
        SIGN_IN, PRIVACY
    }

    enum Outcome {
        ACCEPTED, WRONG_CODE, EXPIRED, TOO_MANY_ATTEMPTS
    }

    @Id
    private UUID id;
    private String destination;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Purpose purpose;
    @Column(name = "code_hash")
    private String codeHash;
    private String salt;
    private int attempts;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "consumed_at")
    private Instant consumedAt;

    protected OtpChallenge() {
    }

    OtpChallenge(String destination, Purpose purpose, String code, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.destination = destination;
        this.purpose = purpose;
        this.salt = Secrets.random(16);
        this.codeHash = hash(code);
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** Checks a code; every wrong try counts, and the challenge is spent once accepted. */
    Outcome verify(String code, Instant now, int maxAttempts) {
        if (attempts >= maxAttempts) {
            return Outcome.TOO_MANY_ATTEMPTS;
        }
        if (!now.isBefore(expiresAt)) {
            return Outcome.EXPIRED;
        }
        if (!Secrets.sameHash(codeHash, hash(code))) {
            attempts++;
            return attempts >= maxAttempts ? Outcome.TOO_MANY_ATTEMPTS : Outcome.WRONG_CODE;
        }
        consumedAt = now;
        return Outcome.ACCEPTED;
    }

    private String hash(String code) {
        return Secrets.sha256(salt + ":" + code);
    }
}
