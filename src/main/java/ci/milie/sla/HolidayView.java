package ci.milie.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HolidayView", description = "A public holiday: no deadline clock runs on that day")
public record HolidayView(
        @Schema(examples = "2026-08-07") LocalDate date,
        @Schema(examples = "Fête nationale de l'Indépendance") String nameFr,
        @Schema(examples = "Independence Day") String nameEn,
        @Schema(description = "The day of the week; one on a weekend changes no deadline") DayOfWeek dayOfWeek,
        Instant createdAt,
        Instant updatedAt) {

    static HolidayView of(PublicHoliday h) {
        return new HolidayView(h.date(), h.nameFr(), h.nameEn(), h.date().getDayOfWeek(), h.createdAt(), h.updatedAt());
    }
}
