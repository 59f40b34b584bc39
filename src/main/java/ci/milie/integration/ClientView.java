package ci.milie.integration;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An integration client as sysadmins see it; never a secret. */
@Schema(name = "IntegrationClient")
public record ClientView(
        UUID id,
        String name,
        String contactEmail,
        @Schema(description = "Null for a client of OSEP", nullable = true) UUID administrationId,
        Set<Permission> permissions,
        @Schema(description = "Addresses or CIDR blocks it may call from; empty: any") List<String> allowedAddresses,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Also the ETag, for If-Match on PUT") long version) {

    static ClientView of(IntegrationClient client) {
        return new ClientView(client.id(), client.name(), client.contactEmail(), client.administrationId(),
                client.permissions(), client.allowedAddresses(), client.active(), client.createdAt(), client.updatedAt(),
                client.version());
    }
}
