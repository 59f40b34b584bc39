package ci.milie.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ci.milie.common.ValidPhone;

/** Bodies accepted by {@link AuthResource}. */
final class AuthCommands {

    private AuthCommands() {
    }

    @Schema(name = "LoginCommand")
    record Login(
            @NotBlank @Email @Size(max = 254) @Schema(examples = "agent@sante.gouv.ci") String email,
            @NotBlank @Size(max = 128) String password) {
    }

    @Schema(name = "RefreshCommand")
    record Refresh(@NotBlank @Size(max = 200) String refreshToken) {
    }

    @Schema(name = "OtpRequestCommand", description = "Exactly one of email and phone")
    record OtpRequest(
            @Email @Size(max = 254) @Schema(examples = "awa@example.ci") String email,
            @ValidPhone @Size(max = 32) @Schema(examples = "+2250701020304") String phone,
            @Pattern(regexp = "fr|en", message = "{milie.language}") @Schema(nullable = true, examples = "en",
                    description = "Language of the code's message, fr or en; when absent: the account's preferred "
                            + "language if this contact has an account, else Accept-Language, else fr") String language) {
    }

    @Schema(name = "OtpVerifyCommand", description = "The e-mail or phone the code was sent to, and the code")
    record OtpVerify(
            @Email @Size(max = 254) String email,
            @ValidPhone @Size(max = 32) String phone,
            @NotBlank @Pattern(regexp = "\\d{6}", message = "{milie.sixDigitCode}") @Schema(examples = "123456") String code) {
    }

    @Schema(name = "OtpSent")
    record OtpSent(
            @Schema(description = "Seconds the code stays valid", examples = "600") long expiresIn,
            @Schema(description = "In the language asked for (language, else Accept-Language)",
                    examples = "If this address can receive messages, a code is on its way") String message) {
    }
}
