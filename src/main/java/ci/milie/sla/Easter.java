package ci.milie.sla;

import java.time.LocalDate;

/**
 * Easter Sunday of the Gregorian calendar, from which three Ivorian public holidays follow:
 * Easter Monday (+1 day), Ascension (+39) and Whit Monday (+50). The seed of V7__sla.sql was
 * computed with it, and the tests check that both agree.
 */
public final class Easter {

    private Easter() {
    }

    /** Easter Sunday of {@code year} (1583 or later), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    public static LocalDate sunday(int year) {
        if (year < 1583) {
            throw new IllegalArgumentException("The Gregorian computus starts in 1583");
        }
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    public static LocalDate monday(int year) {
        return sunday(year).plusDays(1);
    }

    public static LocalDate ascension(int year) {
        return sunday(year).plusDays(39);
    }

    public static LocalDate whitMonday(int year) {
        return sunday(year).plusDays(50);
    }
}
