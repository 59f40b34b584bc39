package ci.milie.identity;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Staff")
public record StaffView(
        UUID id,
        String email,
        String fullName,
        StaffRole role,
        @Schema(nullable = true) UUID administrationId,
        boolean active,
        @Schema(nullable = true) Instant lastLoginAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static StaffView of(StaffAccount account) {
        return new StaffView(account.id(), account.email(), account.fullName(), account.role(),
                account.administrationId(), account.active(), account.lastLoginAt(), account.createdAt(),
                account.updatedAt(), account.version());
    }
}
