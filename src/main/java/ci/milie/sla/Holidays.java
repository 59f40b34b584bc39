package ci.milie.sla;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import ci.milie.common.ProblemException;

/** The years the calendar accepts, and parsing of dates and years from paths and query strings. */
final class Holidays {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private Holidays() {
    }

    static LocalDate date(String raw, String name) {
        try {
            return inRange(LocalDate.parse(raw.strip()), name);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "field.date");
        }
    }

    static LocalDate inRange(LocalDate date, String name) {
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw outOfRange(name);
        }
        return date;
    }

    /** An optional year filter; null when absent. */
    static Integer year(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int year = Integer.parseInt(raw.strip());
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                throw outOfRange(name);
            }
            return year;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "field.year");
        }
    }

    private static ProblemException outOfRange(String name) {
        return ProblemException.invalid(name, "field.years", FIRST_YEAR, LAST_YEAR);
    }
}
