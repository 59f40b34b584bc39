package ci.milie.stats;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One administration's performance and satisfaction over a period. Times are in working days. */
@Schema(name = "AdministrationStats")
public record AdministrationStats(
        UUID administrationId,
        String code,
        String name,
        @Schema(description = "Requests submitted in the period and routed here") long received,
        @Schema(description = "Requests answered in the period") long answered,
        @Schema(description = "Median working days from submission to acknowledgement, for acknowledgements in the period. "
                + Percentiles.PRECISION, nullable = true) Double medianDaysToAcknowledge,
        @Schema(description = "90th percentile of the same. " + Percentiles.PRECISION, nullable = true) Double p90DaysToAcknowledge,
        @Schema(description = "Median working days from submission to answer, for answers in the period. "
                + Percentiles.PRECISION, nullable = true) Double medianDaysToAnswer,
        @Schema(description = "90th percentile of the same. " + Percentiles.PRECISION, nullable = true) Double p90DaysToAnswer,
        @Schema(description = "Share of acknowledgements in the period that met their deadline (0–1)", nullable = true) Double acknowledgementMetShare,
        @Schema(description = "Share of answers in the period that met their deadline (0–1)", nullable = true) Double answerMetShare,
        @Schema(description = "Requests this administration handed back to OSEP in the period") long handbacks,
        @Schema(description = "Requests re-routed away from this administration in the period") long reroutes,
        @Schema(description = "Answers delivered in the period") long answersDelivered,
        @Schema(description = "Ratings of the answers delivered in the period") long ratings,
        @Schema(nullable = true) Double averageRating,
        @Schema(description = "Share of ratings of 4 or 5 (0–1)", nullable = true) Double shareRated4or5,
        @Schema(description = "Share of ratings marked satisfied (0–1)", nullable = true) Double shareSatisfied,
        @Schema(description = "Ratings ÷ answers delivered (0–1)", nullable = true) Double feedbackResponseRate,
        @Schema(description = "Share of the requests answered in the period that were reopened (0–1)", nullable = true) Double reopenRate) {
}
