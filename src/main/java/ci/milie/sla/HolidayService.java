package ci.milie.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import ci.milie.common.Keyset;
import ci.milie.common.Page;
import ci.milie.common.ProblemException;

/** Adds and removes public holidays; the working calendar follows. */
@ApplicationScoped
class HolidayService {

    private final PublicHolidayRepository holidays;
    private final Event<CalendarChanged> changes;
    private final Clock clock;

    HolidayService(PublicHolidayRepository holidays, Event<CalendarChanged> changes, Clock clock) {
        this.holidays = holidays;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional(TxType.SUPPORTS)
    Page<HolidayView> list(Integer year, String cursor, int limit) {
        List<PublicHoliday> rows = holidays.page(year, Keyset.after(cursor, LocalDate::parse), limit);
        return Keyset.page(rows, limit, h -> h.date().toString(), HolidayView::of);
    }

    @Transactional(TxType.SUPPORTS)
    HolidayView get(LocalDate date) {
        return holidays.findByIdOptional(date).map(HolidayView::of).orElseThrow(HolidayService::notFound);
    }

    @Transactional
    HolidayView create(CreateHolidayCommand command) {
        LocalDate date = Holidays.inRange(command.date(), "date");
        if (holidays.findByIdOptional(date).isPresent()) {
            throw duplicate(date);
        }
        PublicHoliday holiday = new PublicHoliday(date, command.nameFr(), command.nameEn(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        holidays.persist(holiday);
        try {
            holidays.flush();
        } catch (PersistenceException e) {
            if (UniqueViolations.of(e, PublicHolidayRepository.DATE_CONSTRAINT)) {
                throw duplicate(date);
            }
            throw e;
        }
        changes.fire(new CalendarChanged());
        return HolidayView.of(holiday);
    }

    /** Removes the holiday of that date; not found when there is none. */
    @Transactional
    void delete(LocalDate date) {
        if (!holidays.deleteById(date)) {
            throw notFound();
        }
        changes.fire(new CalendarChanged());
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("NOT_FOUND.holiday");
    }

    private static ProblemException duplicate(LocalDate date) {
        return ProblemException.conflict("DUPLICATE_HOLIDAY", "DUPLICATE_HOLIDAY.date", date.toString());
    }
}
