package ci.milie.stats;

import static ci.milie.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.sla.WorkingCalendar;
import ci.milie.support.Requests.Setting;
import ci.milie.support.TestClock;
import ci.milie.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** Figures read from the daily roll-up are the figures computed from the requests. */
@QuarkusTest
class StatsRollupTest {

    @Inject
    TestClock clock;

    @Inject
    WorkingCalendar calendar;

    @Inject
    StatsRollup rollup;

    @Inject
    jakarta.persistence.EntityManager em;

    @AfterEach
    void forgetTheRollup() {
        // Other test classes read live figures of days this test rolled up: leave nothing behind.
        rollup.clear();
        clock.reset();
    }

    @Test
    void rolledUpFiguresEqualTheLiveOnes() {
        StatsFixture data = StatsFixture.get(clock, calendar);
        data.atEnd(clock);
        Map<String, String> live = everyStatistic(data);

        StatsRollup.Run run = rollup.refresh();

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        assertFalse(run.skipped());
        assertEquals(today, run.rolledUntil(), "whole days up to yesterday are rolled up, today stays live");
        assertTrue(run.rows() > 0, "the fortnight's days hold roll-up rows");
        assertEquals(live, everyStatistic(data));
    }

    @Test
    void aRatingOfAnAnswerDeliveredOnAPastDayCountsAfterTheNextRefresh() {
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).plusWeeks(8).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Instant t0 = monday.atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC);
        clock.reset();
        clock.advance(Duration.between(Instant.now(), t0));
        Setting at = Setting.create(false);
        String[] request = StatsFixture.submit(at.categoryCode(), false);
        StatsFixture.route(at, request[0], at.administrationId(), null);
        StatsFixture.acknowledge(at, request[0]);
        StatsFixture.answer(at, request[0]);
        clock.advance(Duration.ofDays(1)); // Tuesday: Monday is a past day now
        rollup.refresh();

        StatsFixture.rate(request, 5, true);

        Map<String, String> period = Map.of("from", monday.toString(), "to", monday.plusDays(1).toString(),
                "administrationId", at.administrationId());
        // Monday comes from the roll-up, folded before the rating: one interval late, by design.
        as(TestTokens.of("supervisor")).queryParams(period).get("/api/v1/stats/administrations").then().statusCode(200)
                .body("administrations[0].answersDelivered", equalTo(1))
                .body("administrations[0].ratings", equalTo(0));

        StatsRollup.Run run = rollup.refresh();

        assertEquals(1, run.days(), "only Monday, the day the rated answer was delivered, is recomputed");
        as(TestTokens.of("supervisor")).queryParams(period).get("/api/v1/stats/administrations").then().statusCode(200)
                .body("administrations[0].answersDelivered", equalTo(1))
                .body("administrations[0].ratings", equalTo(1))
                .body("administrations[0].averageRating", equalTo(5.0f))
                .body("administrations[0].medianDaysToAnswer", equalTo(0.0f));
    }

    @Test
    void anArchiveOfSeveralMonthsIsBuiltAMonthAtATimeUpToToday() {
        clock.reset();
        clock.advance(Duration.ofDays(-200));
        Setting at = Setting.create(false);
        StatsFixture.submit(at.categoryCode(), false);
        clock.reset();

        StatsRollup.Run run = rollup.refresh();

        assertFalse(run.skipped());
        assertEquals(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), run.rolledUntil());
        assertTrue(run.days() >= 200, "every day since the oldest request, in steps of " + StatsRollup.DAYS_PER_STEP);
    }

    @Test
    void aRegionFilterReadsTheRegionRollupAndAgreesWithTheRequests() {
        StatsFixture data = StatsFixture.get(clock, calendar);
        data.atEnd(clock);
        Map<String, String> inAbidjan = new LinkedHashMap<>(data.period());
        inAbidjan.put("region", "abidjan");
        Map<String, String> live = everyStatistic(inAbidjan);

        rollup.refresh();

        assertEquals(live, everyStatistic(inAbidjan));
        as(TestTokens.of("supervisor")).queryParams(data.period()).queryParam("administrationId", data.a.administrationId())
                .queryParam("region", "abidjan").get("/api/v1/stats/overview").then().statusCode(200)
                .body("received", equalTo(6))
                .body("receivedByRegion", equalTo(Map.of("ABIDJAN", 6)))
                .body("answered", equalTo(5));
    }

    @Test
    void aCalendarMonthQuarterOrYearReadsItsRankedPercentilesAndAgreesWithTheRequests() {
        StatsFixture data = StatsFixture.get(clock, calendar);
        LocalDate month = data.monday.withDayOfMonth(1);
        LocalDate quarter = month.withMonth(3 * ((month.getMonthValue() - 1) / 3) + 1);
        LocalDate year = month.withDayOfYear(1);
        // One more of B's requests, answered, in another region and away from the fixture's fortnight:
        // a region filter that counted every region would count it.
        LocalDate elsewhere = data.monday.getDayOfYear() > 40 ? year.plusDays(5) : year.plusMonths(6);
        clock.reset();
        clock.advance(Duration.between(clock.instant(), elsewhere.atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC)));
        Map<String, Object> inGbeke = ci.milie.support.Requests.complaint(data.b.categoryCode(),
                "stats-gbeke-" + java.util.UUID.randomUUID() + "@example.ci");
        inGbeke.put("location", Map.of("region", "GBEKE", "locality", "Bouaké"));
        String gbeke = ci.milie.support.Requests.submitAnonymously(inGbeke).getString("id");
        StatsFixture.route(data.b, gbeke, data.b.administrationId(), null);
        StatsFixture.acknowledge(data.b, gbeke);
        StatsFixture.answer(data.b, gbeke);
        // Well after the fixture's year: every one of these periods is complete and rolled up.
        clock.reset();
        clock.advance(Duration.between(clock.instant(), year.plusYears(1).plusDays(3).atStartOfDay(ZoneOffset.UTC)
                .toInstant()));
        Map<String, Map<String, String>> periods = new LinkedHashMap<>();
        periods.put("month", Map.of("from", month.toString(), "to", month.plusMonths(1).minusDays(1).toString()));
        periods.put("quarter", Map.of("from", quarter.toString(), "to", quarter.plusMonths(3).minusDays(1).toString()));
        periods.put("year", Map.of("from", year.toString(), "to", year.plusYears(1).minusDays(1).toString()));
        periods.put("quarter of A", Map.of("from", quarter.toString(), "to", quarter.plusMonths(3).minusDays(1).toString(),
                "administrationId", data.a.administrationId()));
        periods.put("quarter of A's category", Map.of("from", quarter.toString(),
                "to", quarter.plusMonths(3).minusDays(1).toString(), "categoryCode", data.a.categoryCode()));
        // Not calendar periods: their counts and histograms read days, months, quarters and years (V37)
        periods.put("the year and days around it", Map.of("from", year.minusDays(17).toString(),
                "to", year.plusYears(1).plusDays(1).toString()));
        periods.put("from the middle of a month to the year's end", Map.of("from", month.plusDays(9).toString(),
                "to", year.plusYears(1).minusDays(1).toString()));
        // Filtered on a region: the same rows kept per region (V41)
        periods.put("the year and days around it, in Abidjan", Map.of("from", year.minusDays(17).toString(),
                "to", year.plusYears(1).plusDays(1).toString(), "region", "abidjan"));
        periods.put("A, from the middle of a month to the year's end, in Abidjan", Map.of("from",
                month.plusDays(9).toString(), "to", year.plusYears(1).minusDays(1).toString(), "administrationId",
                data.a.administrationId(), "region", "ABIDJAN"));
        periods.put("the quarter of A's category, in Abidjan", Map.of("from", quarter.toString(),
                "to", quarter.plusMonths(3).minusDays(1).toString(), "categoryCode", data.a.categoryCode(),
                "region", "Abidjan"));
        Map<String, Map<String, String>> live = new LinkedHashMap<>();
        periods.forEach((name, period) -> live.put(name, everyStatistic(period)));

        rollup.refresh();

        for (String unit : new String[] { "month", "quarter", "year" }) {
            LocalDate start = unit.equals("month") ? month : unit.equals("quarter") ? quarter : year;
            Object ranked = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    select answer_p50 from stats_period_times
                    where unit = ?1 and start = ?2 and scope = 1 and administration_id = ?3""")
                    .setParameter(1, unit).setParameter(2, java.sql.Date.valueOf(start))
                    .setParameter(3, java.util.UUID.fromString(data.a.administrationId())).getSingleResult());
            assertTrue(ranked instanceof Number, "the " + unit + "'s median time to answer of A is ranked");
        }
        assertEquals(2L, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("""
                        select count(distinct unit) from stats_scope_times
                        where unit in ('quarter', 'year') and scope = 1 and administration_id = ?1""")
                .setParameter(1, java.util.UUID.fromString(data.a.administrationId())).getSingleResult()).longValue()),
                "A's quarter and year are rolled up per administration");
        assertEquals(2L, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("""
                        select count(distinct unit) from stats_region_times
                        where unit in ('quarter', 'year') and scope = 1 and region = 'ABIDJAN' and administration_id = ?1""")
                .setParameter(1, java.util.UUID.fromString(data.a.administrationId())).getSingleResult()).longValue()),
                "A's quarter and year are rolled up per administration in Abidjan");
        periods.forEach((name, period) -> assertEquals(live.get(name), everyStatistic(period), name));
        as(TestTokens.of("supervisor")).queryParams(periods.get("quarter of A"))
                .get("/api/v1/stats/administrations").then().statusCode(200)
                .body("administrations[0].answered", equalTo(5))
                .body("administrations[0].ratings", equalTo(5));
    }

    /** The JSON of each statistics endpoint over the fixture's fortnight. */
    private static Map<String, String> everyStatistic(StatsFixture data) {
        return everyStatistic(data.period());
    }

    /** The JSON of each statistics endpoint with these query parameters. */
    private static Map<String, String> everyStatistic(Map<String, String> params) {
        Map<String, String> bodies = new LinkedHashMap<>();
        String[] paths = { "/api/v1/stats/overview", "/api/v1/stats/administrations", "/api/v1/stats/categories",
                "/api/v1/stats/timeseries?interval=day", "/api/v1/stats/timeseries?interval=week",
                "/api/v1/stats/timeseries?interval=month" };
        for (String path : paths) {
            bodies.put(path, as(TestTokens.of("supervisor")).queryParams(params).get(path).then().statusCode(200)
                    .extract().asString());
        }
        Map<String, String> period = Map.of("from", params.get("from"), "to", params.get("to"));
        bodies.put("/api/v1/public/stats", io.restassured.RestAssured.given().queryParams(period)
                .get("/api/v1/public/stats").then().statusCode(200).extract().asString());
        return bodies;
    }
}
