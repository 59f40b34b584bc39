package ci.milie.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PrivacyAct", description = "One privacy act: who asked, through which door, for which requests")
public record PrivacyActView(UUID id, PrivacyActs.Act act, PrivacyActs.Via via,
        @Schema(description = "The OSEP officer who acted for a caller", nullable = true) UUID staffId,
        @Schema(description = "How OSEP checked the caller's identity", nullable = true, examples = "CODE_READ_BACK") String identityCheck,
        @Schema(nullable = true) UUID citizenId, List<UUID> requestIds, Instant occurredAt) {
}
