package ci.milie.stats;

import java.time.Instant;
import java.util.List;

/** Every administration with activity in the period, by name. */
public record AdministrationStatsReport(Instant from, Instant to, List<AdministrationStats> administrations) {
}
