package ci.milie.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.common.ProblemException;
import ci.milie.common.Roles;

/** Turns the raw figures into views, and keeps an agent to their own administration. */
@ApplicationScoped
// One read transaction per call: its queries see the same snapshot, and session settings stay local to it.
@Transactional
class StatsService {

    /** Open data withholds any figure resting on fewer requests or ratings than this. */
    static final int MINIMUM_COUNT = 5;

    static final String PUBLIC_CACHE = "public-stats";

    private final StatsQueries queries;

    StatsService(StatsQueries queries) {
        this.queries = queries;
    }

    java.util.Optional<UUID> categoryId(String code) {
        return queries.categoryId(code);
    }

    StatsOverview overview(StatsFilter filter, Caller caller) {
        return queries.overview(scoped(filter, caller));
    }

    AdministrationStatsReport administrations(StatsFilter filter, Caller caller) {
        StatsFilter scoped = scoped(filter, caller);
        return new AdministrationStatsReport(scoped.from(), scoped.to(), administrationRows(scoped));
    }

    private List<AdministrationStats> administrationRows(StatsFilter scoped) {
        Map<UUID, StatsQueries.Figures> figures = queries.performance(scoped, StatsQueries.Dimension.ADMINISTRATION);
        Map<UUID, String[]> labels = queries.labels(StatsQueries.Dimension.ADMINISTRATION, figures.keySet());
        List<AdministrationStats> rows = new ArrayList<>();
        figures.forEach((id, f) -> {
            String[] label = labels.getOrDefault(id, new String[] { null, null });
            rows.add(new AdministrationStats(id, label[0], label[1], f.received, f.answered,
                    f.medianDaysToAcknowledge, f.p90DaysToAcknowledge, f.medianDaysToAnswer, f.p90DaysToAnswer,
                    Percentiles.share(f.acknowledgementsMet, f.acknowledgementsJudged),
                    Percentiles.share(f.answersMet, f.answersJudged), f.handbacks, f.reroutes, f.delivered,
                    f.ratings, f.ratings == 0 ? null : Percentiles.round((double) f.ratingSum / f.ratings, 2),
                    Percentiles.share(f.rated4or5, f.ratings), Percentiles.share(f.satisfied, f.ratings),
                    Percentiles.share(f.ratings, f.delivered), Percentiles.share(f.reopened, f.answered)));
        });
        rows.sort(Comparator.comparing(AdministrationStats::name, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(AdministrationStats::administrationId));
        return rows;
    }

    CategoryStatsReport categories(StatsFilter filter, Caller caller) {
        StatsFilter scoped = scoped(filter, caller);
        Map<UUID, StatsQueries.Figures> figures = queries.performance(scoped, StatsQueries.Dimension.CATEGORY);
        Map<UUID, String[]> labels = queries.labels(StatsQueries.Dimension.CATEGORY, figures.keySet());
        List<CategoryStats> rows = new ArrayList<>();
        figures.forEach((id, f) -> {
            String[] label = labels.getOrDefault(id, new String[] { null, null });
            rows.add(new CategoryStats(id, label[0], label[1], f.received, f.answered,
                    f.medianDaysToAcknowledge, f.p90DaysToAcknowledge, f.medianDaysToAnswer, f.p90DaysToAnswer,
                    Percentiles.share(f.acknowledgementsMet, f.acknowledgementsJudged),
                    Percentiles.share(f.answersMet, f.answersJudged), f.delivered, f.ratings,
                    f.ratings == 0 ? null : Percentiles.round((double) f.ratingSum / f.ratings, 2),
                    Percentiles.share(f.rated4or5, f.ratings), Percentiles.share(f.satisfied, f.ratings),
                    Percentiles.share(f.ratings, f.delivered), Percentiles.share(f.reopened, f.answered)));
        });
        rows.sort(Comparator.comparing(CategoryStats::code, Comparator.nullsLast(Comparator.naturalOrder())));
        return new CategoryStatsReport(scoped.from(), scoped.to(), rows);
    }

    TimeSeries series(StatsFilter filter, String interval, Caller caller) {
        StatsFilter scoped = scoped(filter, caller);
        Map<java.time.LocalDate, long[]> buckets = queries.series(scoped, interval);
        List<TimeSeries.Point> points = new ArrayList<>();
        java.time.LocalDate first = bucketStart(java.time.LocalDate.ofInstant(scoped.from(), java.time.ZoneOffset.UTC), interval);
        java.time.LocalDate last = java.time.LocalDate.ofInstant(scoped.to().minusNanos(1), java.time.ZoneOffset.UTC);
        for (java.time.LocalDate d = first; !d.isAfter(last); d = next(d, interval)) {
            long[] b = buckets.getOrDefault(d, new long[4]);
            points.add(new TimeSeries.Point(d, b[0], b[1], b[2] == 0 ? null : Percentiles.round((double) b[3] / b[2], 2),
                    b[2]));
        }
        return new TimeSeries(scoped.from(), scoped.to(), scoped.administrationId(), interval, points);
    }

    private static java.time.LocalDate bucketStart(java.time.LocalDate day, String interval) {
        return switch (interval) {
            case "week" -> day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            case "month" -> day.withDayOfMonth(1);
            default -> day;
        };
    }

    private static java.time.LocalDate next(java.time.LocalDate start, String interval) {
        return switch (interval) {
            case "week" -> start.plusWeeks(1);
            case "month" -> start.plusMonths(1);
            default -> start.plusDays(1);
        };
    }

    QuarterlyReport quarterly(UUID administrationId, Quarter quarter, Caller caller) {
        StatsFilter scoped = scoped(StatsFilter.period(quarter.start(), quarter.end()).withAdministration(administrationId),
                caller);
        Quarter before = quarter.previous();
        QuarterlyReport.Figures current = quarterFigures(scoped);
        QuarterlyReport.Figures previous = quarterFigures(new StatsFilter(before.start(), before.end(),
                scoped.administrationId(), null, null, null, null));
        AdministrationStats now = current.performance();
        return new QuarterlyReport(scoped.administrationId(), now.code(), now.name(), quarter.toString(),
                before.toString(), current, previous);
    }

    private QuarterlyReport.Figures quarterFigures(StatsFilter filter) {
        StatsOverview overview = queries.overview(filter);
        AdministrationStats performance = administrationRows(filter).stream()
                .filter(a -> a.administrationId().equals(filter.administrationId())).findFirst()
                .orElseGet(() -> empty(filter.administrationId()));
        return new QuarterlyReport.Figures(filter.from(), filter.to(), overview, performance);
    }

    private AdministrationStats empty(UUID id) {
        String[] label = queries.labels(StatsQueries.Dimension.ADMINISTRATION, List.of(id))
                .getOrDefault(id, new String[] { null, null });
        return new AdministrationStats(id, label[0], label[1], 0, 0, null, null, null, null, null, null, 0, 0, 0, 0,
                null, null, null, null, null);
    }

    /**
     * Open data is the same for every reader: computed once per period, then served from memory
     * for up to milie.stats.public-cache (5 minutes), like the page's CDN would.
     */
    @io.quarkus.cache.CacheResult(cacheName = PUBLIC_CACHE)
    PublicStats publicStats(StatsFilter period) {
        List<PublicFigures> administrations = publicFigures(period, StatsQueries.Dimension.ADMINISTRATION);
        List<PublicFigures> categories = publicFigures(period, StatsQueries.Dimension.CATEGORY);
        List<RankEntry> responsiveness = ranking(administrations, PublicFigures::shareWithinDeadline,
                Comparator.comparing(PublicFigures::shareWithinDeadline).reversed()
                        .thenComparing(PublicFigures::medianDaysToAnswer, Comparator.nullsLast(Comparator.naturalOrder())));
        List<RankEntry> satisfaction = ranking(administrations, PublicFigures::shareSatisfied,
                Comparator.comparing(PublicFigures::shareSatisfied).reversed()
                        .thenComparing(PublicFigures::averageRating, Comparator.nullsLast(Comparator.reverseOrder())));
        return new PublicStats(period.from(), period.to(), MINIMUM_COUNT, administrations, categories, responsiveness,
                satisfaction);
    }

    private List<PublicFigures> publicFigures(StatsFilter period, StatsQueries.Dimension dimension) {
        Map<UUID, StatsQueries.Figures> figures = queries.performance(period, dimension, false);
        Map<UUID, String[]> labels = queries.labels(dimension, figures.keySet());
        List<PublicFigures> rows = new ArrayList<>();
        figures.forEach((id, f) -> {
            List<String> withheld = new ArrayList<>();
            Long received = keep(f.received, f.received, "received", withheld);
            Long answered = keep(f.answered, f.answered, "answered", withheld);
            Double median = keep(f.medianDaysToAnswer, f.answered, "medianDaysToAnswer", withheld);
            Double within = keep(Percentiles.share(f.answersMet, f.answersJudged), f.answersJudged,
                    "shareWithinDeadline", withheld);
            Double average = keep(f.ratings == 0 ? null : Percentiles.round((double) f.ratingSum / f.ratings, 2),
                    f.ratings, "averageRating", withheld);
            Double satisfied = keep(Percentiles.share(f.satisfied, f.ratings), f.ratings, "shareSatisfied", withheld);
            String[] label = labels.getOrDefault(id, new String[] { null, null });
            rows.add(new PublicFigures(id, label[0], label[1], received, answered, median, within, average, satisfied,
                    !withheld.isEmpty(), List.copyOf(withheld)));
        });
        rows.sort(Comparator.comparing(PublicFigures::name, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PublicFigures::id));
        return rows;
    }

    private static <T> T keep(T value, long basis, String name, List<String> withheld) {
        if (basis < MINIMUM_COUNT) {
            withheld.add(name);
            return null;
        }
        return value;
    }

    private static List<RankEntry> ranking(List<PublicFigures> rows, java.util.function.Function<PublicFigures, Double> value,
            Comparator<PublicFigures> order) {
        List<PublicFigures> ranked = rows.stream().filter(r -> value.apply(r) != null).sorted(order).toList();
        List<RankEntry> entries = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            PublicFigures r = ranked.get(i);
            entries.add(new RankEntry(i + 1, r.id(), r.code(), r.name(), value.apply(r)));
        }
        return entries;
    }

    /** Supervisors and OSEP see every administration; an agent only their own (404 for another). */
    private StatsFilter scoped(StatsFilter filter, Caller caller) {
        if (caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.OSEP)) {
            if (filter.administrationId() != null && !queries.administrationExists(filter.administrationId())) {
                throw ProblemException.notFound("NOT_FOUND.administration");
            }
            return filter;
        }
        UUID own = caller.administrationId()
                .orElseThrow(() -> ProblemException.forbidden("FORBIDDEN.agent-figures"));
        if (filter.administrationId() != null && !filter.administrationId().equals(own)) {
            throw ProblemException.notFound("NOT_FOUND.administration");
        }
        return filter.withAdministration(own);
    }
}
