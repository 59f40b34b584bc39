package ci.milie.stats;

import static ci.milie.common.SqlValues.date;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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

/**
 * Read-only SQL over the request tables. Every query is built from fixed fragments; values only
 * ever travel as bind parameters. Figures are live: each call reads the current rows.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class StatsQueries {

    /** Which column groups a performance table. */
    enum Dimension {
        ADMINISTRATION("f.administration_id"), CATEGORY("f.category_id");

        final String column;

        Dimension(String column) {
            this.column = column;
        }
    }

    /** Per-group figures of a period, summed from the roll-up; percentiles computed by PostgreSQL. */
    static final class Figures {
        long received;
        long acknowledged;
        long answered;
        Double medianDaysToAcknowledge;
        Double p90DaysToAcknowledge;
        Double medianDaysToAnswer;
        Double p90DaysToAnswer;
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
    private static final String[] REJECTION_REASONS = { "OUT_OF_SCOPE", "ABUSIVE", "DUPLICATE", "INSUFFICIENT" };

    private final EntityManager em;
    private final Clock clock;

    StatsQueries(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
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
        Map<UUID, Long> byCategoryId = new HashMap<>();
        long received = 0;
        long answered = 0;
        long closed = 0;
        long rejected = 0;
        long[] reasons = new long[REJECTION_REASONS.length];
        Where where = facts(filter).dimensions(filter);
        for (Object[] row : rows("""
                select f.type, f.channel, f.category_id, sum(f.received), sum(f.answered), sum(f.closed), sum(f.rejected),
                       sum(f.rejected_out_of_scope), sum(f.rejected_abusive), sum(f.rejected_duplicate),
                       sum(f.rejected_insufficient)
                from %s f where %s group by 1, 2, 3""", where)) {
            long n = number(row[3]);
            received += n;
            if (n > 0) {
                byType.merge((String) row[0], n, Long::sum);
                byChannel.merge((String) row[1], n, Long::sum);
                byCategoryId.merge((UUID) row[2], n, Long::sum);
            }
            answered += number(row[4]);
            closed += number(row[5]);
            rejected += number(row[6]);
            for (int i = 0; i < reasons.length; i++) {
                reasons[i] += number(row[7 + i]);
            }
        }
        Map<String, Long> byCategory = new TreeMap<>();
        Map<UUID, String[]> categories = labels(Dimension.CATEGORY, byCategoryId.keySet());
        byCategoryId.forEach((id, n) -> byCategory.merge(categories.getOrDefault(id, new String[] { id.toString() })[0], n,
                Long::sum));
        Map<String, Long> byRegion = new TreeMap<>();
        for (Object[] row : rows("select f.region, sum(f.received) from %s f where %s group by 1",
                regionFacts(filter).dimensions(filter))) {
            byRegion.put((String) row[0], number(row[1]));
        }
        Map<String, Long> rejectedByReason = new TreeMap<>();
        long known = 0;
        for (int i = 0; i < reasons.length; i++) {
            if (reasons[i] > 0) {
                rejectedByReason.put(REJECTION_REASONS[i], reasons[i]);
                known += reasons[i];
            }
        }
        if (rejected > known) {
            rejectedByReason.put("", rejected - known);
        }
        Map<String, Long> backlog = new LinkedHashMap<>();
        OPEN.forEach(s -> backlog.put(s, 0L));
        for (Object[] row : rows("select r.status, count(*) from citizen_request r where %s group by 1",
                requests(filter).and("r.status in (:open)", "open", OPEN))) {
            backlog.put((String) row[0], number(row[1]));
        }
        long overdue = number(query("select count(*) from citizen_request r where %s",
                requests(filter).and("r.status in (:running)", "running", RUNNING)
                        .and("r.due_at < :now", "now", Timestamp.from(clock.instant()))).getSingleResult());
        return new StatsOverview(filter.from(), filter.to(), filter.administrationId(), received, byType, byChannel,
                byCategory, byRegion, answered, closed, rejected, rejectedByReason, backlog, overdue);
    }

    /** Per-group performance figures over the period, keyed by the dimension's id. */
    Map<UUID, Figures> performance(StatsFilter filter, Dimension dimension) {
        return performance(filter, dimension, true);
    }

    /**
     * The same; without {@code acknowledgementTimes} the times to acknowledge are not ranked (the
     * open data does not publish them) and stay null.
     */
    Map<UUID, Figures> performance(StatsFilter filter, Dimension dimension, boolean acknowledgementTimes) {
        Map<UUID, Figures> figures = new HashMap<>();
        String key = dimension.column;
        Where where = facts(filter).dimensions(filter).and(key + " is not null");
        // One pass: the period's rows are read once, summed, and their working times ranked. The
        // arrays are unnested in the select list (a ProjectSet), four times cheaper than a lateral join.
        for (Object[] row : rows("""
                with f as materialized (select * from %1$s f where %2$s),
                totals as (
                    select %3$s as id, sum(f.received) as received, sum(f.answered) as answered,
                           sum(f.acknowledgements_judged) as ack_judged, sum(f.acknowledgements_met) as ack_met,
                           sum(f.answers_judged) as answer_judged, sum(f.answers_met) as answer_met,
                           sum(f.answered_reopened) as reopened, sum(f.handbacks) as handbacks,
                           sum(f.reroutes) as reroutes, sum(f.delivered) as delivered, sum(f.ratings) as ratings,
                           sum(f.rating_sum) as rating_sum, sum(f.rated_4_or_5) as rated_4_or_5,
                           sum(f.satisfied) as satisfied, sum(f.acknowledged) as acknowledged
                    from f group by 1),
                acknowledgement as (
                    select id, percentile_cont(array[0.5, 0.9]) within group (order by d) as p
                    from (select %3$s as id, unnest(f.acknowledgement_days) as d from f where %4$s) days group by 1),
                answer as (
                    select id, percentile_cont(array[0.5, 0.9]) within group (order by d) as p
                    from (select %3$s as id, unnest(f.answer_days) as d from f) days group by 1)
                select t.id, t.received, t.answered, t.ack_judged, t.ack_met, t.answer_judged, t.answer_met, t.reopened,
                       t.handbacks, t.reroutes, t.delivered, t.ratings, t.rating_sum, t.rated_4_or_5, t.satisfied,
                       ack.p[1], ack.p[2], ans.p[1], ans.p[2], t.acknowledged
                from totals t
                left join acknowledgement ack on ack.id = t.id
                left join answer ans on ans.id = t.id""".formatted("%1$s", "%2$s", key, acknowledgementTimes), where)) {
            Figures f = at(figures, row[0]);
            f.received = number(row[1]);
            f.answered = number(row[2]);
            f.acknowledgementsJudged = number(row[3]);
            f.acknowledgementsMet = number(row[4]);
            f.answersJudged = number(row[5]);
            f.answersMet = number(row[6]);
            f.reopened = number(row[7]);
            f.handbacks = dimension == Dimension.ADMINISTRATION ? number(row[8]) : 0;
            f.reroutes = dimension == Dimension.ADMINISTRATION ? number(row[9]) : 0;
            f.delivered = number(row[10]);
            f.ratings = number(row[11]);
            f.ratingSum = number(row[12]);
            f.rated4or5 = number(row[13]);
            f.satisfied = number(row[14]);
            f.medianDaysToAcknowledge = days(row[15]);
            f.p90DaysToAcknowledge = days(row[16]);
            f.medianDaysToAnswer = days(row[17]);
            f.p90DaysToAnswer = days(row[18]);
            f.acknowledged = number(row[19]);
        }
        // A group with only handbacks or re-routings in the period still has a row, as before.
        figures.values().removeIf(f -> f.received == 0 && f.answered == 0 && f.delivered == 0 && f.handbacks == 0
                && f.reroutes == 0 && f.acknowledged == 0);
        return figures;
    }

    /**
     * Per bucket start ({@code date_trunc} in UTC): [received, answered, ratings, rating sum].
     * {@code unit} is one of day, week, month (checked by the caller; bound as a parameter anyway).
     */
    Map<java.time.LocalDate, long[]> series(StatsFilter filter, String unit) {
        Map<java.time.LocalDate, long[]> buckets = new TreeMap<>();
        for (Object[] row : rows("""
                select cast(date_trunc(:unit, cast(f.day as timestamp)) as date), sum(f.received), sum(f.answered),
                       sum(f.ratings), sum(f.rating_sum)
                from %s f where %s group by 1""", facts(filter).dimensions(filter).param("unit", unit))) {
            buckets.put(date(row[0]), new long[] { number(row[1]), number(row[2]), number(row[3]), number(row[4]) });
        }
        return buckets;
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

    private static Figures at(Map<UUID, Figures> figures, Object key) {
        return figures.computeIfAbsent((UUID) key, k -> new Figures());
    }

    /**
     * The roll-up rows of the period (alias {@code f}): whole days already rolled up are read from
     * stats_daily, the rest (today, partial days at either end) computed from the requests. A region
     * filter reads the requests of the whole period, since the roll-up does not keep regions apart.
     */
    private Where facts(StatsFilter filter) {
        return source(filter, "stats_daily", "stats_facts(%s, %s, null)", "stats_facts(:from, :to, :region)");
    }

    /** Requests received per region, the same way. */
    private Where regionFacts(StatsFilter filter) {
        Where where = source(filter, "stats_daily_region", "stats_facts_by_region(%s, %s)",
                "stats_facts_by_region(:from, :to)");
        if (filter.region() != null) {
            where.and("lower(f.region) = lower(:region)");
        }
        return where;
    }

    private Where source(StatsFilter filter, String table, String live, String liveInRegion) {
        Where where = new Where();
        Instant from = filter.from();
        Instant to = filter.to();
        if (filter.region() != null) {
            return where.from(liveInRegion).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                    .param("region", filter.region());
        }
        java.time.LocalDate rolledUntil = rolledUntil();
        java.time.LocalDate firstWhole = ceilDay(from);
        java.time.LocalDate lastWhole = java.time.LocalDate.ofInstant(to, ZoneOffset.UTC);
        if (rolledUntil != null && rolledUntil.isBefore(lastWhole)) {
            lastWhole = rolledUntil;
        }
        if (rolledUntil == null || !firstWhole.isBefore(lastWhole)) {
            return where.from(live.formatted(":from", ":to")).param("from", Timestamp.from(from))
                    .param("to", Timestamp.from(to));
        }
        Instant wholeFrom = firstWhole.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant wholeTo = lastWhole.atStartOfDay(ZoneOffset.UTC).toInstant();
        return where.from("(select * from " + table + " where day >= :firstDay and day < :endDay"
                + " union all select * from " + live.formatted(":from", ":wholeFrom")
                + " union all select * from " + live.formatted(":wholeTo", ":to") + ")")
                .param("firstDay", java.sql.Date.valueOf(firstWhole)).param("endDay", java.sql.Date.valueOf(lastWhole))
                .param("from", Timestamp.from(from)).param("wholeFrom", Timestamp.from(wholeFrom))
                .param("wholeTo", Timestamp.from(wholeTo)).param("to", Timestamp.from(to));
    }

    private java.time.LocalDate rolledUntil() {
        Object value = em.createNativeQuery("select rolled_until from stats_rollup_state where id = 1").getSingleResult();
        return value == null ? null : date(value);
    }

    private static java.time.LocalDate ceilDay(Instant instant) {
        java.time.LocalDate day = java.time.LocalDate.ofInstant(instant, ZoneOffset.UTC);
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(instant) ? day : day.plusDays(1);
    }

    /** The current requests under the filter's dimensions (alias {@code r}): backlog and overdue now. */
    private Where requests(StatsFilter filter) {
        Where where = new Where();
        if (filter.administrationId() != null) {
            where.and("r.administration_id = :administration", "administration", filter.administrationId());
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

    private static Double days(Object value) {
        return value == null ? null : Percentiles.round(((Number) value).doubleValue(), 2);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Where where) {
        return query(sql, where).getResultList();
    }

    /**
     * Percentiles sort every working time of the period: give this transaction room to do it in
     * memory (PostgreSQL's default 4 MB spilled a quarter's sort to disk). Local to the transaction.
     */
    private void roomToSort() {
        em.createNativeQuery("select set_config('work_mem', '64MB', true)").getSingleResult();
    }

    private Query query(String sql, Where where) {
        if (where.source != null) {
            roomToSort();
        }
        Query query = em.createNativeQuery(where.source == null ? sql.formatted(where.sql())
                : sql.formatted(where.source, where.sql()));
        where.params.forEach(query::setParameter);
        return query;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** A conjunction of fixed SQL fragments and the values bound to their parameters. */
    private static final class Where {
        private String source;
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

        Where from(String source) {
            this.source = source;
            return this;
        }

        /** The filter's dimensions on roll-up rows (alias {@code f}); the region is the source's business. */
        Where dimensions(StatsFilter filter) {
            if (filter.administrationId() != null) {
                and("f.administration_id = :administration", "administration", filter.administrationId());
            }
            if (filter.categoryId() != null) {
                and("f.category_id = :category", "category", filter.categoryId());
            }
            if (filter.type() != null) {
                and("f.type = :type", "type", filter.type());
            }
            if (filter.channel() != null) {
                and("f.channel = :channel", "channel", filter.channel());
            }
            return this;
        }

        Where param(String name, Object value) {
            params.put(name, value);
            return this;
        }

        String sql() {
            return clauses.isEmpty() ? "true" : String.join(" and ", clauses);
        }
    }
}
