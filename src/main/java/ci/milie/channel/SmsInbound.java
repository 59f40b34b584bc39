package ci.milie.channel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A text message sent to Miliê's short code, in the fields of Africa's Talking's incoming messages
 * (JSON or form-encoded). {@code from} is the sender's MSISDN, believed because the callback is
 * authenticated; {@code id} recognises a message the aggregator posts again. The rest is not read.
 */
@Schema(name = "SmsInbound", description = "A text message received on the short code")
public record SmsInbound(
        @Schema(description = "The sender's number (MSISDN), with or without +, or in the national plan",
                examples = "+2250701020304")
        @NotBlank @Size(max = 20) String from,
        @Schema(description = "The short code it was sent to (not read)", examples = "1234")
        @Size(max = 20) String to,
        @Schema(description = "What the citizen typed: a command (SUIVI, NOTE, RECLAMATION, STOP, START, or their "
                + "English words); anything else is answered with the help", examples = "SUIVI MIL-7KQ2-9XD3")
        @Size(max = 1600) String text,
        @Schema(description = "When the operator received it (not read)", examples = "2026-11-30 10:42:07")
        @Size(max = 40) String date,
        @Schema(description = "The aggregator's id of the message: a message posted again with the same id is "
                + "answered as the first time and does nothing more", examples = "ATXid_7d1e0c9b2a")
        @NotBlank @Size(max = 100) String id,
        @Schema(description = "The aggregator's link for a premium reply (not read)", examples = "SampleLinkId123")
        @Size(max = 100) String linkId,
        @Schema(description = "The sender's network (not read)", examples = "61203")
        @Size(max = 20) String networkCode) {
}
