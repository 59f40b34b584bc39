package ci.milie.stats;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ci.milie.sla.WorkingCalendar;
import ci.milie.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class PublicStatsResourceTest {

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

    /** No token at all. */
    private RequestSpecification nobody() {
        return RestAssured.given().queryParams(data.period());
    }

    private String admin(String field, String id) {
        return "administrations.find { it.id == '" + id + "' }." + field;
    }

    @Test
    void byDefaultTheOpenDataCoversTheThirtyWholeDaysUpToToday() {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);

        RestAssured.given().get("/api/v1/public/stats").then().statusCode(200)
                .body("from", equalTo(today.minusDays(29) + "T00:00:00Z"))
                .body("to", equalTo(today.plusDays(1) + "T00:00:00Z"));
    }

    @Test
    void openDataNeedsNoTokenAndShowsFiguresFromFiveRequestsUp() {
        nobody().get("/api/v1/public/stats").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", equalTo("public, max-age=300"))
                .body("minimumCount", equalTo(5))
                .body(admin("received", data.a.administrationId()), equalTo(6))
                .body(admin("answered", data.a.administrationId()), equalTo(5))
                .body(admin("medianDaysToAnswer", data.a.administrationId()), equalTo(2.0f))
                .body(admin("shareWithinDeadline", data.a.administrationId()), equalTo(0.8f))
                .body(admin("averageRating", data.a.administrationId()), equalTo(4.0f))
                .body(admin("shareSatisfied", data.a.administrationId()), equalTo(0.8f))
                .body(admin("suppressed", data.a.administrationId()), equalTo(false));
    }

    @Test
    void figuresFromFewerThanFiveRequestsAreWithheld() {
        String b = data.b.administrationId();
        nobody().get("/api/v1/public/stats").then().statusCode(200)
                .body(admin("received", b), nullValue())
                .body(admin("answered", b), nullValue())
                .body(admin("medianDaysToAnswer", b), nullValue())
                .body(admin("shareWithinDeadline", b), nullValue())
                .body(admin("averageRating", b), nullValue())
                .body(admin("shareSatisfied", b), nullValue())
                .body(admin("suppressed", b), equalTo(true))
                .body(admin("withheld", b), containsInAnyOrder("received", "answered", "medianDaysToAnswer",
                        "shareWithinDeadline", "averageRating", "shareSatisfied"))
                // A's category holds r1–r8: 8 received, 5 answered and rated
                .body("categories.find { it.code == '" + data.a.categoryCode() + "' }.received", equalTo(8))
                .body("categories.find { it.code == '" + data.a.categoryCode() + "' }.averageRating", equalTo(4.0f))
                .body("categories.find { it.code == '" + data.b.categoryCode() + "' }.suppressed", equalTo(true));
    }

    @Test
    void rankingsListOnlyAdministrationsWithEnoughFigures() {
        JsonPath body = nobody().get("/api/v1/public/stats").then().statusCode(200).extract().jsonPath();
        List<String> responsive = body.getList("rankingByResponsiveness.administrationId");
        List<String> satisfied = body.getList("rankingBySatisfaction.administrationId");
        assertTrue(responsive.contains(data.a.administrationId()));
        assertTrue(satisfied.contains(data.a.administrationId()));
        assertFalse(responsive.contains(data.b.administrationId()));
        assertFalse(satisfied.contains(data.b.administrationId()));
        List<Integer> ranks = body.getList("rankingByResponsiveness.rank");
        for (int i = 0; i < ranks.size(); i++) {
            assertEquals(i + 1, ranks.get(i));
        }
        List<Float> shares = body.getList("rankingByResponsiveness.value", Float.class);
        for (int i = 1; i < shares.size(); i++) {
            assertTrue(shares.get(i - 1) >= shares.get(i), "ranked by share within deadline");
        }
    }

    @Test
    void openDataHoldsNoPersonalDataNorRequestText() {
        for (String accept : List.of("application/json", "text/csv")) {
            String raw = nobody().accept(accept).get("/api/v1/public/stats").then().statusCode(200).extract().asString();
            assertTrue(raw.contains(data.a.administrationId()), "the body holds the data set");
            for (String secret : List.of(StatsFixture.CONTACT_EMAIL, StatsFixture.CONTACT_NAME, StatsFixture.CONTACT_PHONE,
                    StatsFixture.CONTACT_PHONE.substring(4), StatsFixture.SUBJECT, StatsFixture.DESCRIPTION, "Awa Traoré",
                    "@milie.test", "Yopougon")) {
                assertFalse(raw.contains(secret), accept + " body must not hold " + secret);
            }
        }
    }

    @Test
    void csvParsesBackToTheSameNumbers() throws IOException {
        String csv = nobody().accept("text/csv").get("/api/v1/public/stats").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<CSVRecord> records = StatsResourceTest.parse(csv);
        CSVRecord a = records.stream().filter(r -> r.get("id").equals(data.a.administrationId())).findFirst().orElseThrow();
        assertEquals("ADMINISTRATION", a.get("scope"));
        assertEquals("6", a.get("received"));
        assertEquals(2.0, Double.parseDouble(a.get("medianDaysToAnswer")));
        assertEquals(0.8, Double.parseDouble(a.get("shareWithinDeadline")));
        assertEquals(4.0, Double.parseDouble(a.get("averageRating")));
        assertEquals("false", a.get("suppressed"));
        CSVRecord b = records.stream().filter(r -> r.get("id").equals(data.b.administrationId())).findFirst().orElseThrow();
        assertEquals("", b.get("received"));
        assertEquals("true", b.get("suppressed"));
        assertEquals("", b.get("responsivenessRank"));
    }

    @Test
    void instantsASecondApartCountTheSameWholeDaysAndShareOneCacheKey() {
        String from = data.monday + "T09:15:07Z";
        String to = data.monday.plusDays(9) + "T16:20:00Z";
        String fromASecondLater = data.monday + "T09:15:08Z";
        String toASecondLater = data.monday.plusDays(9) + "T16:20:01Z";

        JsonPath first = RestAssured.given().queryParam("from", from).queryParam("to", to)
                .get("/api/v1/public/stats").then().statusCode(200).extract().jsonPath();
        JsonPath second = RestAssured.given().queryParam("from", fromASecondLater).queryParam("to", toASecondLater)
                .get("/api/v1/public/stats").then().statusCode(200).extract().jsonPath();

        assertEquals(data.monday + "T00:00:00Z", first.getString("from"));
        assertEquals(data.monday.plusDays(10) + "T00:00:00Z", first.getString("to"));
        assertEquals(first.getString("from"), second.getString("from"));
        assertEquals(first.getString("to"), second.getString("to"));
        assertEquals(first.getMap(""), second.getMap(""));
        // the cache key of StatsService.publicStats is the filter: equal periods, one computation
        assertEquals(period(from, to), period(fromASecondLater, toASecondLater));
    }

    @Test
    void aPeriodEndingAtMidnightIsKept() {
        RestAssured.given().queryParam("from", data.monday + "T00:00:00Z")
                .queryParam("to", data.monday.plusDays(9) + "T00:00:00Z")
                .get("/api/v1/public/stats").then().statusCode(200)
                .body("from", equalTo(data.monday + "T00:00:00Z"))
                .body("to", equalTo(data.monday.plusDays(9) + "T00:00:00Z"));
    }

    private StatsFilter period(String from, String to) {
        java.time.Instant[] days = StatsParams.wholeDays(StatsParams.period(from, to, clock));
        return StatsFilter.period(days[0], days[1]);
    }

    @Test
    void invalidPeriodIs400() {
        ci.milie.support.Problems.assertProblem(RestAssured.given().queryParam("to", "31/12/2026")
                .get("/api/v1/public/stats").then(), 400, "VALIDATION_FAILED").body("violations[0].field", equalTo("to"));
    }
}
