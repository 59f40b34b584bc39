package ci.milie.privacy;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ci.milie.common.ValidPhone;

/** Bodies of the privacy endpoints. */
public final class PrivacyCommands {

    private PrivacyCommands() {
    }

    /** Where a signed-in citizen's confirmation code goes. */
    @Schema(name = "PrivacyCodeChannel", description = "EMAIL or SMS; by default the account's e-mail if it has one, its phone otherwise")
    public enum CodeChannel {
        EMAIL, SMS
    }

    @Schema(name = "MyPrivacyCodeCommand", description = "Send a confirmation code to the account's e-mail or phone")
    public record MyCode(CodeChannel channel) {
    }

    @Schema(name = "MyPrivacyConfirmation", description = "The code sent to the account, and the channel it was sent on")
    public record MyConfirmation(
            @NotBlank @Pattern(regexp = "\\d{6}", message = "{milie.sixDigitCode}") @Schema(examples = "123456") String code,
            CodeChannel channel) {
    }

    @Schema(name = "CallerContactCommand", description = "OSEP: the e-mail or phone a caller gave (exactly one)")
    public record CallerContact(
            @Email @Size(max = 254) @Schema(examples = "awa@example.ci") String email,
            @ValidPhone @Size(max = 32) @Schema(examples = "+2250701020304") String phone) {
    }

    @Schema(name = "CallerConfirmation", description = "OSEP: the caller's e-mail or phone (exactly one) and the code they read back")
    public record CallerConfirmation(
            @Email @Size(max = 254) String email,
            @ValidPhone @Size(max = 32) String phone,
            @NotBlank @Pattern(regexp = "\\d{6}", message = "{milie.sixDigitCode}") @Schema(examples = "123456") String code) {
    }

    @Schema(name = "PrivacyCodeSent")
    public record CodeSent(
            @Schema(description = "Seconds the code stays valid", examples = "600") long expiresIn,
            @Schema(description = "Where it went", examples = "EMAIL") CodeChannel channel,
            @Schema(description = "The destination, masked", examples = "a***@example.ci") String sentTo) {
    }

    @Schema(name = "ErasureSummary", description = "What an erasure removed; the requests stay, without personal data, in the statistics")
    public record ErasureSummary(
            @Schema(description = "Requests whose personal data were erased", examples = "2") int requestsAnonymised,
            @Schema(description = "Files deleted", examples = "1") int filesDeleted,
            @Schema(description = "Whether a citizen account was deleted", examples = "true") boolean accountDeleted) {
    }
}
