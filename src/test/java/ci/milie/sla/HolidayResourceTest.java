package ci.milie.sla;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.asSysadmin;
import static ci.milie.support.Api.url;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ci.milie.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class HolidayResourceTest {

    private static final String HOLIDAYS = "/api/v1/holidays";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    WorkingCalendar calendar;

    @Inject
    DeadlinePolicy deadlines;

    /**
     * A Tuesday, Wednesday or Thursday of 2080–2099 with no rule-based holiday the day before,
     * that day or the day after: the database is shared by every test of a run.
     */
    private static LocalDate freeWeekday() {
        while (true) {
            LocalDate date = LocalDate.of(2080, 1, 1).plusDays(RANDOM.nextInt(20 * 365));
            boolean midweek = List.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)
                    .contains(date.getDayOfWeek());
            boolean nearHoliday = java.util.stream.IntStream.rangeClosed(date.getYear() - 1, date.getYear() + 1)
                    .mapToObj(FixedHolidays::of).flatMap(List::stream)
                    .anyMatch(h -> !h.date().isBefore(date.minusDays(1)) && !h.date().isAfter(date.plusDays(1)));
            if (midweek && !nearHoliday) {
                return date;
            }
        }
    }

    private static Map<String, Object> holiday(LocalDate date) {
        Map<String, Object> body = new HashMap<>();
        body.put("date", date.toString());
        body.put("nameFr", "Tabaski (Aïd el-Kébir)");
        body.put("nameEn", "Eid al-Adha (Tabaski)");
        return body;
    }

    @Test
    void theRuleBasedHolidaysOf2026And2027AreSeededAndListedByYear() {
        for (int year : new int[] { 2026, 2027 }) {
            JsonPath page = as(TestTokens.of("osep")).queryParam("year", year).get(HOLIDAYS).then()
                    .statusCode(200)
                    .body("items.date", everyItem(startsWith(year + "-")))
                    .body("nextCursor", nullValue())
                    .extract().jsonPath();
            List<String> dates = page.getList("items.date");
            List<String> namesFr = page.getList("items.nameFr");
            List<String> namesEn = page.getList("items.nameEn");
            for (FixedHolidays.FixedHoliday expected : FixedHolidays.of(year)) {
                int at = dates.indexOf(expected.date().toString());
                assertTrue(at >= 0, "seeded: " + expected);
                assertEquals(expected.nameFr(), namesFr.get(at));
                assertEquals(expected.nameEn(), namesEn.get(at));
            }
            assertEquals(dates.stream().sorted().toList(), dates, "in date order");
        }
        as(TestTokens.of("supervisor")).queryParam("year", 2027).get(HOLIDAYS).then().statusCode(200)
                .body("items.find { it.date == '2027-03-29' }.nameFr", equalTo("Lundi de Pâques"))
                .body("items.find { it.date == '2027-03-29' }.dayOfWeek", equalTo("MONDAY"));
    }

    @Test
    void sysadminAddsAHolidayAndNewDeadlinesSkipItAtOnce() {
        LocalDate day = freeWeekday();
        Instant dayBefore = day.minusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
        assertTrue(calendar.isWorkingDay(day));
        assertEquals(day.atTime(10, 0).toInstant(ZoneOffset.UTC), calendar.addWorkingDays(dayBefore, 1));

        asSysadmin().body(holiday(day)).post(HOLIDAYS).then()
                .statusCode(201)
                .header("Location", equalTo(url("/api/v1/holidays/" + day)))
                .body("date", equalTo(day.toString()))
                .body("nameFr", equalTo("Tabaski (Aïd el-Kébir)"))
                .body("nameEn", equalTo("Eid al-Adha (Tabaski)"))
                .body("dayOfWeek", equalTo(day.getDayOfWeek().name()));

        assertFalse(calendar.isWorkingDay(day));
        Instant dayAfter = day.plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
        assertEquals(dayAfter, calendar.addWorkingDays(dayBefore, 1));
        assertEquals(dayAfter, deadlines.dueAt(ci.milie.request.Stage.TRIAGE, ci.milie.directory.RequestType.COMPLAINT,
                dayBefore));
        as(TestTokens.of("osep")).queryParam("year", day.getYear()).get(HOLIDAYS).then().statusCode(200)
                .body("items.date", hasItems(day.toString()));

        asSysadmin().delete(HOLIDAYS + "/" + day).then().statusCode(204);
        assertTrue(calendar.isWorkingDay(day));
        assertProblem(asSysadmin().delete(HOLIDAYS + "/" + day).then(), 404, "NOT_FOUND");
    }

    @Test
    void overseersReadAHolidayByItsDateAndAnotherDayIsNotFound() {
        LocalDate day = freeWeekday();
        asSysadmin().body(holiday(day)).post(HOLIDAYS).then().statusCode(201);
        try {
            for (String role : List.of("sysadmin", "osep", "supervisor")) {
                as(TestTokens.of(role)).get(HOLIDAYS + "/" + day).then().statusCode(200)
                        .body("date", equalTo(day.toString()))
                        .body("nameFr", equalTo("Tabaski (Aïd el-Kébir)"))
                        .body("dayOfWeek", equalTo(day.getDayOfWeek().name()));
            }
            assertProblem(as(TestTokens.of("agent")).get(HOLIDAYS + "/" + day).then(), 403, "FORBIDDEN");
        } finally {
            asSysadmin().delete(HOLIDAYS + "/" + day).then().statusCode(204);
        }
        assertProblem(asSysadmin().get(HOLIDAYS + "/" + day).then(), 404, "NOT_FOUND");
        assertProblem(asSysadmin().get(HOLIDAYS + "/2026-02-30").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("date"));
    }

    @Test
    void aSecondHolidayOnTheSameDateGets409() {
        LocalDate day = freeWeekday();
        asSysadmin().body(holiday(day)).post(HOLIDAYS).then().statusCode(201);
        try {
            assertProblem(asSysadmin().body(holiday(day)).post(HOLIDAYS).then(), 409, "DUPLICATE_HOLIDAY");
        } finally {
            asSysadmin().delete(HOLIDAYS + "/" + day).then().statusCode(204);
        }
        assertProblem(asSysadmin().body(holiday(LocalDate.of(2026, 8, 7))).post(HOLIDAYS).then(), 409,
                "DUPLICATE_HOLIDAY");
    }

    @Test
    void onlySysadminChangesTheCalendarAndOnlyOverseersReadIt() {
        LocalDate day = freeWeekday();
        for (String role : List.of("osep", "supervisor", "agent", "operator", "citizen")) {
            assertProblem(as(TestTokens.of(role)).body(holiday(day)).post(HOLIDAYS).then(), 403, "FORBIDDEN");
            assertProblem(as(TestTokens.of(role)).delete(HOLIDAYS + "/2026-08-07").then(), 403, "FORBIDDEN");
        }
        for (String role : List.of("agent", "operator", "citizen")) {
            assertProblem(as(TestTokens.of(role)).get(HOLIDAYS).then(), 403, "FORBIDDEN");
        }
        assertProblem(as(TestTokens.agent(UUID.randomUUID())).get(HOLIDAYS).then(), 403, "FORBIDDEN");
        assertProblem(anonymous().get(HOLIDAYS).then(), 401, "UNAUTHENTICATED");
        assertProblem(anonymous().body(holiday(day)).post(HOLIDAYS).then(), 401, "UNAUTHENTICATED");
        asSysadmin().queryParam("year", day.getYear()).get(HOLIDAYS).then().statusCode(200)
                .body("items.date", org.hamcrest.Matchers.not(hasItems(day.toString())));
    }

    @Test
    void invalidHolidaysGet400WithTheirFields() {
        Map<String, Object> body = holiday(freeWeekday());
        body.put("date", null);
        body.put("nameFr", " ");
        body.put("nameEn", "N".repeat(101));
        assertProblem(asSysadmin().body(body).post(HOLIDAYS).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", hasItems("date", "nameFr", "nameEn"));

        body = holiday(freeWeekday());
        body.put("date", "2026-02-30");
        assertProblem(asSysadmin().body(body).post(HOLIDAYS).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", hasItems("date"));

        body = holiday(LocalDate.of(1999, 12, 31));
        assertProblem(asSysadmin().body(body).post(HOLIDAYS).then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("date"));

        assertProblem(asSysadmin().queryParam("year", "next").get(HOLIDAYS).then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("year"));
        assertProblem(asSysadmin().queryParam("cursor", "%%%").get(HOLIDAYS).then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("cursor"));
        assertProblem(asSysadmin().delete(HOLIDAYS + "/tomorrow").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("date"));
    }

    @Test
    void holidaysArePagedInDateOrder() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(TestTokens.of("osep")).queryParam("year", 2026).queryParam("limit", 4);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(HOLIDAYS).then().statusCode(200).extract().jsonPath();
            List<String> dates = page.getList("items.date");
            assertTrue(dates.size() <= 4);
            seen.addAll(dates);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(seen.stream().sorted().distinct().toList(), seen);
        assertTrue(seen.containsAll(FixedHolidays.of(2026).stream().map(h -> h.date().toString()).toList()));
    }
}
