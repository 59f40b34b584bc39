package ci.milie.common;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.asSysadmin;
import static ci.milie.support.Problems.assertProblem;
import static ci.milie.support.Requests.complaint;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ci.milie.support.RawHttp;
import ci.milie.support.Requests;
import ci.milie.support.TestTokens;
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
                .body("violations[0].message", equalTo("ne doit pas contenir de caractères de contrôle"));
    }

    @Test
    void aMisspeltFieldIs400NamingItRatherThanSilentlyDropped() {
        String category = Requests.Setting.create(false).categoryCode();
        Map<String, Object> body = complaint(category, "awa@milie.test");
        body.put("contact", Map.of("email", "awa@milie.test", "preferedLanguage", "en"));
        assertProblem(anonymous().body(body).post("/api/v1/requests").then(), 400, "VALIDATION_FAILED")
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("contact.preferedLanguage"))
                .body("violations[0].message", equalTo("n’est pas un champ connu"));
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
                .body("violations[0].message", equalTo("ne doit pas contenir de demi-paire de substitution isolée (Unicode invalide)"));
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
                .body("violations[0].message", equalTo("ne doit pas contenir de caractères de contrôle"));
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
                .body("violations[0].message", equalTo("n’est pas de l’UTF-8 valide encodé en pourcentage"));
    }

    @Test
    void nulCharacterInThePathIs400() {
        assertProblem(anonymous().urlEncodingEnabled(false).get("/api/v1/categories/ab%00cd").then(),
                400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("path"));
    }

    /** The HTTP codec refuses these before the application sees the request (see README, Errors). */
    @Test
    void controlCharacterInAHeaderIs400() throws Exception {
        RawHttp.Answer answer = RawHttp.send("GET /api/v1/requests/" + UUID.randomUUID() + " HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\nX-Access-Key: abc\u007Fdef");
        assertEquals(400, answer.status());
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
                .body("violations[0].message", equalTo("doit être true ou false"));
    }

    @Test
    void integerQueryParameterThatIsNotAnIntegerIs400() {
        assertProblem(asSysadmin().get("/api/v1/administrations?limit=1.5").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("limit"))
                .body("violations[0].message", equalTo("doit être un nombre entier"));
    }

    @Test
    void cursorThisApiDidNotIssueIs400() {
        assertProblem(asSysadmin().queryParam("cursor", "Z2FyYmFnZQ").get("/api/v1/administrations").then(),
                400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("cursor"))
                .body("violations[0].message", equalTo("n’est pas un curseur rendu par cette API"));
    }

    @Test
    void cursorThisApiIssuedLeadsToTheNextPage() {
        String next = asSysadmin().queryParam("limit", 1).get("/api/v1/administrations").then().statusCode(200)
                .extract().path("nextCursor");
        asSysadmin().queryParam("limit", 1).queryParam("cursor", next).get("/api/v1/administrations").then()
                .statusCode(200).body("items", hasSize(1));
    }

    @Test
    void yearOutOfBoundsInADateFilterIs400() {
        assertProblem(as(TestTokens.of("supervisor")).queryParam("from", "+999999999-01-01T00:00:00Z")
                .get("/api/v1/stats/overview").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("from"))
                .body("violations[0].message", equalTo("doit être dans les années 2000 à 2100"));
        assertProblem(as(TestTokens.of("osep")).queryParam("dueBefore", "9999-12-31")
                .get("/api/v1/requests").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("dueBefore"));
    }

    @Test
    void timeSeriesOfTooManyBucketsIs400NamingTheParameters() {
        assertProblem(as(TestTokens.of("supervisor")).queryParam("interval", "month")
                .queryParam("from", "2000-01-01").queryParam("to", "2100-12-31")
                .get("/api/v1/stats/timeseries").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("interval"))
                .body("violations[0].message", containsString("donne 1212 intervalles"))
                .body("violations[0].message", containsString("(from, to)"));
    }

    @Test
    void timeSeriesOfFourHundredBucketsIsAnswered() {
        as(TestTokens.of("supervisor")).queryParam("interval", "day")
                .queryParam("from", "2025-01-01").queryParam("to", "2026-02-04")
                .get("/api/v1/stats/timeseries").then().statusCode(200).body("points", hasSize(400));
    }

    @Test
    void methodNotAllowedIsAProblem() {
        assertProblem(asSysadmin().patch("/api/v1/administrations").then(), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void unacceptableMediaTypeIsAProblem() {
        assertProblem(asSysadmin().accept("image/gif").get("/api/v1/administrations").then(), 406, "NOT_ACCEPTABLE");
    }

    @Test
    void unsupportedMediaTypeIsAProblem() {
        assertProblem(asSysadmin().contentType("text/plain").body("code=X").post("/api/v1/administrations").then(),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void overlongRequestLineIs414AsAProblem() throws Exception {
        RawHttp.Answer answer = RawHttp.send("GET /api/v1/categories?q=" + "a".repeat(10_000) + " HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close");
        assertEquals(414, answer.status());
        assertTrue(answer.headers().toLowerCase().contains("content-type: application/problem+json"), answer.headers());
        assertTrue(answer.body().contains("\"code\":\"URI_TOO_LONG\""), answer.body());
    }

    @Test
    void overlongHeadersAre431AsAProblem() throws Exception {
        RawHttp.Answer answer = RawHttp.send("GET /api/v1/categories HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "X-Filler: " + "a".repeat(30_000));
        assertEquals(431, answer.status());
        assertTrue(answer.body().contains("\"code\":\"HEADERS_TOO_LARGE\""), answer.body());
    }

    /** Past the parser's own limit, the server answers alone, without a body (see README, Errors). */
    @Test
    void requestLinePastTheParsersLimitIsStill414() throws Exception {
        assertEquals(414, RawHttp.send("GET /api/v1/categories?q=" + "a".repeat(70_000) + " HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close").status());
    }

    @Test
    void callFromAnOriginNotAllowedIs403AsAProblem() {
        given().header("Origin", "https://evil.example").get("/api/v1/categories").then()
                .statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403)).body("code", equalTo("ORIGIN_NOT_ALLOWED"));
    }

    @Test
    void callFromAnAllowedOriginIsAnsweredWithItsCorsHeaders() {
        given().header("Origin", "https://app.milie.ci").get("/api/v1/categories").then()
                .statusCode(200).header("Access-Control-Allow-Origin", equalTo("https://app.milie.ci"));
    }

    @Test
    void multipartBodyWithoutBoundaryIs400NamingTheHeader() throws Exception {
        byte[] body = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nabc\r\n--x--\r\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.send("POST /api/v1/requests/" + UUID.randomUUID() + "/attachments HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\nContent-Type: multipart/form-data; boundary=\r\n"
                + "Content-Length: " + body.length, body);
        assertEquals(400, answer.status());
        assertTrue(answer.body().contains("header.Content-Type"), answer.body());
    }

    @Test
    void emptyAcceptIsNoPreference() {
        given().header("Accept", "").get("/api/v1/public/stats").then().statusCode(200).contentType("application/json");
    }

    @Test
    void acceptThatIsNoMediaTypeIs400NamingTheHeader() {
        assertProblem(given().header("Accept", "text/html/csv").get("/api/v1/public/stats").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("header.Accept"));
    }

    /** Refused by the HTTP server before routing, with an empty body (see README, Errors). */
    @Test
    void brokenPercentEncodingIs400() throws Exception {
        for (String target : new String[] { "/api/v1/requests/%G1", "/api/v1/public/stats?x=%G1", "/api/v1/requests/%" }) {
            assertEquals(400, RawHttp.send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close").status(), target);
        }
    }

    @Test
    void aPathOutsideTheApiIs404AsAProblem() {
        for (String path : new String[] { "/", "/foo", "/api/foo", "/q/nope", "/favicon.ico" }) {
            given().get(path).then().statusCode(404).contentType("application/problem+json")
                    .header("X-Content-Type-Options", "nosniff").body("status", equalTo(404)).body("code", equalTo("NOT_FOUND"));
        }
    }
}
