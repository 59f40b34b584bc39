package ci.milie.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ci.milie.common.ValidPhone;

/** A citizen's whole editable profile: PUT replaces all three fields (an absent one becomes null). */
@Schema(name = "UpdateMe", description = "The citizen's editable profile, replaced as a whole. The e-mail is not "
        + "editable; the phone is editable unless the account signed up with it (a code proved it)")
public record UpdateMeCommand(
        @Size(max = 200) @Schema(description = "Null or blank to give no name", nullable = true, examples = "Awa Traoré") String fullName,
        @ValidPhone @Size(max = 32) @Schema(description = "Null to remove an unproven phone; a new phone is not proven "
                + "by this call (it does not sign in nor claim requests)", nullable = true, examples = "+2250701020304") String phone,
        @NotNull @Pattern(regexp = "fr|en", message = "{milie.language}") @Schema(enumeration = { "fr", "en" }, examples = "fr") String preferredLanguage) {
}
