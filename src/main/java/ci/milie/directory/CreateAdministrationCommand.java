package ci.milie.directory;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateAdministrationCommand", description = "A new administration")
public record CreateAdministrationCommand(
        @Schema(description = "Unique code: uppercase letters, digits, inner dashes", examples = "MSHPCMU", minLength = 2, maxLength = 32)
        @NotBlank @Size(min = Codes.MIN, max = Codes.MAX) @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @Schema(examples = "Ministère de la Santé, de l'Hygiène publique et de la Couverture maladie universelle", maxLength = 200)
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "The name in English; the French name stands for it when absent", examples = "Ministry of Health, Public Hygiene and Universal Health Coverage", maxLength = 200, nullable = true)
        @Size(max = 200) String nameEn,
        @Schema(examples = "MSHPCMU", maxLength = 32, nullable = true)
        @Size(max = 32) String acronym,
        @NotNull AdministrationKind kind,
        @Schema(description = "Administration this one belongs to (a directorate's ministry)", nullable = true)
        UUID parentId,
        @Schema(description = "Institutional address for notifications", examples = "contact@sante.gouv.ci", maxLength = 254, nullable = true)
        @Email @Size(max = 254) String contactEmail,
        @Schema(description = "Whether OSEP reviews answers before they reach the citizen; true when absent", nullable = true)
        Boolean answerReviewRequired) {
}
