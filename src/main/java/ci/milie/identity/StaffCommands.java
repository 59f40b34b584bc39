package ci.milie.identity;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies accepted by {@link StaffResource}. */
final class StaffCommands {

    private StaffCommands() {
    }

    @Schema(name = "CreateStaffCommand")
    record Create(
            @NotBlank @Email @Size(max = 254) @Schema(examples = "k.kouassi@sante.gouv.ci") String email,
            @NotBlank @Size(max = 200) @Schema(examples = "Koffi Kouassi") String fullName,
            @NotNull @Schema(examples = "agent") StaffRole role,
            @Schema(description = "Required for an agent, forbidden otherwise") UUID administrationId,
            @NotBlank @Size(min = 12, max = 72) @Schema(description = "12 to 72 characters") String password) {
    }

    @Schema(name = "UpdateStaffCommand", description = "Replaces the account's fields; password only when given")
    record Update(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String fullName,
            @NotNull StaffRole role,
            UUID administrationId,
            @Schema(description = "false deactivates the account", defaultValue = "true") Boolean active,
            @Size(min = 12, max = 72) @Schema(description = "A new password, if it changes") String password,
            @Schema(description = "The version read; a stale one is refused with 409") Long version) {
    }
}
