package ci.milie.directory;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateCategoryCommand", description = "A new category of the catalogue")
public record CreateCategoryCommand(
        @Schema(description = "Unique code: uppercase letters, digits, inner dashes", examples = "ETAT-CIVIL", minLength = 2, maxLength = 32)
        @NotBlank @Size(min = Codes.MIN, max = Codes.MAX) @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @Schema(examples = "État civil", maxLength = 200)
        @NotBlank @Size(max = 200) String labelFr,
        @Schema(examples = "Civil status", maxLength = 200)
        @NotBlank @Size(max = 200) String labelEn,
        @Schema(maxLength = 2000, nullable = true)
        @Size(max = 2000) String descriptionFr,
        @Schema(maxLength = 2000, nullable = true)
        @Size(max = 2000) String descriptionEn,
        @Schema(description = "Code of the theme this category belongs to; a theme has no parent itself", nullable = true)
        String parentCode,
        @Schema(description = "Request types this category accepts", minItems = 1)
        @NotEmpty Set<@NotNull RequestType> applicableTypes,
        @Schema(description = "Active administration requests of this category go to by default", nullable = true)
        UUID defaultAdministrationId) {
}
