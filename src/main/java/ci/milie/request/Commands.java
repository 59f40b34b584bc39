package ci.milie.request;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ci.milie.directory.RequestType;

/** Bodies of the actions on a request. */
public final class Commands {

    private Commands() {
    }

    @Schema(name = "ClaimCommand", description = "The receipt of a request filed without an account")
    public record Claim(
            @NotBlank @Size(max = 32) @Schema(description = "The tracking code, any case", examples = "MIL-7KQ2-9XD3") String trackingCode,
            @NotBlank @Size(max = 100) @Schema(description = "The access key of the receipt", examples = "k7Qp2xW9mR4tZ8vN3bL6yH1c") String accessKey) {
    }

    @Schema(name = "QualificationDecision")
    public enum Decision {
        ACCEPT, REJECT
    }

    @Schema(name = "RejectionReason")
    public enum RejectionReason {
        OUT_OF_SCOPE, ABUSIVE, DUPLICATE, INSUFFICIENT
    }

    @Schema(name = "QualificationCommand", description = "ACCEPT (may correct type and category) or REJECT with a reason")
    public record Qualification(
            @NotNull Decision decision,
            @Schema(description = "ACCEPT: corrected type") RequestType type,
            @Size(max = 32) @Schema(description = "ACCEPT: corrected category") String categoryCode,
            @Schema(description = "REJECT: why") RejectionReason reasonCode,
            @Schema(description = "REJECT with DUPLICATE: the original request") UUID duplicateOf,
            @Size(max = 2000) @Schema(description = "REJECT: message to the citizen") String message) {
    }

    @Schema(name = "RoutingCommand")
    public record Routing(
            @NotNull UUID administrationId,
            @Size(max = 2000) @Schema(description = "Why (required when re-routing); internal") String reason) {
    }

    @Schema(name = "MessageCommand", description = "Staff: a question to the citizen; citizen: the reply")
    public record Message(@NotBlank @Size(max = 5000) String text) {
    }

    @Schema(name = "NoteCommand")
    public record Note(@NotBlank @Size(max = 5000) String text) {
    }

    @Schema(name = "HandbackCommand")
    public record Handback(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "CloseCommand")
    public record Close(@Size(max = 2000) @Schema(description = "Message to the citizen") String message) {
    }
}
