package ci.milie.feedback;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FeedbackView")
public record FeedbackView(UUID id, UUID requestId, UUID answerId, int rating, boolean satisfied,
        FeedbackCommands.Criteria criteria, String comment, Instant submittedAt) {
}
