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
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import ci.milie.common.SqlFilter;
import ci.milie.request.Channel;
import ci.milie.request.RequestStatus;

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

    /**
     * Per-group figures of a period, summed from the roll-up; percentiles from the roll-up's
     * histograms, or exact for a complete calendar month, quarter or year.
     */
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

    private static final List<String> OPEN = RequestStatus.names(RequestStatus.OPEN);
    private static final List<String> RUNNING = RequestStatus.names(RequestStatus.RUNNING);
    private static final String[] REJECTION_REASONS = { "OUT_OF_SCOPE", "ABUSIVE", "DUPLICATE", "INSUFFICIENT" };

    private final EntityManager em;
    private final Clock clock;

    StatsQueries(StatsDatabase database, Clock clock) {
        this.em = database.entityManager();
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
        // Every channel is listed, a quiet one at 0: a dashboard sees that USSD and SMS exist.
        Map<String, Long> byChannel = new TreeMap<>();
        for (Channel channel : Channel.values()) {
            byChannel.put(channel.name(), 0L);
        }
        Map<UUID, Long> byCategoryId = new HashMap<>();
        long received = 0;
        long answered = 0;
        long closed = 0;
        long rejected = 0;
        long[] reasons = new long[REJECTION_REASONS.length];
        java.time.LocalDate rolledUntil = rolledUntil();
        Where where = categoryCounts(filter, rolledUntil).orElseGet(() -> facts(filter, true, rolledUntil))
                .dimensions(filter);
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
        // Per region and group (V41) when the filter names at most one of administration and category
        Where regions = scopeRows(filter, scope(filter), rolledUntil, Grain.ANY, true)
                .orElseGet(() -> regionFacts(filter, rolledUntil));
        for (Object[] row : rows("select f.region, sum(f.received) from %s f where %s group by 1",
                regions.dimensions(filter).and("f.received > 0"))) {
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
        java.time.LocalDate rolledUntil = rolledUntil();
        Optional<CalendarPeriod> calendar = CalendarPeriod.of(filter.from(), filter.to())
                .filter(p -> rolledUntil != null && !p.end().isAfter(rolledUntil) && filter.type() == null
                        && filter.channel() == null && filter.region() == null);
        String times;
        // grouping(administration_id, category_id) of the rows that have the groups of the table
        int scope = dimension == Dimension.ADMINISTRATION ? (filter.categoryId() == null ? 1 : 0)
                : (filter.administrationId() == null ? 2 : 0);
        Where where = scopeRows(filter, scope, rolledUntil, Grain.ANY).orElseGet(() -> facts(filter, true, rolledUntil))
                .dimensions(filter).and(key + " is not null");
        if (calendar.isPresent()) {
            // A complete calendar month, quarter or year: its percentiles were ranked by the roll-up.
            where.param("unit", calendar.get().unit()).param("start", java.sql.Date.valueOf(calendar.get().start()))
                    .param("scope", scope);
            times = """
                    times as (
                        select %3$s as id, case when %4$s then f.acknowledgement_p50 end as ack_p50,
                               case when %4$s then f.acknowledgement_p90 end as ack_p90,
                               f.answer_p50, f.answer_p90
                        from stats_period_times f
                        where f.unit = :unit and f.start = :start and f.scope = :scope"""
                    + (filter.administrationId() == null ? "" : " and f.administration_id = :administration")
                    + (filter.categoryId() == null ? "" : " and f.category_id = :category") + ")";
        } else {
            // Any other period: merged from its histograms below
            times = """
                    times as (
                        select null::uuid as id, null::float8 as ack_p50, null::float8 as ack_p90,
                               null::float8 as answer_p50, null::float8 as answer_p90 where false)""";
        }
        for (Object[] row : rows(("""
                with f as not materialized (select %5$s from %1$s f where %2$s),
                totals as (
                    select %3$s as id, sum(f.received) as received, sum(f.answered) as answered,
                           sum(f.acknowledgements_judged) as ack_judged, sum(f.acknowledgements_met) as ack_met,
                           sum(f.answers_judged) as answer_judged, sum(f.answers_met) as answer_met,
                           sum(f.answered_reopened) as reopened, sum(f.handbacks) as handbacks,
                           sum(f.reroutes) as reroutes, sum(f.delivered) as delivered, sum(f.ratings) as ratings,
                           sum(f.rating_sum) as rating_sum, sum(f.rated_4_or_5) as rated_4_or_5,
                           sum(f.satisfied) as satisfied, sum(f.acknowledged) as acknowledged
                    from f group by 1),
                """ + times + """

                select t.id, t.received, t.answered, t.ack_judged, t.ack_met, t.answer_judged, t.answer_met, t.reopened,
                       t.handbacks, t.reroutes, t.delivered, t.ratings, t.rating_sum, t.rated_4_or_5, t.satisfied,
                       times.ack_p50, times.ack_p90, times.answer_p50, times.answer_p90, t.acknowledged
                from totals t
                left join times on times.id = t.id""").formatted("%1$s", "%2$s", key, acknowledgementTimes,
                PERFORMANCE_COLUMNS), where)) {
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
        if (calendar.isEmpty()) {
            mergeTimes(where, key, acknowledgementTimes, figures);
        }
        // A group with only handbacks or re-routings in the period still has a row, as before.
        figures.values().removeIf(f -> f.received == 0 && f.answered == 0 && f.delivered == 0 && f.handbacks == 0
                && f.reroutes == 0 && f.acknowledged == 0);
        return figures;
    }

    /**
     * The percentiles of a period other than a complete calendar one, from the histograms of the
     * same rows as its counts ({@code where}), merged per group (Histogram).
     */
    private void mergeTimes(Where where, String key, boolean acknowledgementTimes, Map<UUID, Figures> figures) {
        // In binary form: no text to parse, no boxed entries (Histogram)
        String histograms = acknowledgementTimes ? "array_send(f.acknowledgement_hist), array_send(f.answer_hist)"
                : "null, array_send(f.answer_hist)";
        Map<UUID, Histogram[]> merged = new HashMap<>();
        for (Object[] row : rows("select " + key + ", " + histograms + " from %s f where %s", where)) {
            Histogram[] both = merged.computeIfAbsent((UUID) row[0], id -> new Histogram[] { new Histogram(),
                    new Histogram() });
            both[0].add(row[1]);
            both[1].add(row[2]);
        }
        merged.forEach((id, both) -> {
            Figures f = figures.get(id);
            if (f != null) {
                double[] acknowledgement = both[0].percentiles(0.5, 0.9);
                double[] answer = both[1].percentiles(0.5, 0.9);
                f.medianDaysToAcknowledge = acknowledgement == null ? null : days(acknowledgement[0]);
                f.p90DaysToAcknowledge = acknowledgement == null ? null : days(acknowledgement[1]);
                f.medianDaysToAnswer = answer == null ? null : days(answer[0]);
                f.p90DaysToAnswer = answer == null ? null : days(answer[1]);
            }
        });
    }

    /**
     * Per bucket start ({@code date_trunc} in UTC): [received, answered, ratings, rating sum].
     * {@code unit} is one of day, week, month (checked by the caller; bound as a parameter anyway).
     */
    Map<java.time.LocalDate, long[]> series(StatsFilter filter, String unit) {
        Map<java.time.LocalDate, long[]> buckets = new TreeMap<>();
        java.time.LocalDate rolledUntil = rolledUntil();
        // Monthly rows only fit monthly buckets. Without a type, channel or region filter, the rows per
        // group (a day's total when no administration or category is named: scope 3, V38) stand for
        // the roll-up's: a year by week reads 365 rows instead of 500,000 at 5M requests.
        Grain grain = unit.equals("month") ? Grain.MONTHS : Grain.DAYS;
        Where where = scopeRows(filter, scope(filter), rolledUntil, grain)
                .orElseGet(() -> facts(filter, grain == Grain.MONTHS, rolledUntil, SERIES_COLUMNS));
        for (Object[] row : rows("""
                select cast(date_trunc(:unit, cast(f.day as timestamp)) as date), sum(f.received), sum(f.answered),
                       sum(f.ratings), sum(f.rating_sum)
                from %s f where %s group by 1""", where.dimensions(filter).param("unit", unit))) {
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

    /** What a performance table reads of the roll-up rows: neither their working times nor their region. */
    private static final String PERFORMANCE_COLUMNS = """
            f.administration_id, f.category_id, f.received, f.acknowledged, f.acknowledgements_judged,
            f.acknowledgements_met, f.answered, f.answers_judged, f.answers_met, f.answered_reopened, f.handbacks,
            f.reroutes, f.delivered, f.ratings, f.rating_sum, f.rated_4_or_5, f.satisfied""";

    /** What stats_scope_times has of the roll-up rows, summed per group. */
    private static final String SCOPE_COLUMNS = """
            day, administration_id, category_id, received, acknowledged, acknowledgements_judged, acknowledgements_met,
            answered, answers_judged, answers_met, answered_reopened, handbacks, reroutes, delivered, ratings,
            rating_sum, rated_4_or_5, satisfied, acknowledgement_hist, answer_hist""";

    /** What stats_category_counts has of the roll-up rows, summed per category, type and channel. */
    private static final String CATEGORY_COUNT_COLUMNS = """
            day, category_id, type, channel, received, answered, closed, rejected, rejected_out_of_scope,
            rejected_abusive, rejected_duplicate, rejected_insufficient""";

    /**
     * What a time series reads of the roll-up rows: named, so that a year of days is read without the
     * rows' histograms (460 to 285 ms at p95 for a rolling year by week at 5M requests).
     */
    private static final String SERIES_COLUMNS = """
            day, administration_id, category_id, type, channel, received, answered, ratings, rating_sum""";

    /** stats_daily's columns, which the region tables have too, before their region. */
    private static final String COLUMNS = """
            day, administration_id, category_id, type, channel, received, acknowledged, acknowledgements_judged,
            acknowledgements_met, answered, answers_judged, answers_met, answered_reopened, closed, rejected,
            rejected_out_of_scope, rejected_abusive, rejected_duplicate, rejected_insufficient, handbacks, reroutes,
            delivered, ratings, rating_sum, rated_4_or_5, satisfied, acknowledgement_days, answer_days,
            acknowledgement_hist, answer_hist""";

    /**
     * The roll-up rows of the period (alias {@code f}, stats_daily's columns): complete months
     * from stats_monthly when {@code months}, other whole days already rolled up from stats_daily,
     * the rest (today, partial days at either end) computed from the requests. A region filter reads
     * the same levels by region.
     */
    private Where facts(StatsFilter filter, boolean months, java.time.LocalDate rolledUntil) {
        return facts(filter, months, rolledUntil, null);
    }

    /** The same rows with only {@code columns} (all of them when null). */
    private Where facts(StatsFilter filter, boolean months, java.time.LocalDate rolledUntil, String columns) {
        String select = "select " + (columns == null ? "*" : columns) + " from ";
        if (filter.region() == null) {
            return source(filter, months, rolledUntil, select + "%s where day >= %s and day < %s", "stats_daily",
                    "stats_monthly", "stats_facts(%s, %s, null)", columns);
        }
        return source(filter, months, rolledUntil,
                "select " + (columns == null ? COLUMNS : columns)
                        + " from %s where lower(region) = lower(:region) and day >= %s and day < %s",
                "stats_daily_region", "stats_monthly_region", "stats_facts(%s, %s, :region)", columns)
                .param("region", filter.region());
    }

    /** The same rows by region (with a region column): requests received per region. */
    private Where regionFacts(StatsFilter filter, java.time.LocalDate rolledUntil) {
        Where where = source(filter, true, rolledUntil, "select * from %s where day >= %s and day < %s",
                "stats_daily_region", "stats_monthly_region", "stats_facts_by_region(%s, %s)", null);
        where.andIfPresent("lower(f.region) = lower(:region)", "region", filter.region());
        return where;
    }

    private Where source(StatsFilter filter, boolean months, java.time.LocalDate rolledUntil, String rolled,
            String daily, String monthly, String live, String columns) {
        Where where = new Where();
        Instant from = filter.from();
        Instant to = filter.to();
        java.time.LocalDate firstWhole = ceilDay(from);
        java.time.LocalDate lastWhole = java.time.LocalDate.ofInstant(to, ZoneOffset.UTC);
        if (rolledUntil != null && rolledUntil.isBefore(lastWhole)) {
            lastWhole = rolledUntil;
        }
        if (rolledUntil == null || !firstWhole.isBefore(lastWhole)) {
            return where.from(columns == null ? live.formatted(":from", ":to")
                    : "(select " + columns + " from " + live.formatted(":from", ":to") + ")")
                    .param("from", Timestamp.from(from))
                    .param("to", Timestamp.from(to));
        }
        List<String> parts = new ArrayList<>();
        java.time.LocalDate firstMonth = firstWhole.getDayOfMonth() == 1 ? firstWhole
                : firstWhole.withDayOfMonth(1).plusMonths(1);
        java.time.LocalDate endMonth = lastWhole.withDayOfMonth(1);
        if (months && firstMonth.isBefore(endMonth)) {
            rolled(parts, where, rolled, daily, firstWhole, firstMonth);
            rolled(parts, where, rolled, monthly, firstMonth, endMonth);
            rolled(parts, where, rolled, daily, endMonth, lastWhole);
        } else {
            rolled(parts, where, rolled, daily, firstWhole, lastWhole);
        }
        Instant wholeFrom = firstWhole.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant wholeTo = lastWhole.atStartOfDay(ZoneOffset.UTC).toInstant();
        // The partial days at either end, computed from the requests once per query (live_facts), even
        // when the query reads them twice (a performance table's histograms)
        List<String> liveParts = new ArrayList<>();
        if (from.isBefore(wholeFrom)) {
            liveParts.add("select * from " + live.formatted(where.bind(Timestamp.from(from)),
                    where.bind(Timestamp.from(wholeFrom))));
        }
        if (wholeTo.isBefore(to)) {
            liveParts.add("select * from " + live.formatted(where.bind(Timestamp.from(wholeTo)),
                    where.bind(Timestamp.from(to))));
        }
        if (!liveParts.isEmpty()) {
            where.live = String.join(" union all ", liveParts);
            parts.add("select " + (columns == null ? "*" : columns) + " from live_facts");
        }
        return where.from("(" + String.join(" union all ", parts) + ")");
    }

    /**
     * The scope of the roll-up's rows per group that holds the filter's administration and category:
     * both (0), the administration's (1), the category's (2), or the total (3).
     */
    private static int scope(StatsFilter filter) {
        return filter.administrationId() == null ? (filter.categoryId() == null ? 3 : 2)
                : (filter.categoryId() == null ? 1 : 0);
    }

    /** The coarsest roll-up rows a read may take: days, months, or years, quarters and months. */
    private enum Grain {
        DAYS, MONTHS, ANY
    }

    /**
     * The rows of the period per group of {@code scope} (alias {@code f}; SCOPE_COLUMNS):
     * stats_scope_times for rolled-up whole days and complete years, quarters and months as far as
     * {@code grain} allows (V37: a rolling year reads half the histogram entries it read by months),
     * the requests for the partial days; scope 3 is the day's or month's total (V38). A region filter
     * reads the same rows of that region (stats_region_times, V41: scopes 1 to 3). Empty when the
     * period has no rolled-up day or is filtered on a type or channel (neither table splits them), or
     * on a region with scope 0.
     */
    private Optional<Where> scopeRows(StatsFilter filter, int scope, java.time.LocalDate rolledUntil, Grain grain) {
        return scopeRows(filter, scope, rolledUntil, grain, false);
    }

    /**
     * The same; {@code byRegion}, the rows of every region (or of the filter's) with their region
     * column, as regionFacts has them.
     */
    private Optional<Where> scopeRows(StatsFilter filter, int scope, java.time.LocalDate rolledUntil, Grain grain,
            boolean byRegion) {
        boolean regional = byRegion || filter.region() != null;
        if (filter.type() != null || filter.channel() != null || (regional && scope == 0)) {
            return Optional.empty();
        }
        return wholeDays(filter, rolledUntil).map(days -> {
            // The partial days as the period's rows have them (live_facts), then the rolled-up ones per group
            Where where = byRegion ? regionFacts(filter, rolledUntil) : facts(filter, true, rolledUntil);
            String columns = byRegion ? SCOPE_COLUMNS + ", region" : SCOPE_COLUMNS;
            String rolled = "select " + columns + " from " + (regional ? "stats_region_times" : "stats_scope_times")
                    + " where unit = %s and scope = " + where.bind(scope)
                    + (filter.region() == null ? "" : " and lower(region) = lower(:region)")
                    + " and day >= %s and day < %s";
            return periodRows(where, rolled, columns, days[0], days[1], grain);
        });
    }

    /**
     * The rows of the period per category, type and channel (alias {@code f}; CATEGORY_COUNT_COLUMNS):
     * stats_category_counts (V42) for its rolled-up whole days, months, quarters and years, the
     * requests for the partial days. What the overview counts without an administration or region
     * filter: a rolling year reads about 2,000 rows instead of 105,000 roll-up rows at 5M requests.
     */
    private Optional<Where> categoryCounts(StatsFilter filter, java.time.LocalDate rolledUntil) {
        if (filter.administrationId() != null || filter.region() != null) {
            return Optional.empty();
        }
        return wholeDays(filter, rolledUntil).map(days -> {
            Where where = facts(filter, true, rolledUntil);
            String rolled = "select " + CATEGORY_COUNT_COLUMNS
                    + " from stats_category_counts where unit = %s and day >= %s and day < %s";
            return periodRows(where, rolled, CATEGORY_COUNT_COLUMNS, days[0], days[1], Grain.ANY);
        });
    }

    /** The period's first and end whole days that are rolled up, if it has one. */
    private static Optional<java.time.LocalDate[]> wholeDays(StatsFilter filter, java.time.LocalDate rolledUntil) {
        if (rolledUntil == null) {
            return Optional.empty();
        }
        java.time.LocalDate firstWhole = ceilDay(filter.from());
        java.time.LocalDate lastWhole = java.time.LocalDate.ofInstant(filter.to(), ZoneOffset.UTC);
        if (rolledUntil.isBefore(lastWhole)) {
            lastWhole = rolledUntil;
        }
        return firstWhole.isBefore(lastWhole) ? Optional.of(new java.time.LocalDate[] { firstWhole, lastWhole })
                : Optional.empty();
    }

    /**
     * The rows {@code rolled} selects (placeholders: the unit, then the two days) for the whole days
     * [firstWhole, lastWhole) as the fewest rows {@code grain} allows, plus {@code where}'s live part:
     * the source of {@code where}.
     */
    private static Where periodRows(Where where, String rolled, String columns, java.time.LocalDate firstWhole,
            java.time.LocalDate lastWhole, Grain grain) {
        List<String> parts = new ArrayList<>();
        java.time.LocalDate firstMonth = firstWhole.getDayOfMonth() == 1 ? firstWhole
                : firstWhole.withDayOfMonth(1).plusMonths(1);
        java.time.LocalDate endMonth = lastWhole.withDayOfMonth(1);
        if (grain != Grain.DAYS && firstMonth.isBefore(endMonth)) {
            rolled(parts, where, rolled, "'day'", firstWhole, firstMonth);
            // The complete months as the fewest rows: whole years, then whole quarters, then months
            String run = null;
            java.time.LocalDate runStart = firstMonth;
            for (java.time.LocalDate month = firstMonth; month.isBefore(endMonth);) {
                String unit;
                java.time.LocalDate next;
                if (grain == Grain.ANY && month.getMonthValue() == 1 && !month.plusYears(1).isAfter(endMonth)) {
                    unit = "'year'";
                    next = month.plusYears(1);
                } else if (grain == Grain.ANY && month.getMonthValue() % 3 == 1
                        && !month.plusMonths(3).isAfter(endMonth)) {
                    unit = "'quarter'";
                    next = month.plusMonths(3);
                } else {
                    unit = "'month'";
                    next = month.plusMonths(1);
                }
                if (!unit.equals(run)) {
                    if (run != null) {
                        rolled(parts, where, rolled, run, runStart, month);
                    }
                    run = unit;
                    runStart = month;
                }
                month = next;
            }
            rolled(parts, where, rolled, run, runStart, endMonth);
            rolled(parts, where, rolled, "'day'", endMonth, lastWhole);
        } else {
            rolled(parts, where, rolled, "'day'", firstWhole, lastWhole);
        }
        if (where.live != null) {
            parts.add("select " + columns + " from live_facts");
        }
        return where.from("(" + String.join(" union all ", parts) + ")");
    }

    /**
     * Adds the rows of {@code table} dated in [first, end), if that range holds a day ({@code select}
     * has three placeholders: the table, or the unit of stats_scope_times, then the two days).
     */
    private static void rolled(List<String> parts, Where where, String select, String table, java.time.LocalDate first,
            java.time.LocalDate end) {
        if (first.isBefore(end)) {
            parts.add(select.formatted(table, where.bind(java.sql.Date.valueOf(first)),
                    where.bind(java.sql.Date.valueOf(end))));
        }
    }

    /** A complete calendar month, quarter or year (UTC days): the roll-up ranks its working times. */
    record CalendarPeriod(String unit, java.time.LocalDate start, java.time.LocalDate end) {

        static Optional<CalendarPeriod> of(Instant from, Instant to) {
            java.time.LocalDate start = java.time.LocalDate.ofInstant(from, ZoneOffset.UTC);
            java.time.LocalDate end = java.time.LocalDate.ofInstant(to, ZoneOffset.UTC);
            if (!start.atStartOfDay(ZoneOffset.UTC).toInstant().equals(from)
                    || !end.atStartOfDay(ZoneOffset.UTC).toInstant().equals(to) || start.getDayOfMonth() != 1) {
                return Optional.empty();
            }
            if (end.equals(start.plusMonths(1))) {
                return Optional.of(new CalendarPeriod("month", start, end));
            }
            if (start.getMonthValue() % 3 == 1 && end.equals(start.plusMonths(3))) {
                return Optional.of(new CalendarPeriod("quarter", start, end));
            }
            if (start.getDayOfYear() == 1 && end.equals(start.plusYears(1))) {
                return Optional.of(new CalendarPeriod("year", start, end));
            }
            return Optional.empty();
        }
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
        where.andIfPresent("r.administration_id = :administration", "administration", filter.administrationId());
        where.andIfPresent("r.category_id = :category", "category", filter.categoryId());
        where.andIfPresent("r.type = :type", "type", filter.type());
        where.andIfPresent("r.channel = :channel", "channel", filter.channel());
        // The same buckets as the roll-up (stats_region_bucket): a code, or UNMAPPED for the free text of
        // older requests. Written out so that the region is compared before the code is looked up: the
        // function on every open request cost 250 ms at 5M requests, this 35 ms.
        where.andIfPresent("""
                ((lower(r.region) = lower(:region) and exists (select 1 from region g where g.code = r.region))
                 or (lower(:region) = 'unmapped' and r.region is not null
                     and not exists (select 1 from region g where g.code = r.region)))""", "region", filter.region());
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
     * Percentiles sum every histogram bucket of the period in a hash table: give this transaction
     * room to do it in memory (PostgreSQL's default 4 MB spilled a quarter's sort of working times to
     * disk). Local to the transaction.
     */
    private void roomToSort() {
        em.createNativeQuery("select set_config('work_mem', '64MB', true)").getSingleResult();
    }

    private Query query(String sql, Where where) {
        if (where.source != null) {
            roomToSort();
        }
        String text = (where.source == null ? sql.formatted(where.conjunction())
                : sql.formatted(where.source, where.conjunction())).strip();
        if (where.live != null) {
            // Neither materialized nor not: PostgreSQL computes it once when the query reads it twice,
            // and inlines it when once (then it leaves out the columns nobody reads, arrays included)
            String live = "live_facts as (" + where.live + ")";
            text = text.startsWith("with ") ? "with " + live + ", " + text.substring(5) : "with " + live + " " + text;
        }
        String sent = text;
        Query query = em.createNativeQuery(sent);
        // A query may read only some of the rows its filter describes (the percentiles read the live
        // part of the period, not its rolled-up rows): bind what the text names
        where.params().forEach((name, value) -> {
            if (Pattern.compile(":" + name + "\\b").matcher(sent).find()) {
                query.setParameter(name, value);
            }
        });
        return query;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The filter of a statistics query, and the rows it reads ({@code source}, when not the query's own). */
    private static final class Where extends SqlFilter {
        private String source;
        /** The rows computed from the requests (partial days), which the source reads as live_facts. */
        private String live;

        @Override
        public Where and(String clause) {
            super.and(clause);
            return this;
        }

        @Override
        public Where and(String clause, String name, Object value) {
            super.and(clause, name, value);
            return this;
        }

        @Override
        public Where param(String name, Object value) {
            super.param(name, value);
            return this;
        }

        Where from(String source) {
            this.source = source;
            return this;
        }

        /** The filter's dimensions on roll-up rows (alias {@code f}); the region is the source's business. */
        Where dimensions(StatsFilter filter) {
            andIfPresent("f.administration_id = :administration", "administration", filter.administrationId());
            andIfPresent("f.category_id = :category", "category", filter.categoryId());
            andIfPresent("f.type = :type", "type", filter.type());
            andIfPresent("f.channel = :channel", "channel", filter.channel());
            return this;
        }
    }
}
