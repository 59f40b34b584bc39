package ci.milie.answer;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An administration's answer to a request, reviewed by OSEP unless the administration is trusted. */
@Entity
@Table(name = "answer")
public class Answer {

    enum Status {
        UNDER_REVIEW, RETURNED, DELIVERED
    }

    @Id
    private UUID id;
    @Column(name = "request_id")
    private UUID requestId;
    @Column(name = "author_id")
    private UUID authorId;
    private String text;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Column(name = "reviewer_id")
    private UUID reviewerId;
    private String remarks;
    @Column(name = "delivered_at")
    private Instant deliveredAt;
    @Version
    private long version;

    protected Answer() {
    }

    Answer(UUID requestId, UUID authorId, String text, Instant now) {
        this.id = UUID.randomUUID();
        this.requestId = requestId;
        this.authorId = authorId;
        this.text = text;
        this.status = Status.UNDER_REVIEW;
        this.submittedAt = now;
    }

    void deliver(Instant now) {
        status = Status.DELIVERED;
        deliveredAt = now;
    }

    void approve(UUID reviewer, Instant now) {
        reviewerId = reviewer;
        reviewedAt = now;
        deliver(now);
    }

    void giveBack(UUID reviewer, String remarks, Instant now) {
        status = Status.RETURNED;
        reviewerId = reviewer;
        reviewedAt = now;
        this.remarks = remarks;
    }

    boolean isUnderReview() {
        return status == Status.UNDER_REVIEW;
    }

    UUID id() {
        return id;
    }

    UUID requestId() {
        return requestId;
    }

    String text() {
        return text;
    }

    Status status() {
        return status;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    Instant deliveredAt() {
        return deliveredAt;
    }

    String remarks() {
        return remarks;
    }
}
