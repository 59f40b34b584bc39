package ci.milie.integration;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One secret of an integration client, kept as its SHA-256 only. */
@Entity
@Table(name = "integration_client_secret")
public class ClientSecret {

    @Id
    private UUID id;
    @Column(name = "client_id")
    private UUID clientId;
    @Column(name = "secret_hash")
    private String secretHash;
    @Column(name = "created_at")
    private Instant createdAt;
    /** Null while it is the current secret. */
    @Column(name = "valid_until")
    private Instant validUntil;

    protected ClientSecret() {
    }

    ClientSecret(UUID clientId, String secretHash, Instant now) {
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.secretHash = secretHash;
        this.createdAt = now;
    }

    /** A newer secret replaces this one, which keeps working until {@code until}. */
    void replacedUntil(Instant until) {
        if (validUntil == null || until.isBefore(validUntil)) {
            validUntil = until;
        }
    }

    boolean validAt(Instant now) {
        return validUntil == null || now.isBefore(validUntil);
    }

    UUID clientId() {
        return clientId;
    }

    String secretHash() {
        return secretHash;
    }

    Instant validUntil() {
        return validUntil;
    }
}
