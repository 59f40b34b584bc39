package ci.milie.request;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.notification.OutboxRelay;
import ci.milie.support.Codes;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.TestClock;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What an app needs to show and refresh lists cheaply: totals, names, updatedSince, ETag and 304. */
@QuarkusTest
class CheapPollingTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxRelay relay;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String route(Setting at, String id) {
        return as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200).extract().path("administration.name");
    }

    @Test
    void myRequestsCountThemAllAndNameTheirCategoryAndAdministration() {
        Setting at = Setting.create(false);
        String email = uniqueEmail("lists");
        String token = Codes.signInCitizen(mailbox, relay, email);
        String first = Requests.submit(as(token), Requests.complaint(at.categoryCode(), email)).getString("id");
        Requests.submit(as(token), Requests.complaint(at.categoryCode(), email));
        String last = Requests.submit(as(token), Requests.complaint(at.categoryCode(), email)).getString("id");
        String administrationName = route(at, last);

        JsonPath page = as(token).queryParam("limit", 2).get("/api/v1/me/requests").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("total", equalTo(3)).body("nextCursor", notNullValue())
                .body("items[0].id", equalTo(last))
                .body("items[0].administrationName", equalTo(administrationName))
                .body("items[0].categoryCode", equalTo(at.categoryCode()))
                .body("items[0].categoryLabelFr", equalTo("Catégorie " + at.categoryCode()))
                .body("items[0].categoryLabelEn", equalTo("Category " + at.categoryCode()))
                .body("items[1].administrationName", nullValue())
                .extract().jsonPath();
        as(token).queryParam("cursor", page.getString("nextCursor")).get("/api/v1/me/requests").then().statusCode(200)
                .body("items.id", equalTo(List.of(first))).body("total", equalTo(3)).body("nextCursor", nullValue());
        // the staff queue names them the same way
        as(at.osepToken()).queryParam("administrationId", at.administrationId()).get("/api/v1/requests").then().statusCode(200)
                .body("items.find { it.id == '" + last + "' }.administrationName", equalTo(administrationName))
                .body("items.find { it.id == '" + last + "' }.categoryLabelEn", equalTo("Category " + at.categoryCode()));
    }

    @Test
    void updatedSinceListsOnlyTheRequestsChangedAfterIt() {
        Setting at = Setting.create(false);
        String email = uniqueEmail("since");
        String token = Codes.signInCitizen(mailbox, relay, email);
        Requests.submit(as(token), Requests.complaint(at.categoryCode(), email));
        String moved = Requests.submit(as(token), Requests.complaint(at.categoryCode(), email)).getString("id");
        String since = clock.instant().toString();
        clock.advance(Duration.ofMinutes(1));
        route(at, moved);

        as(token).queryParam("updatedSince", since).get("/api/v1/me/requests").then().statusCode(200)
                .body("items.id", equalTo(List.of(moved))).body("total", equalTo(1));
        as(token).queryParam("updatedSince", clock.instant().plusSeconds(60).toString()).get("/api/v1/me/requests").then()
                .statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(0));
        as(token).queryParam("updatedSince", "yesterday").get("/api/v1/me/requests").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("violations[0].field", equalTo("updatedSince"));
    }

    @Test
    void myRequestsAnswer304UntilSomethingChanges() {
        Setting at = Setting.create(false);
        String email = uniqueEmail("etag");
        String token = Codes.signInCitizen(mailbox, relay, email);
        String id = Requests.submit(as(token), Requests.complaint(at.categoryCode(), email)).getString("id");
        String etag = as(token).get("/api/v1/me/requests").then().statusCode(200)
                .header("Vary", containsString("Authorization")).extract().header("ETag");

        as(token).header("If-None-Match", etag).get("/api/v1/me/requests").then().statusCode(304)
                .header("ETag", equalTo(etag));
        route(at, id);
        String changed = as(token).header("If-None-Match", etag).get("/api/v1/me/requests").then().statusCode(200)
                .body("items[0].status", equalTo("ROUTED")).extract().header("ETag");
        assertNotEquals(etag, changed);
    }

    @Test
    void trackingAnswers304UntilSomethingChangesAndTagsTheKeyedViewApart() {
        Setting at = Setting.create(false);
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("track")));
        String path = "/api/v1/tracking/" + receipt.getString("trackingCode");
        String key = receipt.getString("accessKey");
        String open = anonymous().get(path).then().statusCode(200).header("Vary", allOf(containsString("X-Access-Key"), containsString("Accept-Language")))
                .extract().header("ETag");
        String keyed = anonymous().header("X-Access-Key", key).get(path).then().statusCode(200).extract().header("ETag");
        assertNotEquals(open, keyed, "the keyed view is another body");

        anonymous().header("If-None-Match", open).get(path).then().statusCode(304);
        anonymous().header("If-None-Match", "\"other\", W/" + open).get(path).then().statusCode(304);
        // a read has no precondition to fail: a stray If-Match changes nothing
        anonymous().header("If-Match", "W/\"0\"").get(path).then().statusCode(200).header("ETag", equalTo(open));
        anonymous().header("If-None-Match", keyed).header("X-Access-Key", key).get(path).then().statusCode(304);
        anonymous().header("If-None-Match", open).header("X-Access-Key", key).get(path).then().statusCode(200)
                .body("id", equalTo(receipt.getString("id")));

        route(at, receipt.getString("id"));
        String after = anonymous().header("If-None-Match", open).get(path).then().statusCode(200)
                .body("status", equalTo("ROUTED")).extract().header("ETag");
        assertNotEquals(open, after);
        assertEquals(after, anonymous().get(path).then().extract().header("ETag"), "the same body, the same tag");
    }
}
