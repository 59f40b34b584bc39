package ci.milie.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * The working calendar of Côte d'Ivoire as the database knows it: {@link WorkingTime}'s rules
 * over the public holidays sysadmin maintains. The holidays are read once and kept; a change
 * through the API reloads them on this instance when its transaction ends, and every instance
 * reloads them after {@code milie.sla.calendar-refresh}.
 */
@ApplicationScoped
public class WorkingCalendar {

    private record Snapshot(WorkingTime time, long loadedAt, long generation) {
    }

    private final PublicHolidayRepository holidays;
    private final long refreshNanos;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    @Inject
    WorkingCalendar(PublicHolidayRepository holidays, SlaConfig config) {
        this.holidays = holidays;
        this.refreshNanos = config.calendarRefresh().toNanos();
    }

    public boolean isWorkingDay(LocalDate date) {
        return current().isWorkingDay(date);
    }

    /** {@code start} plus {@code days} working days of 24 working hours each. */
    public Instant addWorkingDays(Instant start, int days) {
        return current().addWorkingDays(start, days);
    }

    public Instant addWorkingHours(Instant start, int hours) {
        return current().addWorkingHours(start, hours);
    }

    /** The earliest instant at which {@code workingTime} has elapsed since {@code start}. */
    public Instant addWorkingTime(Instant start, Duration workingTime) {
        return current().addWorkingTime(start, workingTime);
    }

    /** Working time in {@code [from, to)}: what is left of a deadline when its clock pauses. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        return current().workingTimeBetween(from, to);
    }

    /** The calendar as of now, read again from the database when stale. */
    WorkingTime current() {
        long wanted = generation.get();
        Snapshot kept = snapshot;
        if (kept != null && kept.generation() == wanted && System.nanoTime() - kept.loadedAt() < refreshNanos) {
            return kept.time();
        }
        // Read the generation before loading: a change committed meanwhile leaves this snapshot stale.
        WorkingTime loaded = new WorkingTime(holidays.allDates());
        snapshot = new Snapshot(loaded, System.nanoTime(), wanted);
        return loaded;
    }

    /** Forgets the holidays: the next computation reads them again. */
    void invalidate() {
        generation.incrementAndGet();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) CalendarChanged change) {
        invalidate();
    }
}
