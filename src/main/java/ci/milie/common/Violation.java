package ci.milie.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid input field of a 400 problem. */
@Schema(description = "An invalid field: its JSON path and why it was refused, in the language of the problem")
public record Violation(
        @Schema(examples = "contact.email") String field,
        @Schema(examples = "must be a well-formed email address") String message) {

    /** What Miliê itself says of an invalid field, {@code messages/violations_*.properties}. */
    public static final Messages TEXTS = Messages.load("violations");

    /** @param messageKey {@code field.something} */
    public static Violation of(String language, String field, String messageKey, Object... args) {
        return new Violation(field, TEXTS.text(language, messageKey, args));
    }
}
