package ci.milie.sla;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateHolidayCommand", description = "A new public holiday, e.g. the Tabaski once its date is announced")
public record CreateHolidayCommand(
        @Schema(description = "The day, in the years " + Holidays.FIRST_YEAR + " to " + Holidays.LAST_YEAR, examples = "2026-05-27")
        @NotNull LocalDate date,
        @Schema(examples = "Tabaski (Aïd el-Kébir)", maxLength = 100)
        @NotBlank @Size(max = 100) String nameFr,
        @Schema(examples = "Eid al-Adha (Tabaski)", maxLength = 100)
        @NotBlank @Size(max = 100) String nameEn) {
}
