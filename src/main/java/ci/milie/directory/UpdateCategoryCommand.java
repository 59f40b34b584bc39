package ci.milie.directory;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UpdateCategoryCommand", description = "The full new state of a category (absent optional fields are cleared)")
public record UpdateCategoryCommand(
        @Schema(description = "Unique code: uppercase letters, digits, inner dashes", examples = "ETAT-CIVIL", minLength = 2, maxLength = 32)
        @NotBlank @Size(min = Codes.MIN, max = Codes.MAX) @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @Schema(maxLength = 200)
        @NotBlank @Size(max = 200) String labelFr,
        @Schema(maxLength = 200)
        @NotBlank @Size(max = 200) String labelEn,
        @Schema(maxLength = 2000, nullable = true)
        @Size(max = 2000) String descriptionFr,
        @Schema(maxLength = 2000, nullable = true)
        @Size(max = 2000) String descriptionEn,
        @Schema(nullable = true)
        String parentCode,
        @Schema(minItems = 1)
        @NotEmpty Set<@NotNull RequestType> applicableTypes,
        @Schema(nullable = true)
        UUID defaultAdministrationId,
        @Schema(description = "false deactivates, true reactivates; unchanged when absent", nullable = true)
        Boolean active,
        @Schema(description = "The version last read; if given and no longer current, 409 CONCURRENT_MODIFICATION", nullable = true)
        Long version) {
}
