package ci.milie.answer;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ci.milie.request.RequestStatus;

@Schema(name = "AnswerView")
public record AnswerView(
        UUID id,
        UUID requestId,
        @Schema(enumeration = { "UNDER_REVIEW", "RETURNED", "DELIVERED" }) String status,
        String text,
        Instant submittedAt,
        @Schema(nullable = true) Instant deliveredAt,
        @Schema(nullable = true) String remarks,
        @Schema(description = "The request's status after this move; when read, its current status") RequestStatus requestStatus) {

    static AnswerView of(Answer answer, RequestStatus requestStatus) {
        return new AnswerView(answer.id(), answer.requestId(), answer.status().name(), answer.text(),
                answer.submittedAt(), answer.deliveredAt(), answer.remarks(), requestStatus);
    }
}
