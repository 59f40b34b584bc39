package ci.milie.common;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of every error: RFC 9457 problem details with a stable machine {@code code}. */
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record ProblemDetail(
        @Schema(examples = "https://api.milie.ci/problems/validation-failed") String type,
        @Schema(examples = "Invalid input") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "2 fields are invalid") String detail,
        @Schema(description = "The path asked for; null when it is too long to repeat", nullable = true, examples = "/api/v1/administrations") String instance,
        @Schema(description = "Stable machine code, e.g. VALIDATION_FAILED, NOT_FOUND, CONFLICT", examples = "VALIDATION_FAILED") String code,
        @Schema(description = "Identifier of the HTTP request, also in the X-Request-Id header") String requestId,
        @Schema(description = "Invalid fields, for VALIDATION_FAILED; null otherwise", nullable = true) List<Violation> violations,
        @Schema(description = "For INVALID_TRANSITION and REQUEST_CLOSED: the status the request is in; null otherwise",
                nullable = true, examples = "IN_PROGRESS") String currentStatus) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://api.milie.ci/problems/";

    /** The titles and details of problems, {@code messages/problems_*.properties}. */
    public static final Messages TEXTS = Messages.load("problems");

    /** The title of a code's problems, {@code CODE.title}. */
    public static String title(String language, String code) {
        return TEXTS.text(language, code + ".title");
    }

    public static String typeOf(String code) {
        return TYPE_BASE + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
