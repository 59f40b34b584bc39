package ci.milie.sla;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UpdateSlaPolicyCommand", description = "New deadlines of a policy; its type and category stay")
public record UpdateSlaPolicyCommand(
        @NotNull @Valid Allowance triage,
        @NotNull @Valid Allowance acknowledgement,
        @NotNull @Valid Allowance answer,
        @Schema(description = "The version last read; if given and no longer current, 409 CONCURRENT_MODIFICATION", nullable = true)
        Long version) {

    Allowances allowances() {
        return new Allowances(triage, acknowledgement, answer);
    }
}
