package ci.milie.stats;

import static ci.milie.common.SqlValues.date;
import static ci.milie.common.SqlValues.instant;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import ci.milie.common.ClusterLock;
import ci.milie.common.db.FeedBystander;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the roll-up (stats_daily and stats_daily_region, V11; complete months and the percentiles
 * of complete calendar periods, V12; the histograms of working times of every row, V32) in step with
 * the requests. Each run folds in the
 * whole days that ended since the last run and recomputes every past day that a request updated
 * since then counts in. Today is never rolled up: readers compute it from the requests, so the
 * figures of the current day are always live and those of past days are at most one interval old.
 */
@ApplicationScoped
public class StatsRollup {

    private static final Logger LOG = Logger.getLogger(StatsRollup.class);
    static final String JOB = "stats-rollup";
    /** Transactions are far shorter than this: a change committed late is still seen by the next run. */
    static final Duration OVERLAP = Duration.ofMinutes(10);
    /** New days folded in per transaction. */
    static final int DAYS_PER_STEP = 31;

    /** What one run did. */
    public record Run(boolean skipped, LocalDate rolledUntil, int days, int rows) {
    }

    private final EntityManager em;
    private final ClusterLock lock;
    private final Clock clock;

    StatsRollup(EntityManager em, ClusterLock lock, Clock clock) {
        this.em = em;
        this.lock = lock;
        this.clock = clock;
    }

    @Scheduled(identity = JOB, every = "${milie.stats.rollup-interval}", delayed = "${milie.stats.rollup-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        Run run = refresh();
        if (!run.skipped() && run.days() > 0) {
            LOG.infof("statistics roll-up: %d day(s) recomputed, %d row(s), complete until %s", run.days(), run.rows(),
                    run.rolledUntil());
        }
    }

    /**
     * Brings the roll-up up to yesterday; skipped when another instance is doing it. A month of new
     * days per transaction, oldest first: building a national archive takes minutes, far beyond a
     * transaction's timeout, and readers use each month as soon as it is in.
     */
    public Run refresh() {
        int days = 0;
        int rows = 0;
        LocalDate until = null;
        while (true) {
            Step step = QuarkusTransaction.requiringNew().call(this::step);
            if (step.skipped()) {
                return new Run(days == 0, until, days, rows);
            }
            until = step.rolledUntil();
            days += step.days();
            rows += step.rows();
            if (!step.more()) {
                return new Run(false, step.rolledUntil(), days, rows);
            }
        }
    }

    private record Step(boolean skipped, LocalDate rolledUntil, int days, int rows, boolean more) {
        static final Step SKIPPED = new Step(true, null, 0, 0, false);
    }

    /** Folds in up to a month of new days and every past day touched since the last step. */
    private Step step() {
        if (!lock.tryAcquire(JOB)) {
            return Step.SKIPPED;
        }
        // A step over an archive lasts seconds: live streams must not wait for it (it writes no event).
        FeedBystander.declare(em);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Object[] state = (Object[]) em.createNativeQuery(
                "select rolled_until, checked_at from stats_rollup_state where id = 1 for update").getSingleResult();
        LocalDate rolledUntil = date(state[0]);
        Instant checkedAt = instant(state[1]);
        TreeSet<LocalDate> days = new TreeSet<>();
        LocalDate first = rolledUntil != null ? rolledUntil : firstDay().orElse(today);
        LocalDate stop = first.plusDays(DAYS_PER_STEP).isBefore(today) ? first.plusDays(DAYS_PER_STEP) : today;
        for (LocalDate d = first; d.isBefore(stop); d = d.plusDays(1)) {
            days.add(d);
        }
        if (rolledUntil != null && checkedAt != null) {
            for (LocalDate d : touchedDays(checkedAt.minus(OVERLAP))) {
                if (d.isBefore(rolledUntil)) {
                    days.add(d);
                }
            }
        }
        Date[] dates = days.stream().map(Date::valueOf).toArray(Date[]::new);
        int rows = days.isEmpty() ? 0 : ((Number) em.createNativeQuery("select stats_rollup_days(cast(?1 as date[]))")
                .setParameter(1, dates).getSingleResult()).intValue();
        LocalDate until = rolledUntil == null || stop.isAfter(rolledUntil) ? stop : rolledUntil;
        if (!days.isEmpty()) {
            // The complete months, quarters and years holding these days: their monthly rows and
            // exact percentiles (V12).
            em.createNativeQuery("select cast(stats_rollup_periods(cast(?1 as date[]), ?2) as text)")
                    .setParameter(1, dates).setParameter(2, Date.valueOf(until)).getSingleResult();
        }
        em.createNativeQuery("update stats_rollup_state set rolled_until = ?1, checked_at = ?2 where id = 1")
                .setParameter(1, Date.valueOf(until)).setParameter(2, Timestamp.from(now)).executeUpdate();
        return new Step(false, until, days.size(), rows, stop.isBefore(today));
    }

    /** Forgets the roll-up: every figure is computed from the requests until the next refresh. */
    @Transactional
    public void clear() {
        em.createNativeQuery("delete from stats_daily").executeUpdate();
        em.createNativeQuery("delete from stats_daily_region").executeUpdate();
        em.createNativeQuery("delete from stats_monthly").executeUpdate();
        em.createNativeQuery("delete from stats_monthly_region").executeUpdate();
        em.createNativeQuery("delete from stats_period_times").executeUpdate();
        em.createNativeQuery("delete from stats_scope_times").executeUpdate();
        em.createNativeQuery("delete from stats_region_times").executeUpdate();
        em.createNativeQuery("delete from stats_category_counts").executeUpdate();
        em.createNativeQuery("update stats_rollup_state set rolled_until = null, checked_at = null where id = 1")
                .executeUpdate();
    }

    /** The first day any request was submitted, if any. */
    private Optional<LocalDate> firstDay() {
        Object first = em.createNativeQuery("select min(submitted_at) from citizen_request").getSingleResult();
        return first == null ? Optional.empty()
                : Optional.of(LocalDate.ofInstant(instant(first), ZoneOffset.UTC));
    }

    /** Every day on which a request updated since {@code since} counts a figure. */
    private List<LocalDate> touchedDays(Instant since) {
        @SuppressWarnings("unchecked")
        List<Object> days = em.createNativeQuery("""
                with touched as (select * from citizen_request where updated_at >= ?1)
                select distinct cast(t at time zone 'UTC' as date) from (
                    select submitted_at as t from touched
                    union all select acknowledged_at from touched
                    union all select answered_at from touched
                    union all select closed_at from touched
                    union all select status_changed_at from touched where status = 'REJECTED'
                    union all select a.delivered_at from answer a join touched r on r.id = a.request_id
                              where a.status = 'DELIVERED'
                    union all select e.occurred_at from request_event e join touched r on r.id = e.request_id
                              where e.type in ('HANDED_BACK', 'REROUTED')) moments
                where t is not null""").setParameter(1, Timestamp.from(since)).getResultList();
        return days.stream().map(ci.milie.common.SqlValues::date).toList();
    }

    /** The day the roll-up is complete until (exclusive), or null when it is empty. */
    LocalDate rolledUntil() {
        return date(em.createNativeQuery("select rolled_until from stats_rollup_state where id = 1").getSingleResult());
    }
}
