package ci.milie.stats;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The platform, or one administration, over a period. */
@Schema(name = "StatsOverview", description = "Requests received, answered, closed and rejected in the period; backlog and overdue now")
public record StatsOverview(
        Instant from,
        Instant to,
        @Schema(description = "Set when the figures are scoped to one administration", nullable = true) UUID administrationId,
        @Schema(description = "Requests submitted in the period") long received,
        Map<String, Long> receivedByType,
        @Schema(description = "By channel: every channel listed, 0 when none came by it") Map<String, Long> receivedByChannel,
        @Schema(description = "By category code") Map<String, Long> receivedByCategory,
        @Schema(description = "By region code; requests without a region under \"\", older requests whose free-text region names no region under UNMAPPED") Map<String, Long> receivedByRegion,
        @Schema(description = "Requests whose answer was delivered in the period") long answered,
        @Schema(description = "Requests closed in the period") long closed,
        @Schema(description = "Requests rejected in the period") long rejected,
        Map<String, Long> rejectedByReason,
        @Schema(description = "Open requests now, by status (not bound to the period)") Map<String, Long> backlogByStatus,
        @Schema(description = "Open requests whose current stage is past its deadline now") long overdueNow) {
}
