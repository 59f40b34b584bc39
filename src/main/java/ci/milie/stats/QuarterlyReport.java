package ci.milie.stats;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every figure of one administration for a quarter, with the previous quarter beside it. */
@Schema(name = "QuarterlyReport")
public record QuarterlyReport(UUID administrationId, String code, String name,
        @Schema(examples = "2026-Q4") String quarter, String previousQuarter, Figures current, Figures previous) {

    /** One quarter's figures. The backlog and overdue count of the overview are as of now. */
    @Schema(name = "Figures")
    public record Figures(Instant from, Instant to, StatsOverview overview, AdministrationStats performance) {
    }
}
