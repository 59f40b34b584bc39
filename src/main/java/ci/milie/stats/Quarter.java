package ci.milie.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ci.milie.common.ProblemException;

/** A calendar quarter, UTC (Abidjan time): {@code 2026-Q4} is [2026-10-01, 2027-01-01). */
record Quarter(int year, int number) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

    static Quarter parse(String raw, String name) {
        Matcher m = FORMAT.matcher(raw.trim());
        if (!m.matches()) {
            throw ProblemException.invalid(name, "field.quarter");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < ci.milie.common.Params.FIRST_YEAR || year > ci.milie.common.Params.LAST_YEAR) {
            throw ProblemException.invalid(name, "field.years", ci.milie.common.Params.FIRST_YEAR,
                    ci.milie.common.Params.LAST_YEAR);
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    static Quarter of(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    Instant start() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Instant end() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1).plusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
