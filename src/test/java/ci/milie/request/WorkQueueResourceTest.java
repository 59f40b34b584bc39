package ci.milie.request;

import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class WorkQueueResourceTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String submitIn(Setting at, String region, String subject) {
        Map<String, Object> body = Requests.complaint(at.categoryCode(), uniqueEmail("w"));
        body.put("location", Map.of("region", region));
        if (subject != null) {
            body.put("subject", subject);
        }
        return Requests.submitAnonymously(body).getString("id");
    }

    @Test
    void pagesAreNewestFirstAndStableWhileRequestsArrive() {
        Setting at = Setting.create(true);
        String region = "PORO";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(submitIn(at, region, null));
        }
        JsonPath first = as(at.osepToken()).queryParam("categoryCode", at.categoryCode()).queryParam("limit", 2).get("/api/v1/requests")
                .then().statusCode(200).body("items", hasSize(2)).extract().jsonPath();
        submitIn(at, region, null); // arrives between two pages
        JsonPath second = as(at.osepToken()).queryParam("categoryCode", at.categoryCode()).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/v1/requests")
                .then().statusCode(200).extract().jsonPath();
        JsonPath third = as(at.osepToken()).queryParam("categoryCode", at.categoryCode()).queryParam("limit", 2)
                .queryParam("cursor", second.getString("nextCursor")).get("/api/v1/requests")
                .then().statusCode(200).extract().jsonPath();

        List<String> seen = new ArrayList<>(first.getList("items.id", String.class));
        seen.addAll(second.getList("items.id", String.class));
        seen.addAll(third.getList("items.id", String.class));
        assertEquals(List.of(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0)), seen);
        assertNull(third.getString("nextCursor"));
    }

    @Test
    void frenchFullTextSearchFindsWordsByTheirStem() {
        Setting at = Setting.create(true);
        String region = "PORO";
        String wanted = submitIn(at, region, "Coupures d'électricité répétées à Bouaké");
        submitIn(at, region, "Route dégradée vers Korhogo");
        as(at.osepToken()).queryParam("categoryCode", at.categoryCode()).queryParam("q", "coupure électricité")
                .get("/api/v1/requests").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(wanted));
    }

    @Test
    void filtersByStatusesTypeAndChannel() {
        Setting at = Setting.create(true);
        String region = "PORO";
        String received = submitIn(at, region, null);
        String routed = submitIn(at, region, null);
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + routed + "/routing").then().statusCode(200);

        as(at.osepToken()).queryParam("categoryCode", at.categoryCode()).queryParam("status", "ROUTED").get("/api/v1/requests")
                .then().statusCode(200).body("items.id", equalTo(List.of(routed)));
        as(at.osepToken()).queryParam("categoryCode", at.categoryCode()).queryParam("status", "ROUTED", "RECEIVED")
                .queryParam("type", "COMPLAINT").queryParam("channel", "MOBILE").get("/api/v1/requests")
                .then().statusCode(200).body("items", hasSize(2)).body("items.type", everyItem(equalTo("COMPLAINT")));
        as(at.osepToken()).queryParam("categoryCode", at.categoryCode()).queryParam("administrationId", at.administrationId())
                .get("/api/v1/requests").then().statusCode(200).body("items.id", equalTo(List.of(routed)));
        as(at.osepToken()).queryParam("region", "poro").queryParam("categoryCode", at.categoryCode())
                .queryParam("status", "RECEIVED").get("/api/v1/requests").then().statusCode(200)
                .body("items.id", equalTo(List.of(received)));
    }

    @Test
    void aDateToIncludesThatWholeDayAndAnInstantToExcludesItself() {
        Setting at = Setting.create(true);
        String region = "PORO";
        java.time.Instant submittedAt = clock.instant();
        String id = submitIn(at, region, null);
        java.time.LocalDate day = submittedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate();

        as(at.osepToken()).queryParam("categoryCode", at.categoryCode()).queryParam("to", day.toString()).get("/api/v1/requests")
                .then().statusCode(200).body("items.id", equalTo(List.of(id)));
        as(at.osepToken()).queryParam("categoryCode", at.categoryCode()).queryParam("to", day.minusDays(1).toString()).get("/api/v1/requests")
                .then().statusCode(200).body("items", hasSize(0));
        as(at.osepToken()).queryParam("categoryCode", at.categoryCode()).queryParam("to", submittedAt.toString()).get("/api/v1/requests")
                .then().statusCode(200).body("items", hasSize(0));
        as(at.osepToken()).queryParam("categoryCode", at.categoryCode()).queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/v1/requests").then().statusCode(200).body("items.id", equalTo(List.of(id)));
    }

    @Test
    void overdueAndDeadlineOrder() {
        // On a Monday morning, a one-working-day triage deadline is simply the next morning.
        java.time.Instant now = clock.instant();
        var monday = now.atZone(java.time.ZoneOffset.UTC).toLocalDate()
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        clock.advance(Duration.between(now, monday.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC)));
        Setting at = Setting.create(true);
        String region = "PORO";
        String older = submitIn(at, region, null);
        clock.advance(Duration.ofHours(2));
        String newer = submitIn(at, region, null);

        as(at.osepToken()).queryParam("categoryCode", at.categoryCode()).queryParam("sort", "dueAt").get("/api/v1/requests")
                .then().statusCode(200).body("items.id", equalTo(List.of(older, newer)));
        as(at.osepToken()).queryParam("categoryCode", at.categoryCode()).queryParam("overdue", "true").get("/api/v1/requests")
                .then().statusCode(200).body("items", hasSize(0));
        String between = as(at.osepToken()).get("/api/v1/requests/" + older).then().extract().path("dueAt");
        as(at.osepToken()).queryParam("categoryCode", at.categoryCode())
                .queryParam("dueBefore", java.time.Instant.parse(between).plusSeconds(60).toString())
                .get("/api/v1/requests").then().statusCode(200).body("items.id", equalTo(List.of(older)));

        clock.advance(Duration.ofHours(23)); // triage is due one day after submission
        as(at.osepToken()).queryParam("categoryCode", at.categoryCode()).queryParam("overdue", "true").get("/api/v1/requests")
                .then().statusCode(200).body("items.id", equalTo(List.of(older)))
                .body("items[0].overdue", equalTo(true));
    }

    @Test
    void badFiltersAre400() {
        String osep = ci.milie.support.TestTokens.of("osep");
        assertProblem(as(osep).queryParam("status", "LOST").get("/api/v1/requests").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("status"));
        assertProblem(as(osep).queryParam("from", "yesterday").get("/api/v1/requests").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("from"));
        assertProblem(as(osep).queryParam("categoryCode", "NO-SUCH-CATEGORY").get("/api/v1/requests").then(), 400,
                "VALIDATION_FAILED").body("violations[0].field", equalTo("categoryCode"));
        assertProblem(as(osep).queryParam("sort", "random").get("/api/v1/requests").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("sort"));
        assertProblem(as(osep).queryParam("cursor", "bm9wZQ").get("/api/v1/requests").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("cursor"));
        assertProblem(as(osep).queryParam("limit", "500").get("/api/v1/requests").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("limit"));
    }
}
