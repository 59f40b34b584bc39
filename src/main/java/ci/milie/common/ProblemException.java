package ci.milie.common;

import java.time.Duration;
import java.util.List;

/**
 * A refusal the client can act on. Services throw these; {@link ProblemMappers} turns them into
 * problem+json. Messages must never carry personal data: they reach the client and the logs.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<Violation> violations;
    private String currentStatus;
    private Long retryAfterSeconds;

    public ProblemException(int status, String code, String title, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.violations = violations;
    }

    public ProblemException(int status, String code, String title, String detail) {
        this(status, code, title, detail, null);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "NOT_FOUND", "Not found", what + " was not found");
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, "Conflict", detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "VALIDATION_FAILED", "Invalid input", "1 field is invalid",
                List.of(new Violation(field, message)));
    }

    /** A lifecycle move the request's current status does not allow. */
    public static ProblemException invalidTransition(String currentStatus, String detail) {
        return conflictInStatus("INVALID_TRANSITION", currentStatus, detail);
    }

    /** A conflict with the current status, which the problem names ({@code currentStatus}). */
    public static ProblemException conflictInStatus(String code, String currentStatus, String detail) {
        ProblemException problem = new ProblemException(409, code, "Conflict", detail);
        problem.currentStatus = currentStatus;
        return problem;
    }

    public static ProblemException unauthorized(String code, String detail) {
        return new ProblemException(401, code, "Unauthorized", detail);
    }

    /** An abuse limit was reached: 429 {@code RATE_LIMITED}, with {@code Retry-After} in whole seconds (at least 1). */
    public static ProblemException tooManyRequests(Duration retryAfter, String detail) {
        ProblemException problem = new ProblemException(429, "RATE_LIMITED", "Too many requests", detail);
        long millis = Math.max(0, retryAfter.toMillis());
        problem.retryAfterSeconds = Math.max(1, (millis + 999) / 1000);
        return problem;
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "FORBIDDEN", "Forbidden", detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }

    public String currentStatus() {
        return currentStatus;
    }

    /** Seconds the client should wait before trying again (429), or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
