package ci.milie.stats;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The platform's open data for a period. */
@Schema(name = "PublicStats")
public record PublicStats(
        @Schema(description = "Start of the period counted, inclusive: a midnight UTC") Instant from,
        @Schema(description = "End of the period counted, exclusive: a midnight UTC") Instant to,
        @Schema(description = "A figure resting on fewer requests or ratings than this is withheld") int minimumCount,
        List<PublicFigures> administrations,
        List<PublicFigures> categories,
        @Schema(description = "By share of answers within deadline, then median time to answer") List<RankEntry> rankingByResponsiveness,
        @Schema(description = "By share satisfied, then average rating") List<RankEntry> rankingBySatisfaction) {
}
