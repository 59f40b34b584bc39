package ci.milie.feedback;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class FeedbackCommands {

    private FeedbackCommands() {
    }

    @Schema(name = "FeedbackCommand")
    record Rate(
            @NotNull @Min(1) @Max(5) @Schema(examples = "4") Integer rating,
            @NotNull @Schema(examples = "true") Boolean satisfied,
            @Valid Criteria criteria,
            @Size(max = 2000) String comment) {
    }

    @Schema(name = "FeedbackCriteria", description = "Optional detailed ratings, 1 to 5")
    record Criteria(
            @Min(1) @Max(5) @Schema(nullable = true) Integer clarity,
            @Min(1) @Max(5) @Schema(nullable = true) Integer speed,
            @Min(1) @Max(5) @Schema(nullable = true) Integer courtesy) {
    }

    @Schema(name = "ReopenCommand")
    record Reopen(@NotBlank @Size(max = 2000) @Schema(description = "Why the answer does not satisfy") String reason) {
    }
}
