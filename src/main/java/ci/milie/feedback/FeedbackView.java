package ci.milie.feedback;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FeedbackView")
public record FeedbackView(UUID id, UUID requestId, UUID answerId, int rating, boolean satisfied,
        @Schema(description = "The detailed ratings given; each null when not given") FeedbackCommands.Criteria criteria,
        @Schema(nullable = true) String comment, Instant submittedAt) {
}
