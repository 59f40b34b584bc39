package ci.milie.sla;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import ci.milie.common.SqlFilter;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class PublicHolidayRepository implements PanacheRepositoryBase<PublicHoliday, LocalDate> {

    /** Name of the primary key of {@code public_holiday} in V7__sla.sql. */
    static final String DATE_CONSTRAINT = "public_holiday_pkey";

    /**
     * Every holiday date, for the working calendar. Joins the caller's transaction if there is one
     * (a deadline computed while a request changes) without flushing its pending changes.
     */
    @Transactional
    Set<LocalDate> allDates() {
        return new HashSet<>(getEntityManager()
                .createQuery("select h.date from PublicHoliday h", LocalDate.class)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList());
    }

    /** One keyset page in date order: at most {@code limit + 1} rows, the extra one says "more". */
    List<PublicHoliday> page(Integer year, LocalDate after, int limit) {
        SqlFilter where = new SqlFilter();
        if (year != null) {
            where.and("h.date >= :from and h.date < :to").param("from", LocalDate.of(year, 1, 1))
                    .param("to", LocalDate.of(year + 1, 1, 1));
        }
        where.andIfPresent("h.date > :after", "after", after);
        return find("from PublicHoliday h" + where.whereClause() + " order by h.date", where.params())
                .range(0, limit).list();
    }
}
