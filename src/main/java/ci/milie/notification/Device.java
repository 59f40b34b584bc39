package ci.milie.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A phone (or browser) that receives push notifications: its FCM registration token, and whose it
 * is, a citizen's account or the holder of one request's key.
 */
@Entity
@Table(name = "device")
class Device {

    @Id
    private UUID id;
    private String token;
    @Column(name = "citizen_id")
    private UUID citizenId;
    @Column(name = "request_id")
    private UUID requestId;
    @Enumerated(EnumType.STRING)
    private Devices.Platform platform;
    @Column(name = "app_version")
    private String appVersion;
    private String language;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    protected Device() {
    }

    Device(String token, Instant now) {
        this.id = UUID.randomUUID();
        this.token = token;
        this.createdAt = now;
    }

    /** Registering again moves the token to its new owner and refreshes what the app says of itself. */
    void registeredBy(Devices.Owner owner, Devices.Platform platform, String appVersion, String language, Instant now) {
        this.citizenId = owner.citizenId();
        this.requestId = owner.requestId();
        this.platform = platform;
        this.appVersion = appVersion;
        this.language = language;
        this.lastSeenAt = now;
    }

    boolean ownedBy(Devices.Owner owner) {
        return owner.equals(new Devices.Owner(citizenId, requestId));
    }

    UUID id() {
        return id;
    }

    String token() {
        return token;
    }

    Devices.Platform platform() {
        return platform;
    }

    String appVersion() {
        return appVersion;
    }

    String language() {
        return language;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastSeenAt() {
        return lastSeenAt;
    }
}
