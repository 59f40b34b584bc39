package ci.milie.stats;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Open data for one administration or one category; no personal data, small counts withheld. */
@Schema(name = "PublicFigures")
public record PublicFigures(
        UUID id,
        String code,
        String name,
        @Schema(description = "Null when withheld", nullable = true) Long received,
        @Schema(description = "Null when withheld", nullable = true) Long answered,
        @Schema(description = "Median working days from submission to answer; null when withheld. " + Percentiles.PRECISION,
                nullable = true) Double medianDaysToAnswer,
        @Schema(description = "Share of answers within their deadline (0–1); null when withheld", nullable = true) Double shareWithinDeadline,
        @Schema(description = "Null when withheld", nullable = true) Double averageRating,
        @Schema(description = "Share of ratings marked satisfied (0–1); null when withheld", nullable = true) Double shareSatisfied,
        @Schema(description = "True when at least one figure is withheld") boolean suppressed,
        @Schema(description = "The figures withheld because they rest on fewer than the minimum count") List<String> withheld) {
}
