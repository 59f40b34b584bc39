package ci.milie.request;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The first response given to an Idempotency-Key, replayed to retries for 24 hours; the purge job
 * removes it. A retry must get the same access key: it is kept encrypted ({@link IdempotencyCipher}),
 * and the tracking link, which carries it, is not kept.
 */
@Entity
@Table(name = "idempotency_record")
class IdempotencyRecord {

    @Id
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Column(name = "request_hash")
    private String requestHash;
    @Column(name = "request_id")
    private UUID requestId;
    @Column(name = "response_body")
    private String responseBody;
    @Column(name = "created_at")
    private Instant createdAt;

    protected IdempotencyRecord() {
    }

    IdempotencyRecord(String key, String requestHash, UUID requestId, String responseBody, Instant createdAt) {
        this.idempotencyKey = key;
        this.requestHash = requestHash;
        this.requestId = requestId;
        this.responseBody = responseBody;
        this.createdAt = createdAt;
    }

    String requestHash() {
        return requestHash;
    }

    String responseBody() {
        return responseBody;
    }

    Instant createdAt() {
        return createdAt;
    }
}
