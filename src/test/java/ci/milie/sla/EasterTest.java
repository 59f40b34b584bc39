package ci.milie.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.Month;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.junit.jupiter.api.Test;

class EasterTest {

    @ParameterizedTest(name = "Easter Monday {0} is {1}")
    @CsvSource({ "2024, 2024-04-01", "2025, 2025-04-21", "2026, 2026-04-06", "2027, 2027-03-29", "2028, 2028-04-17" })
    void easterMondayOfSeveralYears(int year, LocalDate monday) {
        assertEquals(monday, Easter.monday(year));
        assertEquals(monday.minusDays(1), Easter.sunday(year));
    }

    @ParameterizedTest(name = "Easter Sunday {0} is {1}")
    @CsvSource({
            "1961, 1961-04-02", "2000, 2000-04-23", "2008, 2008-03-23", "2011, 2011-04-24", "2019, 2019-04-21",
            "2038, 2038-04-25", // the latest possible date
            "2285, 2285-03-22", // the earliest possible date
    })
    void easterSundayIncludingTheExtremes(int year, LocalDate sunday) {
        assertEquals(sunday, Easter.sunday(year));
    }

    @Test
    void ascensionIsAThursdayAndWhitMondayAMonday() {
        for (int year = 2000; year <= 2100; year++) {
            assertEquals(java.time.DayOfWeek.THURSDAY, Easter.ascension(year).getDayOfWeek(), "Ascension " + year);
            assertEquals(java.time.DayOfWeek.MONDAY, Easter.whitMonday(year).getDayOfWeek(), "Whit Monday " + year);
        }
        assertEquals(LocalDate.of(2026, Month.MAY, 14), Easter.ascension(2026));
        assertEquals(LocalDate.of(2026, Month.MAY, 25), Easter.whitMonday(2026));
        assertEquals(LocalDate.of(2027, Month.MAY, 6), Easter.ascension(2027));
        assertEquals(LocalDate.of(2027, Month.MAY, 17), Easter.whitMonday(2027));
    }

    @Test
    void beforeTheGregorianCalendarIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Easter.sunday(1582));
    }
}
