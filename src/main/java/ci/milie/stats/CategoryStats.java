package ci.milie.stats;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One category's performance and satisfaction over a period, across administrations. Times in working days. */
@Schema(name = "CategoryStats")
public record CategoryStats(
        UUID categoryId,
        String code,
        @Schema(description = "French label") String label,
        @Schema(description = "Requests submitted in the period") long received,
        @Schema(description = "Requests answered in the period") long answered,
        @Schema(description = "Median working days from submission to acknowledgement, for acknowledgements in the period. "
                + Percentiles.PRECISION, nullable = true) Double medianDaysToAcknowledge,
        @Schema(description = "90th percentile of the same. " + Percentiles.PRECISION, nullable = true) Double p90DaysToAcknowledge,
        @Schema(description = "Median working days from submission to answer, for answers in the period. "
                + Percentiles.PRECISION, nullable = true) Double medianDaysToAnswer,
        @Schema(description = "90th percentile of the same. " + Percentiles.PRECISION, nullable = true) Double p90DaysToAnswer,
        @Schema(description = "Share of acknowledgements in the period that met their deadline (0–1)", nullable = true) Double acknowledgementMetShare,
        @Schema(description = "Share of answers in the period that met their deadline (0–1)", nullable = true) Double answerMetShare,
        @Schema(description = "Answers delivered in the period") long answersDelivered,
        long ratings,
        @Schema(nullable = true) Double averageRating,
        @Schema(description = "Share of ratings of 4 or 5 (0–1)", nullable = true) Double shareRated4or5,
        @Schema(description = "Share of ratings marked satisfied (0–1)", nullable = true) Double shareSatisfied,
        @Schema(description = "Ratings ÷ answers delivered (0–1)", nullable = true) Double feedbackResponseRate,
        @Schema(description = "Share of the requests answered in the period that were reopened (0–1)", nullable = true) Double reopenRate) {
}
