package ci.milie.stats;

import java.time.Instant;
import java.util.List;

/** Every category with activity in the period, by code. */
public record CategoryStatsReport(Instant from, Instant to, List<CategoryStats> categories) {
}
