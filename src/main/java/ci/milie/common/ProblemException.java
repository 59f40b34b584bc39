package ci.milie.common;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A refusal the client can act on. Services throw these; {@link ProblemMappers} turns them into
 * problem+json in the caller's language. A problem names its stable {@code code} and the key of
 * its detail in {@code messages/problems_*.properties} ({@code CODE.something}, with the values
 * it quotes as arguments); its title is the code's ({@code CODE.title}). Arguments must never be
 * personal data: they reach the client and the logs.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String detailKey;
    private final Object[] detailArgs;
    private final String violationField;
    private final String violationKey;
    private final Object[] violationArgs;
    private String currentStatus;
    private Long retryAfterSeconds;

    /** @param detailKey the key of the detail, {@code CODE.something} */
    public ProblemException(int status, String code, String detailKey, Object... detailArgs) {
        this(status, code, null, null, new Object[0], detailKey, detailArgs);
    }

    private ProblemException(int status, String code, String violationField, String violationKey, Object[] violationArgs,
            String detailKey, Object... detailArgs) {
        super(code + " " + detailKey + (detailArgs.length == 0 ? "" : " " + Arrays.toString(detailArgs))
                + (violationField == null ? "" : " " + violationField + " " + violationKey), null, false, false);
        this.status = status;
        this.code = code;
        this.detailKey = detailKey;
        this.detailArgs = detailArgs.clone();
        this.violationField = violationField;
        this.violationKey = violationKey;
        this.violationArgs = violationArgs.clone();
    }

    /** @param detailKey {@code NOT_FOUND.<thing>} */
    public static ProblemException notFound(String detailKey) {
        return new ProblemException(404, "NOT_FOUND", detailKey);
    }

    public static ProblemException conflict(String code, String detailKey, Object... args) {
        return new ProblemException(409, code, detailKey, args);
    }

    /**
     * One invalid field: 400 {@code VALIDATION_FAILED}. Its message is rendered in the caller's
     * language from {@code messages/violations_*.properties}.
     *
     * @param messageKey {@code field.something}, with the values it quotes as arguments
     */
    public static ProblemException invalid(String field, String messageKey, Object... args) {
        return new ProblemException(400, "VALIDATION_FAILED", field, messageKey, args, "VALIDATION_FAILED.fields", 1);
    }

    /** A lifecycle move the request's current status does not allow. */
    public static ProblemException invalidTransition(String currentStatus, String detailKey, Object... args) {
        return conflictInStatus("INVALID_TRANSITION", currentStatus, detailKey, args);
    }

    /** A conflict with the current status, which the problem names ({@code currentStatus}). */
    public static ProblemException conflictInStatus(String code, String currentStatus, String detailKey, Object... args) {
        ProblemException problem = new ProblemException(409, code, detailKey, args);
        problem.currentStatus = currentStatus;
        return problem;
    }

    public static ProblemException unauthorized(String code, String detailKey, Object... args) {
        return new ProblemException(401, code, detailKey, args);
    }

    /** An abuse limit was reached: 429 {@code RATE_LIMITED}, with {@code Retry-After} in whole seconds (at least 1). */
    public static ProblemException tooManyRequests(Duration retryAfter, String detailKey, Object... args) {
        ProblemException problem = new ProblemException(429, "RATE_LIMITED", detailKey, args);
        long millis = Math.max(0, retryAfter.toMillis());
        problem.retryAfterSeconds = Math.max(1, (millis + 999) / 1000);
        return problem;
    }

    /** @param detailKey {@code FORBIDDEN.<why>} */
    public static ProblemException forbidden(String detailKey, Object... args) {
        return new ProblemException(403, "FORBIDDEN", detailKey, args);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detailKey() {
        return detailKey;
    }

    public Object[] detailArgs() {
        return detailArgs.clone();
    }

    /** The invalid field in {@code language}, or null when the problem is not about one. */
    public List<Violation> violations(String language) {
        return violationField == null ? null : List.of(Violation.of(language, violationField, violationKey, violationArgs));
    }

    public String currentStatus() {
        return currentStatus;
    }

    /** Seconds the client should wait before trying again (429), or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
