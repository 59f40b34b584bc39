package ci.milie.sla;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ci.milie.directory.RequestType;

@Schema(name = "CreateSlaPolicyCommand", description = "Deadlines for a request type in one category, instead of the type's default")
public record CreateSlaPolicyCommand(
        @NotNull RequestType requestType,
        @Schema(description = "A category accepting this request type; absent means the type's default, which already "
                + "exists for every type (409)", nullable = true)
        UUID categoryId,
        @NotNull @Valid Allowance triage,
        @NotNull @Valid Allowance acknowledgement,
        @NotNull @Valid Allowance answer) {

    Allowances allowances() {
        return new Allowances(triage, acknowledgement, answer);
    }
}
