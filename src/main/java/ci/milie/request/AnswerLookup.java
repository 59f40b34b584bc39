package ci.milie.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answers of a request, as the request's views show them (implemented by the answer module). */
public interface AnswerLookup {

    /** Answers delivered to the citizen, oldest first. */
    List<AnswerSummary> delivered(UUID requestId);

    /** Every answer, including those under review or returned, for staff. */
    List<AnswerSummary> all(UUID requestId);

    @Schema(name = "AnswerSummary")
    record AnswerSummary(UUID id, @Schema(enumeration = { "UNDER_REVIEW", "RETURNED", "DELIVERED" }) String status,
            String text, Instant submittedAt, @Schema(description = "Null until delivered", nullable = true) Instant deliveredAt,
            @Schema(description = "OSEP's remarks when returned; staff only", nullable = true) String remarks) {
    }
}
