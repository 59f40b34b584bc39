package ci.milie.channel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An aggregator's delivery report, in the fields of Africa's Talking (JSON or form-encoded; other
 * aggregators' are mapped to these when they are connected). Only {@code id}, {@code status} and
 * {@code failureReason} are read: the number is not needed to find the message, and is not kept.
 */
@Schema(name = "SmsReceipt", description = "A delivery report for one SMS the platform sent")
public record SmsReceipt(
        @Schema(description = "The id the aggregator gave the message when it accepted it", examples = "ATXid_4f1c8e2b9d7a")
        @NotBlank @Size(max = 100) String id,
        @Schema(description = "Final: Success, Failed, Rejected (Africa's Talking), DELIVRD, UNDELIV, REJECTD, EXPIRED "
                + "(SMPP), or delivered, failed, expired. Others (Sent, Submitted, Buffered…) are on the way: ignored",
                examples = "Success")
        @NotBlank @Size(max = 40) String status,
        @Schema(description = "The number the message went to (not read)", examples = "+2250701020304")
        @Size(max = 20) String phoneNumber,
        @Schema(description = "The operator's network code (not read)", examples = "61201")
        @Size(max = 20) String networkCode,
        @Schema(description = "Why it failed, for Failed and Rejected", examples = "DeliveryFailure")
        @Size(max = 60) String failureReason,
        @Schema(description = "The aggregator's retries so far (not read)", examples = "0")
        Integer retryCount) {
}
