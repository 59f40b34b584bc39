package ci.milie.request;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.common.RateLimiter;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.RetryAfter;
import ci.milie.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Wrong access keys per request, with production's limit (10 an hour); per address: common.RateLimitsTest. */
@QuarkusTest
class AccessKeyLimitsTest {

    @Inject
    EntityManager em;

    @Inject
    TestClock clock;

    @Inject
    RateLimiter limiter;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static JsonPath submitted() {
        Setting setting = Setting.create(false);
        return Requests.submitAnonymously(Requests.complaint(setting.categoryCode(), uniqueEmail("awa")));
    }

    @Test
    void tenWrongKeysForOneCodeAndEvenTheRightKeyWaitsForTheWindowToEnd() {
        JsonPath receipt = submitted();
        String code = receipt.getString("trackingCode");
        for (int i = 0; i < 10; i++) {
            assertProblem(anonymous().header("X-Access-Key", "guess-" + i).get("/api/v1/tracking/" + code).then(),
                    404, "NOT_FOUND");
        }

        assertProblem(anonymous().header("X-Access-Key", "guess-11").get("/api/v1/tracking/" + code).then(),
                429, "RATE_LIMITED").header("Retry-After", RetryAfter.within(Duration.ofHours(1)));
        assertProblem(anonymous().header("X-Access-Key", receipt.getString("accessKey")).get("/api/v1/tracking/" + code)
                .then(), 429, "RATE_LIMITED");
        // The code alone still shows the public status.
        anonymous().get("/api/v1/tracking/" + code).then().statusCode(200).body("trackingCode", equalTo(code));

        clock.advance(Duration.ofHours(1));
        anonymous().header("X-Access-Key", receipt.getString("accessKey")).get("/api/v1/tracking/" + code)
                .then().statusCode(200).body("id", equalTo(receipt.getString("id")));
    }

    @Test
    void wrongKeysOnTheEndpointsThatNameTheRequestCountPerRequestToo() {
        JsonPath receipt = submitted();
        String id = receipt.getString("id");
        for (int i = 0; i < 5; i++) {
            anonymous().header("X-Access-Key", "guess-" + i).get("/api/v1/requests/" + id).then().statusCode(404);
            anonymous().header("X-Access-Key", "guess-" + i).get("/api/v1/requests/" + id + "/events").then().statusCode(404);
        }

        assertProblem(anonymous().header("X-Access-Key", "guess").body(java.util.Map.of("text", "Bonjour"))
                .post("/api/v1/requests/" + id + "/messages").then(), 429, "RATE_LIMITED");
    }

    @Test
    void aSuccessfulKeyedReadWritesNothing() {
        JsonPath receipt = submitted();
        List<Object> before = counters();

        anonymous().header("X-Access-Key", receipt.getString("accessKey"))
                .get("/api/v1/tracking/" + receipt.getString("trackingCode")).then().statusCode(200);
        anonymous().header("X-Access-Key", receipt.getString("accessKey"))
                .get("/api/v1/requests/" + receipt.getString("id")).then().statusCode(200);

        assertEquals(before, counters());
    }

    @Test
    void aWrongKeyIsWritten() {
        JsonPath receipt = submitted();
        List<Object> before = counters();

        anonymous().header("X-Access-Key", "guess").get("/api/v1/requests/" + receipt.getString("id")).then().statusCode(404);

        assertNotEquals(before, counters());
    }

    @Test
    void deadCountersArePurged() {
        JsonPath receipt = submitted();
        anonymous().header("X-Access-Key", "guess").get("/api/v1/requests/" + receipt.getString("id")).then().statusCode(404);

        clock.advance(Duration.ofHours(2));
        int purged = limiter.purge();

        assertTrue(purged >= 2, "this request's counter and this client's, at least");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from rate_limit where expires_at <= ?1").setParameter(1, clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .getSingleResult()).longValue()));
    }

    /** How many counters there are and the sum of their hits: any write to the table changes one. */
    @SuppressWarnings("unchecked")
    private List<Object> counters() {
        return QuarkusTransaction.requiringNew().call(() -> List.of((Object[]) em.createNativeQuery(
                "select count(*), coalesce(sum(hits), 0), coalesce(max(xmin::text::bigint), 0) from rate_limit")
                .getSingleResult()));
    }
}
