package ci.milie.common;

import static ci.milie.support.Api.as;
import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.asSysadmin;
import static ci.milie.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ci.milie.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every error, whatever produced it, is problem+json with a stable code and nothing internal. */
@QuarkusTest
class ProblemShapeTest {

    @Test
    void validationErrorIs400WithViolations() {
        assertProblem(anonymous().body(Map.of("email", "x")).post("/api/v1/auth/login").then(), 400, "VALIDATION_FAILED")
                .body("title", equalTo("Saisie invalide"))
                .body("instance", equalTo("/api/v1/auth/login"))
                .body("violations.size()", equalTo(2));
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(given().contentType(ContentType.JSON).body("{\"email\": ").post("/api/v1/auth/login").then(),
                400, "MALFORMED_JSON")
                .body(not(containsString("Exception")))
                .body(not(containsString("jackson")));
    }

    @Test
    void wrongJsonTypeIs400NamingTheField() {
        assertProblem(asSysadmin().body("{\"email\":\"a@b.ci\",\"fullName\":\"A\",\"role\":\"osep\",\"password\":[1,2]}")
                .post("/api/v1/staff").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("password"));
    }

    @Test
    void bodyThatIsNotAnObjectIs400() {
        assertProblem(given().contentType(ContentType.JSON).body("[1,2,3]").post("/api/v1/auth/login").then(),
                400, "MALFORMED_JSON");
    }

    @Test
    void missingBodyIs400() {
        assertProblem(given().contentType(ContentType.JSON).post("/api/v1/auth/login").then(), 400, "VALIDATION_FAILED");
    }

    @Test
    void anEmptyOrNullBodyOfTheDirectoryAndCalendarIs400() {
        String id = UUID.randomUUID().toString();
        for (String target : new String[] { "POST /api/v1/administrations", "PUT /api/v1/administrations/" + id,
                "POST /api/v1/categories", "PUT /api/v1/categories/" + id, "POST /api/v1/holidays",
                "POST /api/v1/sla-policies", "PUT /api/v1/sla-policies/" + id }) {
            String[] call = target.split(" ");
            assertProblem(asSysadmin().request(call[0], call[1]).then(), 400, "VALIDATION_FAILED");
            assertProblem(asSysadmin().body("null").request(call[0], call[1]).then(), 400, "VALIDATION_FAILED");
        }
    }

    @Test
    void unauthenticatedIs401() {
        assertProblem(given().get("/api/v1/staff").then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void forbiddenIs403() {
        assertProblem(as(TestTokens.of("agent")).get("/api/v1/staff").then(), 403, "FORBIDDEN");
    }

    @Test
    void unknownResourceIs404() {
        assertProblem(asSysadmin().get("/api/v1/staff/" + UUID.randomUUID()).then(), 404, "NOT_FOUND");
        assertProblem(given().get("/api/v1/no-such-thing").then(), 404, "NOT_FOUND");
    }

    @Test
    void conflictIs409() {
        String email = ci.milie.support.Api.uniqueEmail("conflict");
        ci.milie.support.Api.createStaff(email, "osep", null, "Long-Enough-Password-1");
        assertProblem(asSysadmin().body(Map.of("email", email, "fullName", "B", "role", "osep",
                "password", "Long-Enough-Password-1")).post("/api/v1/staff").then(), 409, "DUPLICATE_EMAIL");
    }

    @Test
    void wrongMethodIs405() {
        assertProblem(given().delete("/api/v1/auth/login").then(), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void wrongContentTypeIs415() {
        assertProblem(given().contentType(ContentType.TEXT).body("hello").post("/api/v1/auth/login").then(),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void everyResponseCarriesARequestId() {
        given().get("/api/v1/me").then().statusCode(401)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("requestId", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void aWellFormedIncomingRequestIdIsKept() {
        given().header("X-Request-Id", "lb-1234567890").get("/api/v1/me").then()
                .header("X-Request-Id", equalTo("lb-1234567890"))
                .body("requestId", equalTo("lb-1234567890"));
    }
}
