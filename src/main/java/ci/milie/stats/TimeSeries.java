package ci.milie.stats;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Received, answered and average rating per day, week (from Monday) or month, over a period. */
@Schema(name = "TimeSeries")
public record TimeSeries(Instant from, Instant to,
        @Schema(description = "Set when the series is scoped to one administration", nullable = true) UUID administrationId,
        @Schema(enumeration = { "day", "week", "month" }) String interval, List<Point> points) {

    /** One bucket; {@code start} is its first day (UTC). */
    @Schema(name = "Point")
    public record Point(java.time.LocalDate start, long received, long answered,
            @Schema(description = "Of the ratings of answers delivered in the bucket; null without ratings", nullable = true) Double averageRating,
            long ratings) {
    }
}
