package ci.milie.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import ci.milie.support.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class SecurityHeadersTest {

    private static final String STRICT_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private static ValidatableResponse hardened(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"));
    }

    @Test
    void apiResponsesCarryTheHardeningHeaders() {
        hardened(given().get("/api/v1/public/stats").then().statusCode(200))
                .header("Content-Security-Policy", equalTo(STRICT_POLICY));
    }

    @Test
    void errorsCarryThemToo() {
        hardened(Problems.assertProblem(given().get("/api/v1/no-such-thing").then(), 404, "NOT_FOUND"))
                .header("Content-Security-Policy", equalTo(STRICT_POLICY));
        hardened(Problems.assertProblem(given().get("/api/v1/me").then(), 401, "UNAUTHENTICATED"))
                .header("Content-Security-Policy", equalTo(STRICT_POLICY));
    }

    @Test
    void operationsEndpointsCarryThem() {
        hardened(given().get("/q/health/ready").then().statusCode(200))
                .header("Content-Security-Policy", equalTo(STRICT_POLICY));
        hardened(given().get("/q/openapi").then().statusCode(200))
                .header("Content-Security-Policy", equalTo(STRICT_POLICY));
    }

    @Test
    void swaggerUiStillLoadsWithoutTheStrictPolicy() {
        hardened(given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui")))
                .header("Content-Security-Policy", nullValue());
        hardened(given().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200))
                .header("Content-Security-Policy", nullValue());
    }

    @Test
    void plainHttpGetsNoStrictTransportSecurity() {
        given().get("/api/v1/public/stats").then().statusCode(200)
                .header("Strict-Transport-Security", nullValue());
    }
}
