package ci.milie.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The working-time calculator, with the fixed Ivorian holidays of 2026 and 2027 and explicit
 * instants (UTC is Abidjan time).
 */
class WorkingTimeTest {

    private static final WorkingTime TIME = new WorkingTime(holidays(2026, 2027));

    private static Set<LocalDate> holidays(int... years) {
        Set<LocalDate> dates = new HashSet<>();
        for (int year : years) {
            FixedHolidays.of(year).forEach(h -> dates.add(h.date()));
        }
        return dates;
    }

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void abidjanTimeIsUtcAllYearRound() {
        for (String instant : new String[] { "2026-01-15T12:00:00Z", "2026-07-15T12:00:00Z", "2040-03-29T01:30:00Z" }) {
            assertEquals(ZoneOffset.UTC, WorkingTime.ZONE.getRules().getOffset(at(instant)), instant);
        }
    }

    @Test
    void weekendsAndHolidaysAreNotWorkingDays() {
        assertTrue(TIME.isWorkingDay(LocalDate.parse("2026-11-27"))); // Friday
        assertFalse(TIME.isWorkingDay(LocalDate.parse("2026-11-28"))); // Saturday
        assertFalse(TIME.isWorkingDay(LocalDate.parse("2026-11-29"))); // Sunday
        assertFalse(TIME.isWorkingDay(LocalDate.parse("2026-04-06"))); // Easter Monday
        assertFalse(TIME.isWorkingDay(LocalDate.parse("2026-08-07"))); // Independence Day, a Friday
        assertFalse(TIME.isWorkingDay(LocalDate.parse("2027-11-15"))); // National Peace Day, a Monday
    }

    @Test
    void requestSubmittedOnFridayEveningIsDueOnMondayEvening() {
        assertEquals(at("2026-11-30T18:30:00Z"), TIME.addWorkingDays(at("2026-11-27T18:30:00Z"), 1));
    }

    @Test
    void requestSubmittedTheDayBeforeAWeekdayHolidaySkipsIt() {
        // Thursday 31 December 2026; Friday 1 January 2027 is New Year's Day.
        assertEquals(at("2027-01-04T10:00:00Z"), TIME.addWorkingDays(at("2026-12-31T10:00:00Z"), 1));
        // Thursday 6 August 2026; Friday 7 August is Independence Day.
        assertEquals(at("2026-08-10T15:00:00Z"), TIME.addWorkingDays(at("2026-08-06T15:00:00Z"), 1));
        // Friday 3 April 2026 (Good Friday is a working day); Monday 6 April is Easter Monday.
        assertEquals(at("2026-04-07T12:00:00Z"), TIME.addWorkingDays(at("2026-04-03T12:00:00Z"), 1));
    }

    @Test
    void deadlineInHours() {
        // 72 working hours from Wednesday 10:00: 14 h on Wednesday, 24 on Thursday and Friday, 10 on Monday.
        Instant wednesday = at("2026-11-25T10:00:00Z");
        assertEquals(at("2026-11-30T10:00:00Z"), TIME.addWorkingHours(wednesday, 72));
        assertEquals(at("2026-11-25T14:00:00Z"), TIME.addWorkingHours(wednesday, 4));
        assertEquals(at("2026-11-30T01:00:00Z"), TIME.addWorkingHours(wednesday, 63));
    }

    @Test
    void deadlineInDaysIsTheSameAsInTwentyFourHourDays() {
        Instant wednesday = at("2026-11-25T10:00:00Z");
        assertEquals(TIME.addWorkingHours(wednesday, 72), TIME.addWorkingDays(wednesday, 3));
        // Ten working days from Monday 21 December 2026, over Christmas and New Year's Day.
        assertEquals(at("2027-01-06T08:00:00Z"), TIME.addWorkingDays(at("2026-12-21T08:00:00Z"), 10));
    }

    @Test
    void timeStartingOnANonWorkingDayCountsFromTheNextWorkingDay() {
        Instant saturday = at("2026-11-28T15:00:00Z");
        assertEquals(at("2026-11-30T05:00:00Z"), TIME.addWorkingHours(saturday, 5));
        assertEquals(at("2026-12-01T00:00:00Z"), TIME.addWorkingDays(saturday, 1));
        // Saturday 26 December 2026, then a weekend, then New Year's Day.
        assertEquals(at("2026-12-28T02:00:00Z"), TIME.addWorkingHours(at("2026-12-26T09:00:00Z"), 2));
        assertEquals(at("2027-01-04T02:00:00Z"), TIME.addWorkingHours(at("2027-01-01T09:00:00Z"), 2));
    }

    @Test
    void aDeadlineIsTheEarliestInstantTheAllowanceHasElapsed() {
        // A whole Friday: due at the end of Friday, not on Monday morning.
        assertEquals(at("2026-11-28T00:00:00Z"), TIME.addWorkingDays(at("2026-11-27T00:00:00Z"), 1));
        assertEquals(at("2026-11-27T09:00:00Z"), TIME.addWorkingDays(at("2026-11-27T09:00:00Z"), 0));
        assertEquals(at("2026-11-28T09:00:00Z"), TIME.addWorkingTime(at("2026-11-28T09:00:00Z"), Duration.ZERO));
    }

    @Test
    void pauseAndResumeAcrossAWeekendKeepsTheWorkingTimeLeft() {
        Clock submitted = Clock.fixed(at("2026-11-25T10:00:00Z"), ZoneOffset.UTC); // Wednesday
        Instant due = TIME.addWorkingDays(submitted.instant(), 3);
        assertEquals(at("2026-11-30T10:00:00Z"), due);

        // Paused on Friday 16:00 (information requested): 8 h left on Friday, 10 on Monday.
        Clock paused = Clock.fixed(at("2026-11-27T16:00:00Z"), ZoneOffset.UTC);
        Duration left = TIME.workingTimeBetween(paused.instant(), due);
        assertEquals(Duration.ofHours(18), left);

        // The citizen replies on Saturday: the clock restarts on Monday 00:00.
        Instant resumedSaturday = TIME.addWorkingTime(at("2026-11-28T10:00:00Z"), left);
        assertEquals(at("2026-11-30T18:00:00Z"), resumedSaturday);

        // Or a week later, on Monday 09:00: 15 h that Monday, 3 on Tuesday.
        Instant resumedAt = at("2026-12-07T09:00:00Z");
        Instant newDue = TIME.addWorkingTime(resumedAt, left);
        assertEquals(at("2026-12-08T03:00:00Z"), newDue);
        assertEquals(left, TIME.workingTimeBetween(resumedAt, newDue));
    }

    @Test
    void pauseOverAHolidayWeekendKeepsTheWorkingTimeLeft() {
        // Paused on Thursday 24 December 2026 at 20:00 with 30 working hours left.
        Duration left = Duration.ofHours(30);
        Instant pausedAt = at("2026-12-24T20:00:00Z");
        Instant dueBeforePause = TIME.addWorkingTime(pausedAt, left);
        assertEquals(at("2026-12-29T02:00:00Z"), dueBeforePause); // 4 h Thursday, Christmas, weekend, 24 h Monday
        assertEquals(left, TIME.workingTimeBetween(pausedAt, dueBeforePause));
        // Resumed on Christmas Day: counts from Monday 28 December.
        assertEquals(at("2026-12-29T06:00:00Z"), TIME.addWorkingTime(at("2026-12-25T11:00:00Z"), left));
    }

    @Test
    void workingTimeBetweenSkipsWeekendsAndHolidays() {
        assertEquals(Duration.ofHours(24), TIME.workingTimeBetween(at("2026-11-27T12:00:00Z"), at("2026-11-30T12:00:00Z")));
        assertEquals(Duration.ZERO, TIME.workingTimeBetween(at("2026-11-28T00:00:00Z"), at("2026-11-30T00:00:00Z")));
        assertEquals(Duration.ofHours(10), TIME.workingTimeBetween(at("2026-12-31T14:00:00Z"), at("2027-01-04T00:00:00Z")));
        assertEquals(Duration.ZERO, TIME.workingTimeBetween(at("2026-11-30T12:00:00Z"), at("2026-11-27T12:00:00Z")));
        assertEquals(Duration.ofMinutes(90), TIME.workingTimeBetween(at("2026-11-30T12:00:00Z"), at("2026-11-30T13:30:00Z")));
    }

    @Test
    void addingThenMeasuringGivesBackTheSameWorkingTime() {
        Instant start = at("2026-12-01T00:00:00Z");
        for (int step = 0; step < 24 * 60; step += 7) { // every 7 hours over 60 days
            Instant from = start.plus(Duration.ofHours(step));
            for (long minutes : new long[] { 0, 1, 59, 60 * 24, 60 * 24 * 3 + 17, 60 * 24 * 10 }) {
                Duration allowance = Duration.ofMinutes(minutes);
                Instant due = TIME.addWorkingTime(from, allowance);
                assertEquals(allowance, TIME.workingTimeBetween(from, due), () -> from + " + " + allowance);
                assertFalse(due.isBefore(from));
            }
        }
    }

    @Test
    void negativeAllowancesAreRefused() {
        Instant now = at("2026-11-27T12:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> TIME.addWorkingDays(now, -1));
        assertThrows(IllegalArgumentException.class, () -> TIME.addWorkingHours(now, -1));
        assertThrows(IllegalArgumentException.class, () -> TIME.addWorkingTime(now, Duration.ofSeconds(-1)));
    }

    @Test
    void tenRuleBasedHolidaysIn2026() {
        assertEquals(10, FixedHolidays.of(2026).size());
        assertEquals(Set.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-06"), LocalDate.parse("2026-05-01"),
                LocalDate.parse("2026-05-14"), LocalDate.parse("2026-05-25"), LocalDate.parse("2026-08-07"),
                LocalDate.parse("2026-08-15"), LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-15"),
                LocalDate.parse("2026-12-25")), holidays(2026));
    }
}
