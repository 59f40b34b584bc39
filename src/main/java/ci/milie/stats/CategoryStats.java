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
        Double medianDaysToAcknowledge,
        Double p90DaysToAcknowledge,
        Double medianDaysToAnswer,
        Double p90DaysToAnswer,
        @Schema(description = "Share of acknowledgements in the period that met their deadline (0–1)") Double acknowledgementMetShare,
        @Schema(description = "Share of answers in the period that met their deadline (0–1)") Double answerMetShare,
        @Schema(description = "Answers delivered in the period") long answersDelivered,
        long ratings,
        Double averageRating,
        @Schema(description = "Share of ratings of 4 or 5 (0–1)") Double shareRated4or5,
        @Schema(description = "Share of ratings marked satisfied (0–1)") Double shareSatisfied,
        @Schema(description = "Ratings ÷ answers delivered (0–1)") Double feedbackResponseRate,
        @Schema(description = "Share of the requests answered in the period that were reopened (0–1)") Double reopenRate) {
}
