package ci.milie.stats;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every administration with activity in the period, by name. */
@Schema(name = "AdministrationStatsReport")
public record AdministrationStatsReport(Instant from, Instant to, List<AdministrationStats> administrations) {
}
