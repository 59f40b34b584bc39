package ci.milie.integration.open311;

import static ci.milie.integration.open311.Open311Fixture.BASE;
import static ci.milie.support.Api.anonymous;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ci.milie.integration.Clients;
import ci.milie.support.Api;
import ci.milie.support.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What Open311 shows of a request, and to whom: anyone sees what the public tracking page shows,
 * never a list that would hand out tracking codes; only a client that may read a request sees its
 * description, place and file.
 */
@QuarkusTest
class Open311PrivacyTest {

    @Test
    void withoutAnApiKeyThatReadsAListingShowsNothingWhateverTheFilters() {
        Open311Fixture fixture = Open311Fixture.create();
        fixture.submit(fixture.submitKey);

        given().get(BASE + "requests.json").then().statusCode(200).body("$", empty());
        given().queryParam("service_code", fixture.setting.categoryCode()).queryParam("status", "open")
                .get(BASE + "requests.json").then().statusCode(200).body("$", empty());
        given().queryParam("api_key", fixture.submitKey).get(BASE + "requests.json").then().statusCode(200).body("$", empty());
        given().get(BASE + "requests.xml").then().statusCode(200)
                .body(equalTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests></service_requests>"));
    }

    @Test
    void aReadWithoutAKeyShowsExactlyWhatTheTrackingPageShows() {
        Open311Fixture fixture = Open311Fixture.create();
        String code = fixture.submit(fixture.submitKey);
        fixture.answer(code);
        JsonPath tracking = anonymous().get("/api/v1/tracking/" + code).then().statusCode(200).extract().jsonPath();
        List<String> labels = tracking.getList("timeline.label");

        given().get(BASE + "requests/" + code + ".json").then().statusCode(200)
                .body("[0].service_request_id", equalTo(code))
                .body("[0].status", equalTo("closed"))
                .body("[0].status_notes", equalTo(labels.get(labels.size() - 1)))
                .body("[0].agency_responsible", equalTo(tracking.getString("administrationName")))
                .body("[0].service_code", equalTo(tracking.getString("category.code")))
                .body("[0].description", nullValue())
                .body("[0].address", nullValue())
                .body("[0].lat", nullValue())
                .body("[0].long", nullValue())
                .body("[0].media_url", nullValue());
        given().queryParam("api_key", fixture.submitKey).get(BASE + "requests/" + code + ".json").then().statusCode(200)
                .body("[0].description", nullValue());
    }

    @Test
    void aClientOfAnotherAdministrationSeesThePublicFieldsOnlyAndListsNone() {
        Open311Fixture fixture = Open311Fixture.create();
        String code = fixture.submit(fixture.submitKey);
        fixture.answer(code);
        Requests.Setting elsewhere = Requests.Setting.create(false);
        String otherKey = Clients.register(elsewhere.administrationId(), List.of("REQUESTS_READ")).secret();

        given().queryParam("api_key", otherKey).get(BASE + "requests/" + code + ".json").then().statusCode(200)
                .body("[0].status", equalTo("closed"))
                .body("[0].description", nullValue())
                .body("[0].lat", nullValue());
        given().queryParam("api_key", otherKey).get(BASE + "requests.json").then().statusCode(200)
                .body("service_request_id", not(hasItem(code)));
    }

    @Test
    void theAdministrationsOwnClientAndOsepsReadTheDescriptionPlaceAndFile() {
        Open311Fixture fixture = Open311Fixture.create();
        String code = fixture.submit(fixture.submitKey);
        fixture.answer(code);

        for (String key : List.of(fixture.administrationKey, fixture.osepKey)) {
            given().queryParam("api_key", key).get(BASE + "requests/" + code + ".json").then().statusCode(200)
                    .body("[0].description", equalTo("Le lampadaire de la rue 12 est éteint depuis deux semaines."))
                    .body("[0].address", equalTo("Rue 12, Yopougon, Abidjan"))
                    .body("[0].lat", equalTo(5.336f))
                    .body("[0].long", equalTo(-4.087f))
                    .body("[0].media_url", nullValue());
            given().queryParam("api_key", key).queryParam("service_code", fixture.setting.categoryCode())
                    .get(BASE + "requests.json").then().statusCode(200)
                    .body("service_request_id", equalTo(List.of(code)));
        }
    }

    @Test
    void aReaderListsByStatusServiceAndPeriodNewestFirstAPageAtATime() {
        Open311Fixture fixture = Open311Fixture.create();
        String answered = fixture.submit(fixture.submitKey);
        fixture.answer(answered);
        String first = fixture.submit(fixture.submitKey);
        String second = fixture.submit(fixture.submitKey);
        String service = fixture.setting.categoryCode();

        reader(fixture).queryParam("status", "open").get(BASE + "requests.json").then().statusCode(200)
                .body("service_request_id", equalTo(List.of(second, first)));
        reader(fixture).queryParam("status", "closed").get(BASE + "requests.json").then().statusCode(200)
                .body("service_request_id", equalTo(List.of(answered)));
        reader(fixture).queryParam("status", "open,closed").queryParam("page_size", "2").queryParam("page", "2")
                .get(BASE + "requests.json").then().statusCode(200)
                .body("service_request_id", equalTo(List.of(answered)));
        reader(fixture).queryParam("start_date", "2000-01-01").queryParam("end_date", "2000-02-01")
                .get(BASE + "requests.json").then().statusCode(200).body("$", empty());
        reader(fixture).queryParam("start_date", "2026-01-01T00:00:00Z").queryParam("end_date", "2026-06-01T00:00:00Z")
                .get(BASE + "requests.json").then().statusCode(400)
                .body("[0].code", equalTo(400)).body("[0].description", org.hamcrest.Matchers.startsWith("end_date: "));
        given().queryParam("api_key", fixture.osepKey).queryParam("service_code", service).queryParam("page_size", "1001")
                .get(BASE + "requests.json").then().statusCode(400).body("[0].description", org.hamcrest.Matchers.startsWith("page_size: "));
        Map<String, String> ids = Map.of("service_request_id", answered + "," + first + ",MIL-0000-0000");
        given().queryParams(ids).get(BASE + "requests.json").then().statusCode(200)
                .body("service_request_id", equalTo(List.of(answered, first)));
    }

    private static io.restassured.specification.RequestSpecification reader(Open311Fixture fixture) {
        return given().queryParam("api_key", fixture.osepKey).queryParam("service_code", fixture.setting.categoryCode());
    }

    @Test
    void aDeactivatedClientsKeyIsRefused() {
        Open311Fixture fixture = Open311Fixture.create();
        Clients.Registered client = Clients.register(null, List.of("SUBMIT"));
        Api.asSysadmin().delete("/api/v1/integrations/clients/" + client.id()).then().statusCode(204);

        fixture.complaint(client.secret()).post(BASE + "requests.json").then().statusCode(403)
                .body("[0].code", equalTo(403));
    }
}
