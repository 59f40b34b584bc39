package ci.milie.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid input field of a 400 problem. */
@Schema(description = "An invalid field: its JSON path and why it was refused")
public record Violation(
        @Schema(examples = "contact.email") String field,
        @Schema(examples = "must be a well-formed email address") String message) {
}
