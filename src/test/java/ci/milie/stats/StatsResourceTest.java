package ci.milie.stats;

import static ci.milie.support.Api.as;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ci.milie.sla.WorkingCalendar;
import ci.milie.support.TestClock;
import ci.milie.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class StatsResourceTest {

    @Inject
    TestClock clock;

    @Inject
    WorkingCalendar calendar;

    StatsFixture data;

    @BeforeEach
    void dataSet() {
        data = StatsFixture.get(clock, calendar);
        data.atEnd(clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private RequestSpecification supervisor() {
        return as(TestTokens.of("supervisor")).queryParams(data.period());
    }

    @Test
    void overviewCountsOneAdministrationsRequests() {
        supervisor().queryParam("administrationId", data.a.administrationId()).get("/api/v1/stats/overview").then()
                .statusCode(200)
                .body("administrationId", equalTo(data.a.administrationId()))
                .body("received", equalTo(6))
                .body("receivedByType", equalTo(Map.of("COMPLAINT", 6)))
                .body("receivedByChannel", equalTo(Map.of("WEB", 0, "MOBILE", 6, "PHONE", 0, "USSD", 0, "SMS", 0)))
                .body("receivedByCategory", equalTo(Map.of(data.a.categoryCode(), 6)))
                .body("receivedByRegion", equalTo(Map.of("ABIDJAN", 6)))
                .body("answered", equalTo(5))
                .body("closed", equalTo(4))
                .body("rejected", equalTo(0))
                .body("backlogByStatus", equalTo(Map.of("RECEIVED", 0, "ROUTED", 1, "IN_PROGRESS", 1,
                        "AWAITING_CITIZEN", 0, "UNDER_REVIEW", 0)))
                .body("overdueNow", equalTo(1));
    }

    @Test
    void overviewFiltersByCategory() {
        // r1–r8 share A's category; r7 went back to OSEP and r8 to B, which are counted here
        supervisor().queryParam("categoryCode", data.a.categoryCode()).get("/api/v1/stats/overview").then()
                .statusCode(200).body("received", equalTo(8)).body("receivedByCategory", equalTo(Map.of(data.a.categoryCode(), 8)))
                .body("backlogByStatus.RECEIVED", equalTo(1));
    }

    @Test
    void overviewCountsRejectionsByReason() {
        supervisor().queryParam("categoryCode", data.b.categoryCode()).get("/api/v1/stats/overview").then()
                .statusCode(200).body("received", equalTo(3)).body("answered", equalTo(2))
                .body("rejected", equalTo(1)).body("rejectedByReason", equalTo(Map.of("OUT_OF_SCOPE", 1)));
        supervisor().queryParam("administrationId", data.b.administrationId()).get("/api/v1/stats/overview").then()
                .statusCode(200).body("rejected", equalTo(0));
    }

    @Test
    void administrationFiguresAreExact() {
        supervisor().queryParam("administrationId", data.a.administrationId()).get("/api/v1/stats/administrations").then()
                .statusCode(200)
                .body("administrations", hasSize(1))
                .body("administrations[0].administrationId", equalTo(data.a.administrationId()))
                .body("administrations[0].received", equalTo(6))
                .body("administrations[0].answered", equalTo(5))
                .body("administrations[0].medianDaysToAcknowledge", equalTo(1.0f))
                .body("administrations[0].p90DaysToAcknowledge", equalTo(3.0f))
                .body("administrations[0].medianDaysToAnswer", equalTo(2.0f))
                .body("administrations[0].p90DaysToAnswer", equalTo(5.8f))
                .body("administrations[0].acknowledgementMetShare", equalTo(0.6667f))
                .body("administrations[0].answerMetShare", equalTo(0.8f))
                .body("administrations[0].handbacks", equalTo(1))
                .body("administrations[0].reroutes", equalTo(1))
                .body("administrations[0].answersDelivered", equalTo(5))
                .body("administrations[0].ratings", equalTo(5))
                .body("administrations[0].averageRating", equalTo(4.0f))
                .body("administrations[0].shareRated4or5", equalTo(0.8f))
                .body("administrations[0].shareSatisfied", equalTo(0.8f))
                .body("administrations[0].feedbackResponseRate", equalTo(1.0f))
                .body("administrations[0].reopenRate", equalTo(0.2f));
        supervisor().queryParam("administrationId", data.b.administrationId()).get("/api/v1/stats/administrations").then()
                .statusCode(200)
                .body("administrations[0].received", equalTo(3))
                .body("administrations[0].answered", equalTo(2))
                .body("administrations[0].medianDaysToAnswer", equalTo(2.0f))
                .body("administrations[0].ratings", equalTo(1))
                .body("administrations[0].feedbackResponseRate", equalTo(0.5f))
                .body("administrations[0].handbacks", equalTo(0));
    }

    @Test
    void categoryFiguresAreExact() throws IOException {
        // A's category holds r1–r8 whichever administration has them now
        supervisor().queryParam("categoryCode", data.a.categoryCode()).get("/api/v1/stats/categories").then()
                .statusCode(200)
                .body("categories", hasSize(1))
                .body("categories[0].code", equalTo(data.a.categoryCode()))
                .body("categories[0].received", equalTo(8))
                .body("categories[0].answered", equalTo(5))
                .body("categories[0].medianDaysToAcknowledge", equalTo(1.0f))
                .body("categories[0].p90DaysToAcknowledge", equalTo(3.0f))
                .body("categories[0].medianDaysToAnswer", equalTo(2.0f))
                .body("categories[0].p90DaysToAnswer", equalTo(5.8f))
                .body("categories[0].answerMetShare", equalTo(0.8f))
                .body("categories[0].ratings", equalTo(5))
                .body("categories[0].averageRating", equalTo(4.0f))
                .body("categories[0].reopenRate", equalTo(0.2f));
        String csv = supervisor().accept("text/csv").queryParam("administrationId", data.b.administrationId())
                .get("/api/v1/stats/categories").then().statusCode(200).extract().asString();
        Map<String, CSVRecord> byCode = parse(csv).stream().collect(Collectors.toMap(r -> r.get("code"), r -> r));
        // B holds b1, b2 (its category) and r8 (A's category, re-routed to B)
        assertEquals("2", byCode.get(data.b.categoryCode()).get("received"));
        assertEquals("2", byCode.get(data.b.categoryCode()).get("answered"));
        assertEquals("1", byCode.get(data.a.categoryCode()).get("received"));
        assertEquals("", byCode.get(data.a.categoryCode()).get("averageRating"));
    }

    @Test
    void timeSeriesPerDayAndWeek() throws IOException {
        String day = data.monday.toString();
        supervisor().queryParam("administrationId", data.a.administrationId()).queryParam("interval", "day")
                .get("/api/v1/stats/timeseries").then().statusCode(200)
                .body("points", hasSize(10))
                .body("points[0].start", equalTo(day))
                .body("points[0].received", equalTo(6))
                .body("points[2].answered", equalTo(3))
                .body("points[2].ratings", equalTo(3))
                .body("points[2].averageRating", equalTo(3.67f))
                .body("points[4].answered", equalTo(1))
                .body("points[4].averageRating", equalTo(5.0f))
                .body("points[5].answered", equalTo(0))
                .body("points[5].averageRating", org.hamcrest.Matchers.nullValue())
                .body("points[9].answered", equalTo(1))
                .body("points[9].averageRating", equalTo(4.0f));
        String csv = supervisor().accept("text/csv").queryParam("administrationId", data.a.administrationId())
                .queryParam("interval", "week").get("/api/v1/stats/timeseries").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<CSVRecord> weeks = parse(csv);
        assertEquals(2, weeks.size());
        assertEquals(day, weeks.get(0).get("start"));
        assertEquals(List.of("6", "4", "4", "4.0"), List.of(weeks.get(0).get("received"), weeks.get(0).get("answered"),
                weeks.get(0).get("ratings"), weeks.get(0).get("averageRating")));
        assertEquals(List.of("0", "1", "1", "4.0"), List.of(weeks.get(1).get("received"), weeks.get(1).get("answered"),
                weeks.get(1).get("ratings"), weeks.get(1).get("averageRating")));
        assertProblem(supervisor().queryParam("interval", "hour").get("/api/v1/stats/timeseries").then(), 400,
                "VALIDATION_FAILED").body("violations[0].field", equalTo("interval"));
    }

    @Test
    void quarterlyReportPutsThePreviousQuarterBeside() throws IOException {
        java.time.LocalDate end = data.monday.plusDays(9);
        int number = (data.monday.getMonthValue() - 1) / 3 + 1;
        org.junit.jupiter.api.Assumptions.assumeTrue(number == (end.getMonthValue() - 1) / 3 + 1,
                "the data set's fortnight lies within one quarter");
        String quarter = data.monday.getYear() + "-Q" + number;
        String previous = number == 1 ? (data.monday.getYear() - 1) + "-Q4" : data.monday.getYear() + "-Q" + (number - 1);
        String path = "/api/v1/stats/administrations/" + data.a.administrationId() + "/quarterly";
        as(TestTokens.of("supervisor")).queryParam("quarter", quarter).get(path).then().statusCode(200)
                .body("quarter", equalTo(quarter)).body("previousQuarter", equalTo(previous))
                .body("current.overview.received", equalTo(6))
                .body("current.overview.closed", equalTo(4))
                .body("current.performance.medianDaysToAnswer", equalTo(2.0f))
                .body("current.performance.p90DaysToAnswer", equalTo(5.8f))
                .body("current.performance.averageRating", equalTo(4.0f))
                .body("current.performance.handbacks", equalTo(1))
                .body("previous.overview.received", equalTo(0))
                .body("previous.performance.received", equalTo(0))
                .body("previous.performance.averageRating", org.hamcrest.Matchers.nullValue());
        String csv = as(data.a.agentToken()).accept("text/csv").queryParam("quarter", quarter).get(path).then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        Map<String, CSVRecord> rows = parse(csv).stream().collect(Collectors.toMap(
                r -> r.get("figure") + (r.get("key").isEmpty() ? "" : "." + r.get("key")), r -> r));
        assertEquals("6", rows.get("received").get(quarter));
        assertEquals("0", rows.get("received").get(previous));
        assertEquals("0.8", rows.get("answerMetShare").get(quarter));
        assertEquals("", rows.get("answerMetShare").get(previous));
        assertProblem(as(data.b.agentToken()).queryParam("quarter", quarter).get(path).then(), 404, "NOT_FOUND");
        assertProblem(as(TestTokens.of("osep")).queryParam("quarter", "2026-Q5").get(path).then(), 400,
                "VALIDATION_FAILED").body("violations[0].field", equalTo("quarter"));
    }

    @Test
    void agentSeesOnlyTheirAdministration() {
        as(data.a.agentToken()).queryParams(data.period()).get("/api/v1/stats/administrations").then().statusCode(200)
                .body("administrations", hasSize(1))
                .body("administrations[0].administrationId", equalTo(data.a.administrationId()));
        as(data.a.agentToken()).queryParams(data.period()).get("/api/v1/stats/overview").then().statusCode(200)
                .body("administrationId", equalTo(data.a.administrationId())).body("received", equalTo(6));
    }

    @Test
    void agentOfAnotherAdministrationGets404() {
        assertProblem(as(data.a.agentToken()).queryParams(data.period())
                .queryParam("administrationId", data.b.administrationId()).get("/api/v1/stats/overview").then(), 404, "NOT_FOUND");
        assertProblem(as(data.a.agentToken()).queryParams(data.period())
                .queryParam("administrationId", data.b.administrationId()).get("/api/v1/stats/administrations").then(), 404,
                "NOT_FOUND");
    }

    @Test
    void citizensAndAnonymousCallersAreRefused() {
        assertProblem(as(TestTokens.of("citizen")).get("/api/v1/stats/overview").then(), 403, "FORBIDDEN");
        assertProblem(io.restassured.RestAssured.given().get("/api/v1/stats/overview").then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void invalidParametersAre400() {
        assertProblem(supervisor().queryParam("administrationId", "nope").get("/api/v1/stats/overview").then(), 400,
                "VALIDATION_FAILED").body("violations[0].field", equalTo("administrationId"));
        assertProblem(as(TestTokens.of("osep")).queryParam("from", "yesterday").get("/api/v1/stats/overview").then(), 400,
                "VALIDATION_FAILED").body("violations[0].field", equalTo("from"));
        assertProblem(as(TestTokens.of("osep")).queryParam("from", "2026-03-01").queryParam("to", "2026-02-01")
                .get("/api/v1/stats/administrations").then(), 400, "VALIDATION_FAILED");
        assertProblem(supervisor().queryParam("type", "PRAISE").get("/api/v1/stats/overview").then(), 400,
                "VALIDATION_FAILED").body("violations[0].field", equalTo("type"));
        assertProblem(supervisor().queryParam("categoryCode", "NO-SUCH").get("/api/v1/stats/overview").then(), 400,
                "VALIDATION_FAILED").body("violations[0].field", equalTo("categoryCode"));
    }

    @Test
    void administrationsCsvParsesBackToTheSameNumbers() throws IOException {
        String csv = supervisor().accept("text/csv").queryParam("administrationId", data.a.administrationId())
                .get("/api/v1/stats/administrations").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<CSVRecord> records = parse(csv);
        assertEquals(1, records.size());
        CSVRecord row = records.get(0);
        assertEquals(data.a.administrationId(), row.get("administrationId"));
        assertEquals("6", row.get("received"));
        assertEquals("5", row.get("answered"));
        assertEquals(1.0, Double.parseDouble(row.get("medianDaysToAcknowledge")));
        assertEquals(5.8, Double.parseDouble(row.get("p90DaysToAnswer")));
        assertEquals(0.6667, Double.parseDouble(row.get("acknowledgementMetShare")));
        assertEquals(4.0, Double.parseDouble(row.get("averageRating")));
        assertEquals(0.2, Double.parseDouble(row.get("reopenRate")));
        assertEquals(data.monday + "T00:00:00Z", row.get("from"));
    }

    @Test
    void overviewCsvParsesBackToTheSameNumbers() throws IOException {
        String csv = supervisor().accept("text/csv").queryParam("administrationId", data.a.administrationId())
                .get("/api/v1/stats/overview").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        Map<String, String> figures = parse(csv).stream().collect(Collectors.toMap(
                r -> r.get("figure") + (r.get("key").isEmpty() ? "" : "." + r.get("key")), r -> r.get("value")));
        assertEquals("6", figures.get("received"));
        assertEquals("6", figures.get("receivedByType.COMPLAINT"));
        assertEquals("5", figures.get("answered"));
        assertEquals("4", figures.get("closed"));
        assertEquals("1", figures.get("backlogByStatus.IN_PROGRESS"));
        assertEquals("1", figures.get("overdueNow"));
    }

    @Test
    void periodDefaultsToNowAndTheMidnight30DaysBefore() {
        java.time.Instant before = clock.instant();
        io.restassured.path.json.JsonPath body = as(TestTokens.of("osep")).get("/api/v1/stats/overview").then()
                .statusCode(200).extract().jsonPath();
        java.time.Instant from = java.time.Instant.parse(body.getString("from"));
        java.time.Instant to = java.time.Instant.parse(body.getString("to"));
        assertFalse(to.isBefore(before) || to.isAfter(clock.instant()), to + " is not now");
        assertEquals(to.minus(java.time.Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.DAYS), from);
    }

    static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
                .getRecords();
    }
}
