package ci.milie.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The devices that receive push notifications, registered by the app for a citizen's account or for
 * the holder of one request's key. Registration is idempotent: the same token registered again is
 * refreshed (and moved, should another owner register it: a phone changes hands, or an account).
 */
@ApplicationScoped
public class Devices {

    /** An FCM registration token: URL-safe characters, nothing else (it also travels in a path). */
    public static final String TOKEN_PATTERN = "^[A-Za-z0-9_:\\-]{32,512}$";

    /** The documentation both doors share (MyDevicesResource, request.KeyHolderDevicesResource). */
    public static final String REGISTRATION_EXAMPLE = """
            {"token": "fJ3kq9XbTnW2:APA91bHk7Qp2xW9mR4tZ8vN3bL6yH1cE5sD0aF7gJ2kL9zX4cV8bN1mQ", "platform": "ANDROID",
             "appVersion": "2.4.0", "language": "fr"}""";
    public static final String DEVICE_EXAMPLE = """
            {"id": "5c2e8a1f-9b3d-4e7a-8f6c-1d2b3a4c5e6f", "platform": "ANDROID", "appVersion": "2.4.0", "language": "fr",
             "createdAt": "2026-11-29T08:00:00Z", "lastSeenAt": "2026-11-29T08:00:00Z"}""";
    public static final String PUSH_DOC = "A push carries a title and a text in the device's language, and data with "
            + "three keys only: event (STATUS_CHANGED, INFORMATION_REQUESTED or ANSWER_DELIVERED, the last one inviting "
            + "a rating), trackingCode and status; the app fetches the rest with its token or key. A device whose token "
            + "FCM reports as unregistered is forgotten.";

    @Schema(name = "DevicePlatform", description = "Where the app runs")
    public enum Platform {
        ANDROID, IOS, WEB
    }

    /** A citizen's account or one request (its key holder): exactly one of the two. */
    public record Owner(UUID citizenId, UUID requestId) {

        public static Owner citizen(UUID citizenId) {
            return new Owner(citizenId, null);
        }

        public static Owner keyHolderOf(UUID requestId) {
            return new Owner(null, requestId);
        }
    }

    @Schema(name = "DeviceRegistration", description = "A device of the app, to receive push notifications")
    public record Registration(
            @NotBlank @Pattern(regexp = TOKEN_PATTERN)
            @Schema(description = "The FCM registration token the app got from Firebase (32 to 512 letters, digits, "
                    + "'_', ':' or '-')", examples = "fJ3kq9XbTnW2:APA91bHk7Qp2xW9mR4tZ8vN3bL6yH1cE5sD0aF7gJ2kL9zX4cV8bN1mQ") String token,
            @NotNull @Schema(description = "Where the app runs") Platform platform,
            @NotBlank @Pattern(regexp = "^[0-9A-Za-z][0-9A-Za-z.+_-]{0,39}$")
            @Schema(description = "The app's version, as the app names it", examples = "2.4.0") String appVersion,
            @NotBlank @Pattern(regexp = "^(fr|en)$")
            @Schema(description = "The language of the notifications: fr or en", examples = "fr") String language) {
    }

    @Schema(name = "DeviceView", description = "A registered device")
    public record DeviceView(
            @Schema(required = true, description = "The device's id") UUID id,
            @Schema(required = true, description = "Where the app runs") Platform platform,
            @Schema(required = true, description = "The app's version at its last registration") String appVersion,
            @Schema(required = true, description = "The language of its notifications") String language,
            @Schema(required = true, description = "First registered") Instant createdAt,
            @Schema(required = true, description = "Last registered (the app registers at each start)") Instant lastSeenAt) {
    }

    /** A registration's outcome: the device, and whether it was new (201) or refreshed (200). */
    public record Registered(DeviceView device, boolean created) {
    }

    private final DeviceRepository devices;
    private final EntityManager em;
    private final Clock clock;

    Devices(DeviceRepository devices, EntityManager em, Clock clock) {
        this.devices = devices;
        this.em = em;
        this.clock = clock;
    }

    /**
     * Registers the token for this owner, or refreshes it. One statement, so that two registrations
     * of one token at once (an app retrying) both succeed with one row.
     */
    @Transactional
    public Registered register(Owner owner, Registration registration) {
        Instant now = clock.instant();
        Object[] row = (Object[]) em.createNativeQuery("""
                insert into device (id, token, citizen_id, request_id, platform, app_version, language, created_at, last_seen_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
                on conflict (token) do update
                   set citizen_id = excluded.citizen_id, request_id = excluded.request_id,
                       platform = excluded.platform, app_version = excluded.app_version,
                       language = excluded.language, last_seen_at = excluded.last_seen_at
                returning id, created_at, xmax = 0""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, registration.token())
                .setParameter(3, owner.citizenId())
                .setParameter(4, owner.requestId())
                .setParameter(5, registration.platform().name())
                .setParameter(6, registration.appVersion())
                .setParameter(7, registration.language())
                .setParameter(8, now)
                .getSingleResult();
        DeviceView view = new DeviceView((UUID) row[0], registration.platform(), registration.appVersion(),
                registration.language(), instant(row[1]), now);
        return new Registered(view, Boolean.TRUE.equals(row[2]));
    }

    private static Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        return (Instant) value;
    }

    /**
     * Forgets the token if this owner holds it. A token of someone else's, or unknown, is left as it
     * is, and the answer is the same: a caller learns nothing of others' devices.
     */
    @Transactional
    public void unregister(Owner owner, String token) {
        devices.byToken(token).filter(device -> device.ownedBy(owner)).ifPresent(devices::delete);
    }
}
