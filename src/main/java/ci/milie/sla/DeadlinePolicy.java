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

    public Instant dueAt(Stage stage, RequestType type, Instant since) {
        Duration allowed = switch (stage) {
            case TRIAGE -> Duration.ofDays(1);
            case ACKNOWLEDGEMENT -> Duration.ofDays(2);
            case ANSWER -> type == RequestType.COMPLAINT ? Duration.ofDays(3) : Duration.ofDays(10);
        };
        return since.plus(allowed);
    }
}
