package ci.milie.integration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An integration client's subscription: where to send which request events, and the secret that signs them. */
@Entity
@Table(name = "webhook_subscription")
class WebhookSubscription {

    @Id
    private UUID id;
    @Column(name = "client_id")
    private UUID clientId;
    private String url;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types")
    private String[] eventTypes;
    private boolean active;
    @Column(name = "secret_sealed")
    private String secretSealed;
    @Column(name = "previous_secret_sealed")
    private String previousSecretSealed;
    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;
    @Column(name = "consecutive_failures")
    private int consecutiveFailures;
    @Column(name = "disabled_reason")
    private String disabledReason;
    @Column(name = "disabled_at")
    private Instant disabledAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected WebhookSubscription() {
    }

    WebhookSubscription(UUID id, UUID clientId, String url, List<String> eventTypes, boolean active, String secretSealed,
            Instant now) {
        this.id = id;
        this.clientId = clientId;
        this.url = url;
        this.eventTypes = eventTypes.toArray(String[]::new);
        this.active = active;
        this.secretSealed = secretSealed;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(String url, List<String> eventTypes, boolean active, Instant now) {
        this.url = url;
        this.eventTypes = eventTypes.toArray(String[]::new);
        if (active && !this.active) {
            // Turned on again by its client: the failures that disabled it start over.
            this.consecutiveFailures = 0;
            this.disabledReason = null;
            this.disabledAt = null;
        }
        this.active = active;
        this.updatedAt = now;
    }

    /** The new secret signs from now on; the current one still does until {@code overlapEnds}. */
    void rotate(String newSealed, Instant now, Instant overlapEnds) {
        this.previousSecretSealed = secretSealed;
        this.previousSecretUntil = overlapEnds;
        this.secretSealed = newSealed;
        this.updatedAt = now;
    }

    void succeeded() {
        consecutiveFailures = 0;
    }

    /** Counts a failed attempt; true when that run of failures disables the subscription. */
    boolean failed(int maxFailures, Instant now) {
        consecutiveFailures++;
        if (active && consecutiveFailures >= maxFailures) {
            disable(WebhookDisabledReason.FAILURES, now);
            return true;
        }
        return false;
    }

    /** True when it was active. */
    boolean disable(WebhookDisabledReason reason, Instant now) {
        if (!active) {
            return false;
        }
        active = false;
        disabledReason = reason.name();
        disabledAt = now;
        updatedAt = now;
        return true;
    }

    UUID id() {
        return id;
    }

    UUID clientId() {
        return clientId;
    }

    String url() {
        return url;
    }

    List<String> eventTypes() {
        return List.of(eventTypes);
    }

    boolean active() {
        return active;
    }

    String secretSealed() {
        return secretSealed;
    }

    /** The previous secret while it still signs at {@code now}. */
    String previousSecretSealed(Instant now) {
        return previousSecretUntil != null && now.isBefore(previousSecretUntil) ? previousSecretSealed : null;
    }

    Instant previousSecretUntil() {
        return previousSecretUntil;
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }

    String disabledReason() {
        return disabledReason;
    }

    Instant disabledAt() {
        return disabledAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }
}
