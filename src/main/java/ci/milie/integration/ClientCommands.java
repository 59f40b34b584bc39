package ci.milie.integration;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies accepted by {@link ClientResource}. */
final class ClientCommands {

    private ClientCommands() {
    }

    @Schema(name = "CreateIntegrationClientCommand")
    record Create(
            @NotBlank @Size(max = 120) @Schema(examples = "Dossiers santé (SIH)") String name,
            @NotBlank @Email @Size(max = 254) @Schema(description = "The technical contact", examples = "dsi@sante.gouv.ci") String contactEmail,
            @Schema(description = "The administration the client belongs to; absent for a client of OSEP") UUID administrationId,
            @NotNull @NotEmpty @Schema(description = "At least one; REQUESTS_ACT only for a client of an administration") Set<Permission> permissions,
            @Size(max = 20) @Schema(description = "Addresses or CIDR blocks it may call from; empty or absent: any", examples = "[\"196.47.128.0/24\"]") List<@NotBlank @Size(max = 50) String> allowedAddresses) {
    }

    @Schema(name = "UpdateIntegrationClientCommand", description = "Replaces the client's fields")
    record Update(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Email @Size(max = 254) String contactEmail,
            UUID administrationId,
            @NotNull @NotEmpty Set<Permission> permissions,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> allowedAddresses,
            @Schema(description = "false deactivates the client: its tokens stop working", defaultValue = "true") Boolean active) {
    }
}
