package ci.milie.integration.open311;

import static ci.milie.integration.open311.Open311Fixture.BASE;
import static ci.milie.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What existing Open311 clients send, and Miliê accepts: the format by extension, loose values, old names. */
@QuarkusTest
class Open311ToleranceTest {

    @Test
    void theExtensionNamesTheFormatWhateverAcceptSays() {
        given().header("Accept", "text/xml").get(BASE + "services.json").then().statusCode(200)
                .contentType(startsWith("application/json"));
        given().header("Accept", "application/json").get(BASE + "discovery.xml").then().statusCode(200)
                .contentType(startsWith("text/xml"));
    }

    @Test
    void repeatedAttributeValuesAreReadAsTheFirst() {
        Open311Fixture fixture = Open311Fixture.create();
        String code = given().contentType(ContentType.URLENC).formParam("api_key", fixture.submitKey)
                .formParam("service_code", fixture.setting.categoryCode())
                .formParam("description", "Ouvrir le guichet le samedi matin aiderait tout le monde.")
                .formParam("attribute[TYPE][]", "SUGGESTION").formParam("attribute[TYPE][]", "OBSERVATION")
                .post(BASE + "requests.json").then().statusCode(201).extract().path("[0].service_request_id");

        as(fixture.setting.osepToken()).get("/api/v1/requests/" + fixture.idOf(code)).then().statusCode(200)
                .body("type", equalTo("SUGGESTION"))
                .body("channel", equalTo("WEB"))
                .body("subject", equalTo("Ouvrir le guichet le samedi matin aiderait tout le monde."));
    }

    @Test
    void anOffsetWhosePlusArrivedAsASpaceIsReadAsThePlusItWas() {
        Open311Fixture fixture = Open311Fixture.create();
        given().urlEncodingEnabled(false).get(BASE + "requests.json?start_date=2026-01-01T00:00:00+00:00&end_date=2026-02-01T00:00:00+00:00&api_key="
                + java.net.URLEncoder.encode(fixture.osepKey, java.nio.charset.StandardCharsets.UTF_8))
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void theOlderAddressNameAMobileDeviceAndUnknownParametersAreAccepted() {
        Open311Fixture fixture = Open311Fixture.create();
        String code = given().contentType(ContentType.URLENC).formParam("api_key", fixture.submitKey)
                .formParam("service_code", fixture.setting.categoryCode().toLowerCase())
                .formParam("description", "Nid-de-poule dangereux devant l'école primaire.")
                .formParam("phone", "0701020304").formParam("address", "Quartier Commerce, Gbêkê").formParam("device_id", "a1b2c3")
                .formParam("account_id", "42").formParam("locale", "fr_CI")
                .post(BASE + "requests.json").then().statusCode(201).extract().path("[0].service_request_id");

        as(fixture.setting.osepToken()).get("/api/v1/requests/" + fixture.idOf(code)).then().statusCode(200)
                .body("channel", equalTo("MOBILE"))
                .body("location.locality", equalTo("Quartier Commerce, Gbêkê"))
                .body("location.region", equalTo("GBEKE"))
                .body("contact.phone", equalTo("+2250701020304"));
    }

    @Test
    void aComplaintWithoutAnyWayToAnswerIsRefusedNamingTheSpecificationsFields() {
        Open311Fixture fixture = Open311Fixture.create();
        given().header("Accept-Language", "en").contentType(ContentType.URLENC).formParam("api_key", fixture.submitKey)
                .formParam("service_code", fixture.setting.categoryCode())
                .formParam("description", "Une description assez longue.").post(BASE + "requests.json").then()
                .statusCode(400).body("[0].code", equalTo(400))
                .body("[0].description", equalTo("email: a complaint needs an e-mail or a phone number"));
    }
}
