package ci.milie.common.db;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.support.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The database becomes unreachable, then comes back: clients get 503 meanwhile, and service resumes by itself. */
@QuarkusTest
@TestProfile(DatabaseOutageProfile.class)
class DatabaseOutageTest {

    private static final String UNKNOWN_CODE = "/api/v1/tracking/MIL-ZZZZ-0000";

    @AfterEach
    void restoreTheDatabase() {
        DatabaseLink.reachable(true);
        // Both pools (the main one and the limits' own) drop the connections the outage broke as they
        // fail, at most their worth: the next test starts once an unknown code answers 404 again.
        int status = 0;
        for (int call = 0; call < 40 && status != 404; call++) {
            status = given().get(UNKNOWN_CODE).then().extract().statusCode();
        }
        assertEquals(404, status, "service resumed");
    }

    @Test
    void anUnreachableDatabaseAnswers503WithRetryAfterThenServiceResumesWithoutRestart() {
        Problems.assertProblem(given().get(UNKNOWN_CODE).then(), 404, "NOT_FOUND");

        DatabaseLink.reachable(false);

        Problems.assertProblem(given().get(UNKNOWN_CODE).then().time(lessThan(10_000L)), 503, "SERVICE_UNAVAILABLE")
                .header("Retry-After", equalTo("5"));
        // a new connection cannot be had either: the pool waits at most its acquisition timeout
        Problems.assertProblem(given().get(UNKNOWN_CODE).then().time(lessThan(10_000L)), 503, "SERVICE_UNAVAILABLE")
                .header("Retry-After", equalTo("5"));
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);

        DatabaseLink.reachable(true);

        // Connections the outage broke are dropped as they fail; at most the pools' worth of them.
        int status = 0;
        for (int call = 0; call < 40 && status != 404; call++) {
            status = given().get(UNKNOWN_CODE).then().extract().statusCode();
        }
        assertEquals(404, status, "service resumed");
        Problems.assertProblem(given().get(UNKNOWN_CODE).then(), 404, "NOT_FOUND");
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aSignedInCallerAlsoGets503NeverA401Or500() {
        String token = given().contentType("application/json")
                .body(java.util.Map.of("email", "bootstrap@milie.test", "password", "Bootstrap-Test-2026!"))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");

        DatabaseLink.reachable(false);

        // Whether the session is decided from memory or, while the revocation listener reconnects,
        // from the database, the answer is the outage's.
        for (int call = 0; call < 3; call++) {
            Problems.assertProblem(given().header("Authorization", "Bearer " + token).get("/api/v1/requests")
                    .then().time(lessThan(10_000L)), 503, "SERVICE_UNAVAILABLE").header("Retry-After", equalTo("5"));
        }
    }

    @Test
    void behindATrustedTlsProxyResponsesCarryStrictTransportSecurity() {
        given().header("X-Forwarded-Proto", "https").get("/q/health/live").then().statusCode(200)
                .header("Strict-Transport-Security", equalTo("max-age=31536000; includeSubDomains"));
        given().get("/q/health/live").then().statusCode(200)
                .header("Strict-Transport-Security", org.hamcrest.Matchers.nullValue());
    }
}
