package ci.milie.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What operators and browsers rely on besides the API itself. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/api/v1/auth/otp").then().statusCode(405);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void configuredSpaOriginPassesCorsPreflight() {
        given().header("Origin", "https://app.milie.ci")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Content-Type,Idempotency-Key")
                .options("/api/v1/auth/login")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.milie.ci");
    }

    @Test
    void aSpaOnAnotherOriginMayReadTheHeadersItActsOnAndSendIfNoneMatch() {
        String exposed = given().header("Origin", "https://app.milie.ci").get("/api/v1/reference")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.milie.ci")
                .extract().header("Access-Control-Expose-Headers");
        for (String header : new String[] {"ETag", "Content-Disposition", "Retry-After", "Location", "X-Request-Id"}) {
            org.hamcrest.MatcherAssert.assertThat(exposed, org.hamcrest.Matchers.containsStringIgnoringCase(header));
        }
        given().header("Origin", "https://app.milie.ci")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "If-None-Match")
                .options("/api/v1/reference")
                .then().statusCode(200)
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsStringIgnoringCase("If-None-Match"));
    }

    @Test
    void unknownOriginIsNotAllowed() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/auth/login")
                .then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }
}
