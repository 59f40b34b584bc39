package ci.milie.request;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ci.milie.common.ValidPhone;
import ci.milie.directory.RequestType;

/** A citizen's new request, as the mobile app, a web form or an operator sends it. */
@Schema(name = "SubmitRequestCommand")
public record SubmitRequestCommand(
        @NotNull @Schema(examples = "COMPLAINT") RequestType type,
        @NotBlank @Size(max = 32) @Schema(examples = "ETAT-CIVIL") String categoryCode,
        @NotNull @Schema(description = "PHONE only for call-centre operators; USSD and SMS only through the aggregators' callbacks", examples = "MOBILE") Channel channel,
        @NotBlank @Size(min = 5, max = 200) @Schema(examples = "Extrait de naissance introuvable") String subject,
        @NotBlank @Size(min = 10, max = 5000) @Schema(examples = "Demandé il y a 3 mois à la mairie de Yopougon, toujours rien.") String description,
        @Schema(description = "The administration the citizen thinks is concerned, if any", nullable = true) UUID administrationId,
        @Valid LocationInput location,
        @Valid ContactInput contact,
        @Schema(description = "Hide the citizen's identity from the administration", defaultValue = "false") boolean anonymous) {

    @Schema(name = "LocationInput")
    public record LocationInput(
            @Size(max = 100) @Schema(description = "A region code of GET /api/v1/reference (regions[].code); the region's "
                    + "name, French or English, is accepted too and stored as its code", examples = "ABIDJAN") String region,
            @Size(max = 100) @Schema(examples = "Yopougon") String locality,
            @DecimalMin("-90") @DecimalMax("90") @Schema(examples = "5.336") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") @Schema(examples = "-4.087") Double longitude) {
    }

    @Schema(name = "ContactInput", description = "A complaint needs an e-mail or a phone")
    public record ContactInput(
            @Size(max = 200) @Schema(examples = "Awa Traoré") String fullName,
            @Email @Size(max = 254) @Schema(examples = "awa@example.ci") String email,
            @ValidPhone @Size(max = 32) @Schema(examples = "+2250701020304") String phone,
            @Pattern(regexp = "fr|en", message = "{milie.language}") @Schema(examples = "fr", defaultValue = "fr") String preferredLanguage) {
    }
}
