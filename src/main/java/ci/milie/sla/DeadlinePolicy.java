package ci.milie.sla;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import ci.milie.directory.RequestType;

/**
 * When the current stage of a request is due. OSEP's public promise: triage within a day,
 * acknowledgement within two, an answer to a complaint within three (ten for suggestions and
 * observations). Counted in calendar time here; working days and per-category policies come with
 * the SLA module.
 */
@ApplicationScoped
public class DeadlinePolicy {

    public enum Stage {
        TRIAGE, ACKNOWLEDGEMENT, ANSWER
    }

    public Instant dueAt(Stage stage, RequestType type, java.util.UUID categoryId, Instant since) {
        return dueAt(stage, type, since);
    }

    /** Time left before {@code dueAt}; zero once past. */
    public Duration remaining(Instant dueAt, Instant now) {
        return now.isBefore(dueAt) ? Duration.between(now, dueAt) : Duration.ZERO;
    }

    /** The new deadline of a stage that resumes with {@code remaining} time left. */
    public Instant resume(Duration remaining, Instant now) {
        return now.plus(remaining);
    }

    public Instant dueAt(Stage stage, RequestType type, Instant since) {
        Duration allowed = switch (stage) {
            case TRIAGE -> Duration.ofDays(1);
            case ACKNOWLEDGEMENT -> Duration.ofDays(2);
            case ANSWER -> type == RequestType.COMPLAINT ? Duration.ofDays(3) : Duration.ofDays(10);
        };
        return since.plus(allowed);
    }
}
