package ci.milie.sla;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Allowance", description = "The working time allowed for one stage: weekends and public holidays do not count")
public record Allowance(
        @Schema(description = "How many units: at most a year (365 working days, 8760 working hours)",
                examples = "3", minimum = "1", maximum = "8760")
        @Min(1) @Max(MAX_HOURS) int amount,
        @Schema(examples = "WORKING_DAYS")
        @NotNull AllowanceUnit unit) {

    static final int MAX_DAYS = 365;
    static final int MAX_HOURS = MAX_DAYS * 24;

    static Allowance days(int amount) {
        return new Allowance(amount, AllowanceUnit.WORKING_DAYS);
    }

    /** The allowance as working time. */
    Duration workingTime() {
        return unit == AllowanceUnit.WORKING_DAYS ? Duration.ofDays(amount) : Duration.ofHours(amount);
    }

    boolean withinAYear() {
        return workingTime().compareTo(Duration.ofDays(MAX_DAYS)) <= 0;
    }
}
