package ci.milie.sla;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Ivorian public holidays whose date follows a rule: fixed days and those tied to Easter. The
 * Islamic holidays (Korité, Tabaski, Maouloud, Laylat al-Qadr) depend on the sighting of the moon
 * and are announced each year: sysadmin adds them through the API.
 */
final class FixedHolidays {

    record FixedHoliday(LocalDate date, String nameFr, String nameEn) {
    }

    private record Fixed(MonthDay day, String nameFr, String nameEn) {
    }

    private static final List<Fixed> FIXED = List.of(
            new Fixed(MonthDay.of(1, 1), "Jour de l'An", "New Year's Day"),
            new Fixed(MonthDay.of(5, 1), "Fête du Travail", "Labour Day"),
            new Fixed(MonthDay.of(8, 7), "Fête nationale de l'Indépendance", "Independence Day"),
            new Fixed(MonthDay.of(8, 15), "Assomption", "Assumption Day"),
            new Fixed(MonthDay.of(11, 1), "Toussaint", "All Saints' Day"),
            new Fixed(MonthDay.of(11, 15), "Journée nationale de la Paix", "National Peace Day"),
            new Fixed(MonthDay.of(12, 25), "Noël", "Christmas Day"));

    private FixedHolidays() {
    }

    /** The ten rule-based holidays of {@code year}, in date order. */
    static List<FixedHoliday> of(int year) {
        Stream<FixedHoliday> fixed = FIXED.stream().map(f -> new FixedHoliday(f.day().atYear(year), f.nameFr(), f.nameEn()));
        Stream<FixedHoliday> movable = Stream.of(
                new FixedHoliday(Easter.monday(year), "Lundi de Pâques", "Easter Monday"),
                new FixedHoliday(Easter.ascension(year), "Ascension", "Ascension Day"),
                new FixedHoliday(Easter.whitMonday(year), "Lundi de Pentecôte", "Whit Monday"));
        return Stream.concat(fixed, movable).sorted(Comparator.comparing(FixedHoliday::date)).toList();
    }
}
