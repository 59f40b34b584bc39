package ci.milie.sla;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

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
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (year != null) {
            where.add("h.date >= :from and h.date < :to");
            parameters.and("from", LocalDate.of(year, 1, 1)).and("to", LocalDate.of(year + 1, 1, 1));
        }
        if (after != null) {
            where.add("h.date > :after");
            parameters.and("after", after);
        }
        String query = "from PublicHoliday h" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by h.date";
        return find(query, parameters).range(0, limit).list();
    }
}
