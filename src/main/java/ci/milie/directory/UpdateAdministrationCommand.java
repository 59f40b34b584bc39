package ci.milie.directory;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UpdateAdministrationCommand", description = "The full new state of an administration (absent optional fields are cleared)")
public record UpdateAdministrationCommand(
        @Schema(description = "Unique code: uppercase letters, digits, inner dashes", examples = "MSHPCMU", minLength = 2, maxLength = 32)
        @NotBlank @Size(min = Codes.MIN, max = Codes.MAX) @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @Schema(maxLength = 200)
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "The name in English; absent, the French name stands for it", maxLength = 200, nullable = true)
        @Size(max = 200) String nameEn,
        @Schema(maxLength = 32, nullable = true)
        @Size(max = 32) String acronym,
        @NotNull AdministrationKind kind,
        @Schema(nullable = true)
        UUID parentId,
        @Schema(maxLength = 254, nullable = true)
        @Email @Size(max = 254) String contactEmail,
        @Schema(description = "true when absent", nullable = true)
        Boolean answerReviewRequired,
        @Schema(description = "false deactivates, true reactivates; unchanged when absent", nullable = true)
        Boolean active,
        @Schema(description = "The version last read; if given and no longer current, 409 CONCURRENT_MODIFICATION", nullable = true)
        Long version) {
}
