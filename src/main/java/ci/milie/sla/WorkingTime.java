package ci.milie.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * Working-time arithmetic over a fixed set of public holidays, without any framework: the rules
 * every deadline of Miliê follows.
 *
 * <ul>
 * <li>A working day is a Monday to Friday that is not a public holiday, in Abidjan time (UTC+0,
 * no daylight saving).</li>
 * <li>Working time is all 24 hours of each working day; time on weekends and holidays does not
 * count. One working day is therefore 24 working hours, and "3 working days" and "72 working
 * hours" are the same allowance.</li>
 * <li>Time starting on a non-working day counts from 00:00 of the next working day.</li>
 * <li>A deadline is the earliest instant at which the allowance has elapsed: a day's worth of work
 * starting on Friday at 00:00 ends on Saturday at 00:00 (the end of Friday), not on Monday.</li>
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class WorkingTime {

    /** Côte d'Ivoire's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Africa/Abidjan");

    private static final Duration DAY = Duration.ofHours(24);

    private final Set<LocalDate> holidays;

    public WorkingTime(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /** {@code start} plus {@code days} working days, i.e. {@code days × 24} working hours. */
    public Instant addWorkingDays(Instant start, int days) {
        requireNonNegative(days, "days");
        return addWorkingTime(start, DAY.multipliedBy(days));
    }

    public Instant addWorkingHours(Instant start, int hours) {
        requireNonNegative(hours, "hours");
        return addWorkingTime(start, Duration.ofHours(hours));
    }

    /** The earliest instant at which {@code workingTime} of working time has elapsed since {@code start}. */
    public Instant addWorkingTime(Instant start, Duration workingTime) {
        Objects.requireNonNull(start, "start");
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("workingTime must not be negative");
        }
        Instant cursor = start;
        Duration left = workingTime;
        while (true) {
            LocalDate day = LocalDate.ofInstant(cursor, ZONE);
            Instant dayEnd = startOf(day.plusDays(1));
            if (isWorkingDay(day)) {
                Duration available = Duration.between(cursor, dayEnd);
                if (left.compareTo(available) <= 0) {
                    return cursor.plus(left);
                }
                left = left.minus(available);
            } else if (left.isZero()) {
                return cursor;
            }
            cursor = dayEnd;
        }
    }

    /** Working time in {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        Instant cursor = Objects.requireNonNull(from, "from");
        while (cursor.isBefore(to)) {
            LocalDate day = LocalDate.ofInstant(cursor, ZONE);
            Instant dayEnd = startOf(day.plusDays(1));
            Instant end = dayEnd.isBefore(to) ? dayEnd : to;
            if (isWorkingDay(day)) {
                total = total.plus(Duration.between(cursor, end));
            }
            cursor = end;
        }
        return total;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    private static void requireNonNegative(int amount, String name) {
        if (amount < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
