package ci.milie.integration.open311;

import static ci.milie.integration.open311.Open311Fixture.BASE;
import static ci.milie.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import ci.milie.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;

/**
 * GeoReport v2 probed from outside: what real clients send, and what an attacker tries. Every
 * answer, success or error, stays in the specification's format and well-formed.
 */
@QuarkusTest
class Open311ProbeTest {

    /** A form-encoded body exactly as written (no charset added to Content-Type by the test client). */
    private static io.restassured.specification.RequestSpecification raw(String contentType, String body) {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false))).contentType(contentType)
                .body(body);
    }

    private static String form(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The fixture's complaint with some fields replaced (a form parameter sent twice would be read as its first). */
    private static io.restassured.specification.RequestSpecification complaint(Open311Fixture fixture, String apiKey,
            String... replaced) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("api_key", apiKey);
        fields.put("service_code", fixture.setting.categoryCode());
        fields.put("description", "Le lampadaire de la rue 12 est éteint depuis deux semaines.");
        fields.put("email", Api.uniqueEmail("probe"));
        fields.put("first_name", "Awa");
        fields.put("last_name", "Traoré");
        fields.put("address_string", "Rue 12, Yopougon, Abidjan");
        for (int i = 0; i < replaced.length; i += 2) {
            fields.put(replaced[i], replaced[i + 1]);
        }
        return given().contentType(ContentType.URLENC.withCharset("UTF-8")).formParams(fields);
    }

    @Test
    void controlCharactersInAFormAreRefusedInTheSpecificationsFormatAsJsonBodiesAre() {
        Open311Fixture fixture = Open311Fixture.create();
        complaint(fixture, fixture.submitKey, "description", "Le lampadaire\u0001 de la rue 12 est éteint.")
                .header("Accept-Language", "en").post(BASE + "requests.xml").then()
                .statusCode(400).contentType(startsWith("text/xml"))
                .body("errors.error[0].description", startsWith("description: "));
        // NUL cannot be stored by PostgreSQL: refused, not a 500
        complaint(fixture, fixture.submitKey, "first_name", "Awa\u0000").post(BASE + "requests.json").then()
                .statusCode(400).contentType(startsWith("application/json")).body("[0].code", equalTo(400))
                .body("[0].description", startsWith("first_name: "));
        complaint(fixture, fixture.submitKey, "address_string", "Rue 12\u001b[2J, Yopougon").post(BASE + "requests.json")
                .then().statusCode(400).body("[0].description", startsWith("address_string: "));
    }

    @Test
    void markupInADescriptionLeavesTheXmlWellFormedForAReader() throws Exception {
        Open311Fixture fixture = Open311Fixture.create();
        String description = "<b>Fuite</b> & \"eau\" ]]> <!-- 'encore' --> depuis lundi\tà 8h\r\nsur la route.";
        String code = complaint(fixture, fixture.administrationKey, "description", description)
                .post(BASE + "requests.xml").then().statusCode(201).extract().xmlPath().getString("service_requests.request.service_request_id");

        String xml = given().queryParam("api_key", fixture.osepKey).get(BASE + "requests/" + code + ".xml").then()
                .statusCode(200).contentType(startsWith("text/xml")).extract().asString();
        Document document = parse(xml);
        assertEquals(description.replace("\r\n", "\n"),
                document.getElementsByTagName("description").item(0).getTextContent());
    }

    @Test
    void aFormWithoutACharsetIsReadAsUtf8AndOneWithItToo() {
        Open311Fixture fixture = Open311Fixture.create();
        for (String contentType : new String[] { "application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded; charset=UTF-8", "Application/X-WWW-Form-URLEncoded;charset=utf-8" }) {
            String code = raw(contentType, form("api_key", fixture.submitKey, "service_code", fixture.setting.categoryCode(),
                    "description", "Le lampadaire de la rue 12 est éteint.", "email", Api.uniqueEmail("charset"),
                    "first_name", "Awa", "last_name", "Traoré", "jurisdiction_id", "milie.ci"))
                    .post(BASE + "requests.json").then().statusCode(201).extract().path("[0].service_request_id");
            as(fixture.setting.osepToken()).get("/api/v1/requests/" + fixture.idOf(code)).then().statusCode(200)
                    .body("contact.fullName", equalTo("Awa Traoré"))
                    .body("description", equalTo("Le lampadaire de la rue 12 est éteint."));
        }
    }

    @Test
    void anUpperCaseExtensionIsServedInItsFormat() {
        given().get(BASE + "services.JSON").then().statusCode(200).contentType(startsWith("application/json"));
        given().get(BASE + "discovery.XML").then().statusCode(200).contentType(startsWith("text/xml"));
    }

    @Test
    void aDescriptionAtItsLongestIsAcceptedAndAHundredKilobytesIsRefusedInTheSpecificationsFormat() {
        Open311Fixture fixture = Open311Fixture.create();
        complaint(fixture, fixture.submitKey, "description", "é".repeat(5000)).post(BASE + "requests.json").then()
                .statusCode(201).body("[0].service_request_id", startsWith("MIL-"));
        complaint(fixture, fixture.submitKey, "description", "x".repeat(100_000)).header("Accept-Language", "en")
                .post(BASE + "requests.json").then().statusCode(400).contentType(startsWith("application/json"))
                .body("[0].code", equalTo(400)).body("[0].description", startsWith("description: "));
    }

    @Test
    void aThousandUnknownAttributesAreIgnored() {
        Open311Fixture fixture = Open311Fixture.create();
        var request = fixture.complaint(fixture.submitKey);
        for (int i = 0; i < 1000; i++) {
            request.formParam("attribute[A" + i + "]", "v" + i);
        }
        request.post(BASE + "requests.json").then().statusCode(201).contentType(startsWith("application/json"))
                .body("[0].service_request_id", startsWith("MIL-"));
    }

    @Test
    void anApiKeyInTheQueryStringOfAPostIsRead() {
        Open311Fixture fixture = Open311Fixture.create();
        given().contentType(ContentType.URLENC.withCharset("UTF-8")).queryParam("api_key", fixture.submitKey)
                .formParam("service_code", fixture.setting.categoryCode())
                .formParam("description", "Le lampadaire de la rue 12 est éteint depuis deux semaines.")
                .formParam("email", Api.uniqueEmail("query-key")).post(BASE + "requests.json").then().statusCode(201)
                .body("[0].service_request_id", startsWith("MIL-"));
    }

    @Test
    void oddRequestIdsAnswerNotFoundInTheSpecificationsFormat() {
        for (String id : new String[] { "..%2F..%2Fservices", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "MIL-0000-0000'%20or%201=1--",
                "%E2%80%AEMIL-0000-0000", "MIL-0000-0000%3B" }) {
            given().urlEncodingEnabled(false).get(BASE + "requests/" + id + ".xml").then().statusCode(404)
                    .contentType(startsWith("text/xml")).body("errors.error[0].code", equalTo("404"));
        }
        given().urlEncodingEnabled(false).get(BASE + "requests/MIL-0000-0000%01.json").then().statusCode(400)
                .contentType(startsWith("application/json")).body("[0].code", equalTo(400));
        given().urlEncodingEnabled(false).get(BASE + "requests.json?service_request_id=MIL%01").then().statusCode(400)
                .contentType(startsWith("application/json")).body("[0].code", equalTo(400));
    }

    @Test
    void protocolErrorsAnswerInTheSpecificationsFormatNotAsProblems() {
        Open311Fixture fixture = Open311Fixture.create();
        given().delete(BASE + "requests.json").then().statusCode(405).contentType(startsWith("application/json"))
                .body("[0].code", equalTo(405));
        given().contentType(ContentType.URLENC).formParam("x", "y").post(BASE + "services.xml").then().statusCode(405)
                .contentType(startsWith("text/xml")).body("errors.error[0].code", equalTo("405"));
        given().contentType(ContentType.JSON).body("{\"api_key\":\"" + fixture.submitKey + "\"}").post(BASE + "requests.json")
                .then().statusCode(415).contentType(startsWith("application/json")).body("[0].code", equalTo(415));
        // Accept is not read: no 406
        given().header("Accept", "application/pdf").get(BASE + "services.json").then().statusCode(200)
                .contentType(startsWith("application/json"));
    }

    @Test
    void aTooLongUrlIsRefusedInTheSpecificationsFormat() {
        given().get(BASE + "requests.xml?service_request_id=" + "MIL-0000-0000,".repeat(700)).then().statusCode(414)
                .contentType(startsWith("text/xml")).body("errors.error[0].code", equalTo("414"));
    }

    @Test
    void theRoutersOwnRefusalsComeInTheSpecificationsFormatToo() {
        given().header("X-Padding", "x".repeat(21_000)).get(BASE + "services.json").then().statusCode(431)
                .contentType(startsWith("application/json")).body("[0].code", equalTo(431));
        given().header("Origin", "https://evil.example").get(BASE + "services.xml").then().statusCode(403)
                .contentType(startsWith("text/xml")).body("errors.error[0].code", equalTo("403"));
    }

    @Test
    void fiftyCodesAtMostAndTheFiftyFirstIsRefused() {
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            codes.append(i == 0 ? "" : ",").append(String.format("MIL-%04d-0000", i));
        }
        given().get(BASE + "requests.json?service_request_id=" + codes).then().statusCode(400)
                .body("$", hasSize(1)).body("[0].description", startsWith("service_request_id: "));
    }

    @Test
    void aKeyUsedFromAnAddressItsClientDoesNotListIsRefusedWhateverXForwardedForClaims() {
        Open311Fixture fixture = Open311Fixture.create();
        String code = fixture.submit(fixture.submitKey);
        String key = Api.asSysadmin().body(java.util.Map.of("name", Api.unique("Système"), "contactEmail", Api.uniqueEmail("dsi"),
                "permissions", java.util.List.of("SUBMIT", "REQUESTS_READ"), "allowedAddresses", java.util.List.of("196.47.128.0/24")))
                .post("/api/v1/integrations/clients").then().statusCode(201).extract().path("secret.clientSecret");

        complaint(fixture, key).header("X-Forwarded-For", "196.47.128.7").post(BASE + "requests.xml").then().statusCode(403)
                .contentType(startsWith("text/xml")).body("errors.error[0].code", equalTo("403"));
        given().header("X-Forwarded-For", "196.47.128.7").queryParam("api_key", key).get(BASE + "requests/" + code + ".json")
                .then().statusCode(403).body("[0].code", equalTo(403));
        given().queryParam("api_key", key).get(BASE + "requests.json").then().statusCode(403).body("[0].code", equalTo(403));
    }

    @Test
    void aMediaUrlOfAnotherSchemeOrALocalHostIsRefusedAndNothingIsFiled() {
        Open311Fixture fixture = Open311Fixture.create();
        for (String url : new String[] { "file:///etc/passwd", "gopher://127.0.0.1:25/_HELO", "http://127.0.0.1:1/x.png",
                "https://localhost/x.png", "https://[::1]/x.png", "https://0x7f000001/x.png", "jar:https://example.org/a.jar!/b.png",
                "https://user@169.254.169.254/latest/meta-data" }) {
            String email = Api.uniqueEmail("media");
            complaint(fixture, fixture.submitKey, "media_url", url, "email", email).header("Accept-Language", "en")
                    .post(BASE + "requests.json").then().statusCode(400)
                    .body("$", hasSize(1)).body("[0].description", startsWith("media_url: "));
        }
    }

    @Test
    void unicodeNoncharactersThatXmlCannotHoldAreServedAsReplacementCharacters() throws Exception {
        Open311Fixture fixture = Open311Fixture.create();
        // valid Unicode, accepted as in a JSON body, but not an XML 1.0 character
        String code = complaint(fixture, fixture.submitKey, "description", "Fuite d'eau \uFFFF depuis lundi \uD83D\uDCA7.")
                .post(BASE + "requests.json").then().statusCode(201).extract().path("[0].service_request_id");

        String xml = given().queryParam("api_key", fixture.osepKey).get(BASE + "requests/" + code + ".xml").then()
                .statusCode(200).extract().asString();
        assertEquals("Fuite d'eau \uFFFD depuis lundi \uD83D\uDCA7.",
                parse(xml).getElementsByTagName("description").item(0).getTextContent());
        given().queryParam("api_key", fixture.osepKey).get(BASE + "requests/" + code + ".json").then().statusCode(200)
                .body("[0].description", equalTo("Fuite d'eau \uFFFF depuis lundi \uD83D\uDCA7."));
    }
}
