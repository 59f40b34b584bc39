package ci.milie.sla;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ci.milie.directory.RequestType;

@Schema(name = "SlaPolicyView", description = "The deadlines of a request type, by default or in one category")
public record SlaPolicyView(
        UUID id,
        RequestType requestType,
        @Schema(description = "The category this policy refines; absent for the type's default", nullable = true) UUID categoryId,
        @Schema(nullable = true, examples = "ETAT-CIVIL") String categoryCode,
        @Schema(description = "Whether this is the type's default, applying to every category without a policy of its own "
                + "(it can be changed, not deleted)") boolean typeDefault,
        @Schema(description = "OSEP's triage of a received request") Allowance triage,
        @Schema(description = "The administration's acknowledgement of a routed request") Allowance acknowledgement,
        @Schema(description = "The administration's answer, from acknowledgement") Allowance answer,
        @Schema(description = "Optimistic-locking version; send it back with PUT") long version,
        Instant createdAt,
        Instant updatedAt) {

    static SlaPolicyView of(SlaPolicy p, String categoryCode) {
        Allowances allowances = p.allowances();
        return new SlaPolicyView(p.id(), p.requestType(), p.categoryId(), categoryCode, p.isTypeDefault(),
                allowances.triage(), allowances.acknowledgement(), allowances.answer(), p.version(), p.createdAt(),
                p.updatedAt());
    }
}
