package ci.milie.stats;

import static ci.milie.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.sla.WorkingCalendar;
import ci.milie.support.TestClock;
import ci.milie.support.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Medians and 90th percentiles of periods other than a complete calendar month, quarter or year are
 * read from histograms (built by R__stats_functions, read by Histogram): within 0.005 working day
 * plus 1/256 of the figure of PostgreSQL's exact percentile_cont, as docs/STATISTICS.md states.
 */
@QuarkusTest
class StatsHistogramTest {

    /** The stated bound, in working days, for an exact percentile of {@code days}. */
    static double bound(double days) {
        return 0.005 + days / 256;
    }

    /** Rounding error allowed on top of it when both figures are shown to 2 decimals. */
    private static final double ROUNDING = 0.005 + 1e-9;

    @Inject
    EntityManager em;

    @Inject
    TestClock clock;

    @Inject
    WorkingCalendar calendar;

    @Inject
    StatsRollup rollup;

    @AfterEach
    void forgetTheRollup() {
        rollup.clear();
        clock.reset();
    }

    @Test
    void onManyRandomSetsTheHistogramPercentilesAreWithinTheBoundOfTheExactOnes() {
        Random random = new Random(20261130L);
        double worst = 0;
        for (int set = 0; set < 400; set++) {
            double[] days = randomWorkingTimes(random, set % 5, 1 + random.nextInt(set % 3 == 0 ? 20 : 3000));
            double[] both = percentiles(days);
            for (int i = 0; i < 2; i++) {
                double estimate = both[i];
                double exact = both[2 + i];
                double error = Math.abs(estimate - exact);
                assertTrue(error <= bound(exact) + 1e-9, "set " + set + " (" + days.length + " values), "
                        + (i == 0 ? "median" : "p90") + ": " + estimate + " for " + exact);
                worst = Math.max(worst, error / bound(exact));
            }
        }
        // The bound is not vacuous: some sets come close to it
        assertTrue(worst > 0.2, "worst error, as a share of the bound: " + worst);
    }

    @Test
    void histogramsMergeExactlyWhicheverWayAPeriodIsCut() {
        Random random = new Random(17L);
        for (int set = 0; set < 50; set++) {
            double[] days = randomWorkingTimes(random, set % 5, 1 + random.nextInt(500));
            List<double[]> parts = new ArrayList<>();
            int start = 0;
            while (start < days.length) {
                int end = Math.min(days.length, start + 1 + random.nextInt(40));
                parts.add(java.util.Arrays.copyOfRange(days, start, end));
                start = end;
            }
            String merged = call(() -> (String) em.createNativeQuery("""
                    select cast(stats_hist_merge(stats_histogram(cast(string_to_array(p, ',') as double precision[])))
                                as text)
                    from unnest(cast(?1 as text[])) p""").setParameter(1,
                    parts.stream().map(StatsHistogramTest::csv).toArray(String[]::new)).getSingleResult());
            String whole = call(() -> (String) em.createNativeQuery(
                    "select cast(stats_histogram(cast(?1 as double precision[])) as text)")
                    .setParameter(1, boxed(days)).getSingleResult());
            assertEquals(whole, merged, "set " + set + " cut in " + parts.size());
        }
    }

    @Test
    void theFixturesFiguresAreWithinTheBoundOfTheExactOnesLiveAndRolledUp() {
        StatsFixture data = StatsFixture.get(clock, calendar);
        data.atEnd(clock);
        Map<String, String> period = data.period();
        assertWithinBound(data, period);

        rollup.refresh();

        // The fifth answer is today's: live, from the requests
        assertEquals(4L, call(() -> ((Number) em.createNativeQuery("""
                select sum(e & 4294967295) from stats_scope_times, unnest(answer_hist) e
                where unit = 'day' and scope = 1 and administration_id = ?1 and day >= ?2 and day < ?3""")
                .setParameter(1, UUID.fromString(data.a.administrationId()))
                .setParameter(2, java.sql.Date.valueOf(period.get("from")))
                .setParameter(3, java.sql.Date.valueOf(LocalDate.parse(period.get("to")).plusDays(1))).getSingleResult())
                .longValue()), "A's answers of rolled-up days, in its histograms per administration and day");
        assertWithinBound(data, period);
    }

    private void assertWithinBound(StatsFixture data, Map<String, String> period) {
        JsonPath body = as(TestTokens.of("supervisor")).queryParams(period).get("/api/v1/stats/administrations").then()
                .statusCode(200).extract().jsonPath();
        Timestamp from = Timestamp.from(LocalDate.parse(period.get("from")).atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp to = Timestamp.from(LocalDate.parse(period.get("to")).plusDays(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant());
        int checked = 0;
        for (String administration : new String[] { data.a.administrationId(), data.b.administrationId() }) {
            String row = "administrations.find { it.administrationId == '" + administration + "' }.";
            for (String stage : new String[] { "acknowledg", "answer" }) {
                String figure = stage.equals("answer") ? "DaysToAnswer" : "DaysToAcknowledge";
                double[] exact = exact(stage, UUID.fromString(administration), from, to);
                Number median = body.get(row + "median" + figure);
                Number p90 = body.get(row + "p90" + figure);
                assertNotNull(median, administration + " " + figure);
                assertTrue(Math.abs(median.doubleValue() - exact[0]) <= bound(exact[0]) + ROUNDING,
                        median + " for " + exact[0]);
                assertTrue(Math.abs(p90.doubleValue() - exact[1]) <= bound(exact[1]) + ROUNDING,
                        p90 + " for " + exact[1]);
                checked++;
            }
        }
        assertEquals(4, checked);
    }

    /** percentile_cont over the requests themselves: the exact median and 90th percentile. */
    private double[] exact(String stage, UUID administration, Timestamp from, Timestamp to) {
        String column = stage.equals("answer") ? "answer" : "acknowledgement";
        String at = stage.equals("answer") ? "answered_at" : "acknowledged_at";
        Object[] row = call(() -> (Object[]) em.createNativeQuery("""
                select (percentile_cont(array[0.5, 0.9]) within group (order by %1$s_working_seconds / 86400.0))[1],
                       (percentile_cont(array[0.5, 0.9]) within group (order by %1$s_working_seconds / 86400.0))[2]
                from citizen_request where administration_id = ?1 and %2$s >= ?2 and %2$s < ?3"""
                .formatted(column, at)).setParameter(1, administration).setParameter(2, from).setParameter(3, to)
                .getSingleResult());
        return new double[] { ((Number) row[0]).doubleValue(), ((Number) row[1]).doubleValue() };
    }

    /**
     * [histogram median, histogram p90, exact median, exact p90] of these working days: the
     * histogram built by the roll-up's function and read as the API reads it (Histogram).
     */
    private double[] percentiles(double[] days) {
        Object[] row = call(() -> (Object[]) em.createNativeQuery("""
                select stats_histogram(cast(?1 as double precision[])), e[1], e[2]
                from (select percentile_cont(array[0.5, 0.9]) within group (order by d) as e
                      from unnest(cast(?1 as double precision[])) d) exact""").setParameter(1, boxed(days))
                .getSingleResult());
        Histogram histogram = new Histogram();
        histogram.add(row[0]);
        assertEquals(days.length, histogram.total());
        double[] read = histogram.percentiles(0.5, 0.9);
        return new double[] { read[0], read[1], ((Number) row[1]).doubleValue(), ((Number) row[2]).doubleValue() };
    }

    /**
     * Working days as the requests record them (whole working seconds ÷ 86,400), of five shapes:
     * within hours, spread over weeks, a long tail over a year, whole days and hours (ties on bucket
     * bounds), and a few far-apart values (percentiles interpolated across empty buckets).
     */
    private static double[] randomWorkingTimes(Random random, int shape, int count) {
        double[] days = new double[count];
        for (int i = 0; i < count; i++) {
            long seconds = switch (shape) {
                case 0 -> (long) (random.nextDouble() * 2 * 86_400);
                case 1 -> (long) (-Math.log(1 - random.nextDouble()) * 5 * 86_400);
                case 2 -> (long) (Math.exp(random.nextGaussian() * 1.5 + 1) * 86_400);
                case 3 -> random.nextInt(30 * 24) * 3_600L;
                default -> (long) (random.nextDouble() * random.nextDouble() * 400 * 86_400);
            };
            days[i] = Math.min(seconds, 3_000L * 86_400) / 86_400.0;
        }
        return days;
    }

    private static Double[] boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toArray(Double[]::new);
    }

    private static String csv(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double value : values) {
            text.append(text.isEmpty() ? "" : ",").append(value);
        }
        return text.toString();
    }

    private static <T> T call(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
