package ci.milie.stats;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every category with activity in the period, by code. */
@Schema(name = "CategoryStatsReport")
public record CategoryStatsReport(Instant from, Instant to, List<CategoryStats> categories) {
}
