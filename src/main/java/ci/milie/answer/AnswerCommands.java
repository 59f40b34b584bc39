package ci.milie.answer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class AnswerCommands {

    private AnswerCommands() {
    }

    @Schema(name = "SubmitAnswerCommand")
    record Submit(@NotBlank @Size(max = 10000) @Schema(description = "The answer to the citizen") String text) {
    }

    @Schema(name = "ReviewDecision")
    enum Decision {
        APPROVE, RETURN
    }

    @Schema(name = "ReviewCommand", description = "APPROVE delivers the answer; RETURN sends it back with remarks")
    record Review(@NotNull Decision decision, @Size(max = 5000) String remarks) {
    }
}
