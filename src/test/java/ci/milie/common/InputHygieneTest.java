package ci.milie.common;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.asSysadmin;
import static ci.milie.support.Problems.assertProblem;
import static ci.milie.support.Requests.complaint;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ci.milie.support.RawHttp;
import ci.milie.support.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Hostile input gets a 400 naming what was wrong, never a 500 and never a silent acceptance:
 * control characters and lone surrogates anywhere, numbers and booleans of the wrong kind,
 * cursors the API did not issue, dates and series out of bounds, malformed multipart bodies.
 */
@QuarkusTest
class InputHygieneTest {

    private static ValidatableResponse submitRaw(String json) {
        return anonymous().body(json).post("/api/v1/requests").then();
    }

    private static String complaintWithDescription(String category, String escapedDescription) {
        return "{\"type\":\"COMPLAINT\",\"categoryCode\":\"" + category + "\",\"channel\":\"MOBILE\","
                + "\"subject\":\"Extrait introuvable\",\"description\":\"" + escapedDescription + "\","
                + "\"contact\":{\"email\":\"awa@milie.test\"}}";
    }

    @Test
    void nulCharacterInAJsonFieldIs400NamingTheField() {
        String category = Requests.Setting.create(false).categoryCode();
        assertProblem(submitRaw(complaintWithDescription(category, "Toujours rien \\u0000 depuis trois mois")),
                400, "VALIDATION_FAILED")
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("description"))
                .body("violations[0].message", equalTo("must not contain control characters"));
    }

    @Test
    void controlCharacterInANestedJsonFieldIs400NamingItsPath() {
        String category = Requests.Setting.create(false).categoryCode();
        Map<String, Object> body = complaint(category, "awa@milie.test");
        body.put("location", Map.of("region", "Abi\u001bdjan"));
        assertProblem(anonymous().body(body).post("/api/v1/requests").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("location.region"));
    }

    @Test
    void tabsAndLineBreaksInFreeTextAreAccepted() {
        String category = Requests.Setting.create(false).categoryCode();
        submitRaw(complaintWithDescription(category, "Première ligne,\\r\\n\\tseconde ligne.")).statusCode(201);
    }

    @Test
    void loneSurrogateInAJsonFieldIs400() {
        String category = Requests.Setting.create(false).categoryCode();
        assertProblem(submitRaw(complaintWithDescription(category, "Toujours rien \\ud800 depuis trois mois")),
                400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("description"))
                .body("violations[0].message", equalTo("must not contain a lone surrogate (invalid Unicode)"));
    }

    @Test
    void aPairOfSurrogatesIsOneCharacterAndAccepted() {
        String category = Requests.Setting.create(false).categoryCode();
        submitRaw(complaintWithDescription(category, "Toujours rien \\ud83d\\ude20 depuis trois mois")).statusCode(201);
    }

    @Test
    void nulCharacterInAQueryValueIs400NamingTheParameter() {
        assertProblem(anonymous().urlEncodingEnabled(false).get("/api/v1/categories?parentCode=A%00B").then(),
                400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("query.parentCode"))
                .body("violations[0].message", equalTo("must not contain control characters"));
    }

    @Test
    void lineBreakInAQueryValueIs400() {
        assertProblem(anonymous().urlEncodingEnabled(false).get("/api/v1/categories?parentCode=A%0D%0AB").then(),
                400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("query.parentCode"));
    }

    @Test
    void queryThatIsNotUtf8Is400() {
        assertProblem(anonymous().urlEncodingEnabled(false).get("/api/v1/categories?parentCode=%ED%A0%80").then(),
                400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("query"))
                .body("violations[0].message", equalTo("is not valid percent-encoded UTF-8"));
    }

    @Test
    void nulCharacterInThePathIs400() {
        assertProblem(anonymous().urlEncodingEnabled(false).get("/api/v1/categories/ab%00cd").then(),
                400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("path"));
    }

    @Test
    void controlCharacterInAHeaderIs400NamingTheHeader() throws Exception {
        RawHttp.Answer answer = RawHttp.send("GET /api/v1/requests/" + UUID.randomUUID() + " HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\nX-Access-Key: abc\u007Fdef");
        assertEquals(400, answer.status());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        assertEquals("VALIDATION_FAILED", answer.json().getString("code"));
        assertEquals("header.X-Access-Key", answer.json().getString("violations[0].field"));
    }

    @Test
    void decimalRatingIs400NotRoundedDown() {
        assertProblem(anonymous().body("{\"rating\":4.7,\"satisfied\":true}")
                .post("/api/v1/requests/" + UUID.randomUUID() + "/feedback").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("rating"));
    }

    @Test
    void numberOrBooleanWrittenAsAStringIs400() {
        assertProblem(anonymous().body("{\"rating\":\"4\",\"satisfied\":\"true\"}")
                .post("/api/v1/requests/" + UUID.randomUUID() + "/feedback").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("rating"));
    }

    @Test
    void numberWhereTextIsExpectedIs400() {
        assertProblem(anonymous().body("{\"email\":42,\"password\":\"x\"}").post("/api/v1/auth/login").then(),
                400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("email"));
    }

    @Test
    void enumByItsOrdinalIs400() {
        String category = Requests.Setting.create(false).categoryCode();
        Map<String, Object> body = complaint(category, "awa@milie.test");
        body.put("type", 0);
        assertProblem(anonymous().body(body).post("/api/v1/requests").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("type"));
    }

    @Test
    void booleanQueryParameterOtherThanTrueOrFalseIs400() {
        assertProblem(asSysadmin().get("/api/v1/categories?includeInactive=maybe").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("includeInactive"))
                .body("violations[0].message", equalTo("must be true or false"));
    }

    @Test
    void integerQueryParameterThatIsNotAnIntegerIs400() {
        assertProblem(asSysadmin().get("/api/v1/administrations?limit=1.5").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("limit"))
                .body("violations[0].message", equalTo("must be an integer"));
    }
}
