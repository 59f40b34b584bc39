package ci.milie.request;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ci.milie.directory.RequestType;

/** The answer to a submission: the only time the access key is ever shown. */
@Schema(name = "SubmissionReceipt")
public record SubmissionReceipt(
        UUID id,
        @Schema(examples = "MIL-7KQ2-9XD3") String trackingCode,
        @Schema(description = "Secret giving access to the answer and to replying; keep it, it is not shown again. "
                + "A retry with the same Idempotency-Key gets it again; null only on the retry of a submission made "
                + "before the key was kept encrypted, or whose encryption key (milie.idempotency.key) was changed since",
                nullable = true) String accessKey,
        RequestStatus status,
        RequestType type,
        String categoryCode,
        Channel channel,
        Instant submittedAt,
        @Schema(description = "When OSEP's triage is due") Instant dueAt,
        @Schema(description = "Link to follow the request (the key is in the fragment, when the key is shown)") String trackingUrl) {
}
