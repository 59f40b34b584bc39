package ci.milie.stats;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import ci.milie.sla.WorkingCalendar;

/**
 * Read-only SQL over the request tables. Every query is built from fixed fragments; values only
 * ever travel as bind parameters. Figures are live: each call reads the current rows.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class StatsQueries {

    /** Which column groups a performance table. */
    enum Dimension {
        ADMINISTRATION("r.administration_id"), CATEGORY("r.category_id");

        final String column;

        Dimension(String column) {
            this.column = column;
        }
    }

    /** Raw per-group figures, before they are turned into a view. */
    static final class Figures {
        long received;
        long answered;
        final List<Double> daysToAcknowledge = new ArrayList<>();
        final List<Double> daysToAnswer = new ArrayList<>();
        long acknowledgementsJudged;
        long acknowledgementsMet;
        long answersJudged;
        long answersMet;
        long reopened;
        long handbacks;
        long reroutes;
        long delivered;
        long ratings;
        long ratingSum;
        long rated4or5;
        long satisfied;
    }

    private static final List<String> OPEN = List.of("RECEIVED", "ROUTED", "IN_PROGRESS", "AWAITING_CITIZEN",
            "UNDER_REVIEW");
    private static final List<String> RUNNING = List.of("RECEIVED", "ROUTED", "IN_PROGRESS", "UNDER_REVIEW");

    private final EntityManager em;
    private final Clock clock;
    private final WorkingCalendar calendar;

    StatsQueries(EntityManager em, Clock clock, WorkingCalendar calendar) {
        this.em = em;
        this.clock = clock;
        this.calendar = calendar;
    }

    Optional<UUID> categoryId(String code) {
        List<?> ids = em.createNativeQuery("select id from category where code = :code")
                .setParameter("code", code).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of((UUID) ids.get(0));
    }

    boolean administrationExists(UUID id) {
        return !em.createNativeQuery("select 1 from administration where id = :id").setParameter("id", id)
                .getResultList().isEmpty();
    }

    StatsOverview overview(StatsFilter filter) {
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> byChannel = new TreeMap<>();
        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> byRegion = new TreeMap<>();
        long received = 0;
        Where where = base(filter, "r.administration_id").period("r.submitted_at", filter);
        for (Object[] row : rows("""
                select r.type, r.channel, c.code, coalesce(r.region, ''), count(*)
                from citizen_request r join category c on c.id = r.category_id
                where %s group by 1, 2, 3, 4""", where)) {
            long n = number(row[4]);
            received += n;
            byType.merge((String) row[0], n, Long::sum);
            byChannel.merge((String) row[1], n, Long::sum);
            byCategory.merge((String) row[2], n, Long::sum);
            byRegion.merge((String) row[3], n, Long::sum);
        }
        long answered = count(base(filter, "r.administration_id").period("r.answered_at", filter));
        long closed = count(base(filter, "r.administration_id").period("r.closed_at", filter));
        Map<String, Long> rejectedByReason = new TreeMap<>();
        long rejected = 0;
        Where rejections = base(filter, "r.administration_id").period("r.status_changed_at", filter)
                .and("r.status = 'REJECTED'");
        for (Object[] row : rows("""
                select coalesce(r.rejection_reason, ''), count(*) from citizen_request r where %s group by 1""",
                rejections)) {
            rejected += number(row[1]);
            rejectedByReason.put((String) row[0], number(row[1]));
        }
        Map<String, Long> backlog = new LinkedHashMap<>();
        OPEN.forEach(s -> backlog.put(s, 0L));
        for (Object[] row : rows("select r.status, count(*) from citizen_request r where %s group by 1",
                base(filter, "r.administration_id").and("r.status in (:open)", "open", OPEN))) {
            backlog.put((String) row[0], number(row[1]));
        }
        long overdue = count(base(filter, "r.administration_id").and("r.status in (:running)", "running", RUNNING)
                .and("r.due_at < :now", "now", Timestamp.from(clock.instant())));
        return new StatsOverview(filter.from(), filter.to(), filter.administrationId(), received, byType, byChannel,
                byCategory, byRegion, answered, closed, rejected, rejectedByReason, backlog, overdue);
    }

    /** Per-group performance figures over the period, keyed by the dimension's id. */
    Map<UUID, Figures> performance(StatsFilter filter, Dimension dimension) {
        Map<UUID, Figures> figures = new HashMap<>();
        String key = dimension.column;
        for (Object[] row : rows("select " + key + ", count(*) from citizen_request r where %s and " + key
                + " is not null group by 1", base(filter, "r.administration_id").period("r.submitted_at", filter))) {
            at(figures, row[0]).received = number(row[1]);
        }
        for (Object[] row : rows("select " + key + ", r.submitted_at, r.acknowledged_at, r.acknowledgement_met"
                + " from citizen_request r where %s and " + key + " is not null",
                base(filter, "r.administration_id").period("r.acknowledged_at", filter))) {
            Figures f = at(figures, row[0]);
            f.daysToAcknowledge.add(workingDays(instant(row[1]), instant(row[2])));
            if (row[3] != null) {
                f.acknowledgementsJudged++;
                f.acknowledgementsMet += Boolean.TRUE.equals(row[3]) ? 1 : 0;
            }
        }
        for (Object[] row : rows("select " + key + ", r.submitted_at, r.answered_at, r.answer_met, r.reopen_count"
                + " from citizen_request r where %s and " + key + " is not null",
                base(filter, "r.administration_id").period("r.answered_at", filter))) {
            Figures f = at(figures, row[0]);
            f.answered++;
            f.daysToAnswer.add(workingDays(instant(row[1]), instant(row[2])));
            if (row[3] != null) {
                f.answersJudged++;
                f.answersMet += Boolean.TRUE.equals(row[3]) ? 1 : 0;
            }
            f.reopened += number(row[4]) > 0 ? 1 : 0;
        }
        for (Object[] row : rows("select " + key + ", count(a.id), count(f.id), coalesce(sum(f.rating), 0),"
                + " count(*) filter (where f.rating >= 4), count(*) filter (where f.satisfied)"
                + " from answer a join citizen_request r on r.id = a.request_id"
                + " left join feedback f on f.answer_id = a.id"
                + " where a.status = 'DELIVERED' and %s and " + key + " is not null group by 1",
                base(filter, "r.administration_id").period("a.delivered_at", filter))) {
            Figures f = at(figures, row[0]);
            f.delivered = number(row[1]);
            f.ratings = number(row[2]);
            f.ratingSum = number(row[3]);
            f.rated4or5 = number(row[4]);
            f.satisfied = number(row[5]);
        }
        if (dimension == Dimension.ADMINISTRATION) {
            // The administration a request was handed back by, or re-routed away from, is the one
            // named by the request's last ROUTED event before that move.
            for (Object[] row : rows("""
                    select adm.id, e.type, count(*)
                    from request_event e
                    join citizen_request r on r.id = e.request_id
                    join lateral (select p.message from request_event p
                                  where p.request_id = e.request_id and p.type = 'ROUTED' and p.seq < e.seq
                                  order by p.seq desc limit 1) last on true
                    join administration adm on adm.name = last.message
                    where e.type in ('HANDED_BACK', 'REROUTED') and %s
                    group by 1, 2""", base(filter, "adm.id").period("e.occurred_at", filter))) {
                Figures f = at(figures, row[0]);
                if ("HANDED_BACK".equals(row[1])) {
                    f.handbacks += number(row[2]);
                } else {
                    f.reroutes += number(row[2]);
                }
            }
        }
        return figures;
    }

    /**
     * Per bucket start ({@code date_trunc} in UTC): [received, answered, ratings, rating sum].
     * {@code unit} is one of day, week, month (checked by the caller; bound as a parameter anyway).
     */
    Map<java.time.LocalDate, long[]> series(StatsFilter filter, String unit) {
        Map<java.time.LocalDate, long[]> buckets = new TreeMap<>();
        String bucket = "cast(date_trunc(:unit, %s at time zone 'UTC') as date)";
        for (Object[] row : rows("select " + bucket.formatted("r.submitted_at") + ", count(*) from citizen_request r"
                + " where %s group by 1", base(filter, "r.administration_id").period("r.submitted_at", filter)
                .param("unit", unit))) {
            buckets.computeIfAbsent(date(row[0]), d -> new long[4])[0] = number(row[1]);
        }
        for (Object[] row : rows("select " + bucket.formatted("r.answered_at") + ", count(*) from citizen_request r"
                + " where %s group by 1", base(filter, "r.administration_id").period("r.answered_at", filter)
                .param("unit", unit))) {
            buckets.computeIfAbsent(date(row[0]), d -> new long[4])[1] = number(row[1]);
        }
        for (Object[] row : rows("select " + bucket.formatted("a.delivered_at") + ", count(f.id), coalesce(sum(f.rating), 0)"
                + " from answer a join citizen_request r on r.id = a.request_id join feedback f on f.answer_id = a.id"
                + " where a.status = 'DELIVERED' and %s group by 1",
                base(filter, "r.administration_id").period("a.delivered_at", filter).param("unit", unit))) {
            long[] b = buckets.computeIfAbsent(date(row[0]), d -> new long[4]);
            b[2] = number(row[1]);
            b[3] = number(row[2]);
        }
        return buckets;
    }

    private static java.time.LocalDate date(Object value) {
        if (value instanceof java.time.LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("Unexpected date type " + value.getClass().getSimpleName());
    }

    /** Code and name of each administration or category, by id. */
    Map<UUID, String[]> labels(Dimension dimension, java.util.Collection<UUID> ids) {
        Map<UUID, String[]> labels = new HashMap<>();
        if (ids.isEmpty()) {
            return labels;
        }
        String sql = dimension == Dimension.ADMINISTRATION
                ? "select id, code, name from administration where id in (:ids)"
                : "select id, code, label_fr from category where id in (:ids)";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("ids", List.copyOf(ids)).getResultList();
        for (Object[] row : rows) {
            labels.put((UUID) row[0], new String[] { (String) row[1], (String) row[2] });
        }
        return labels;
    }

    private double workingDays(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return 0;
        }
        Duration working = calendar.workingTimeBetween(from, to);
        return working.toMillis() / (double) Duration.ofDays(1).toMillis();
    }

    private static Figures at(Map<UUID, Figures> figures, Object key) {
        return figures.computeIfAbsent((UUID) key, k -> new Figures());
    }

    private Where base(StatsFilter filter, String administrationColumn) {
        Where where = new Where();
        if (filter.administrationId() != null) {
            where.and(administrationColumn + " = :administration", "administration", filter.administrationId());
        }
        if (filter.categoryId() != null) {
            where.and("r.category_id = :category", "category", filter.categoryId());
        }
        if (filter.type() != null) {
            where.and("r.type = :type", "type", filter.type());
        }
        if (filter.channel() != null) {
            where.and("r.channel = :channel", "channel", filter.channel());
        }
        if (filter.region() != null) {
            where.and("lower(r.region) = lower(:region)", "region", filter.region());
        }
        return where;
    }

    private long count(Where where) {
        return number(query("select count(*) from citizen_request r where %s", where).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Where where) {
        return query(sql, where).getResultList();
    }

    private Query query(String sql, Where where) {
        Query query = em.createNativeQuery(sql.formatted(where.sql()));
        where.params.forEach(query::setParameter);
        return query;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getSimpleName());
    }

    /** A conjunction of fixed SQL fragments and the values bound to their parameters. */
    private static final class Where {
        private final List<String> clauses = new ArrayList<>();
        private final Map<String, Object> params = new LinkedHashMap<>();

        Where and(String clause) {
            clauses.add(clause);
            return this;
        }

        Where and(String clause, String name, Object value) {
            clauses.add(clause);
            params.put(name, value);
            return this;
        }

        Where param(String name, Object value) {
            params.put(name, value);
            return this;
        }

        Where period(String column, StatsFilter filter) {
            and(column + " >= :from", "from", Timestamp.from(filter.from()));
            return and(column + " < :to", "to", Timestamp.from(filter.to()));
        }

        String sql() {
            return clauses.isEmpty() ? "true" : String.join(" and ", clauses);
        }
    }
}
