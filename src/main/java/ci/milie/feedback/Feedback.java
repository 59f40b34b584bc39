package ci.milie.feedback;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A citizen's rating of one delivered answer: how the State measures satisfaction. */
@Entity
@Table(name = "feedback")
class Feedback {

    @Id
    private UUID id;
    @Column(name = "request_id")
    private UUID requestId;
    @Column(name = "answer_id")
    private UUID answerId;
    private short rating;
    private boolean satisfied;
    private Short clarity;
    private Short speed;
    private Short courtesy;
    private String comment;
    @Column(name = "submitted_at")
    private Instant submittedAt;

    protected Feedback() {
    }

    Feedback(UUID requestId, UUID answerId, FeedbackCommands.Rate command, Instant now) {
        this.id = UUID.randomUUID();
        this.requestId = requestId;
        this.answerId = answerId;
        this.rating = command.rating().shortValue();
        this.satisfied = command.satisfied();
        var criteria = command.criteria();
        if (criteria != null) {
            this.clarity = shortOf(criteria.clarity());
            this.speed = shortOf(criteria.speed());
            this.courtesy = shortOf(criteria.courtesy());
        }
        this.comment = command.comment() == null || command.comment().isBlank() ? null : command.comment().strip();
        this.submittedAt = now;
    }

    private static Short shortOf(Integer value) {
        return value == null ? null : value.shortValue();
    }

    FeedbackView view() {
        return new FeedbackView(id, requestId, answerId, rating, satisfied,
                new FeedbackCommands.Criteria(intOf(clarity), intOf(speed), intOf(courtesy)), comment, submittedAt);
    }

    private static Integer intOf(Short value) {
        return value == null ? null : value.intValue();
    }
}
