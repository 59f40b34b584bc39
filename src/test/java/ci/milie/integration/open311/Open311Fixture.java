package ci.milie.integration.open311;

import static ci.milie.support.Api.as;
import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import ci.milie.integration.Clients;
import ci.milie.support.Api;
import ci.milie.support.Requests;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Test helpers for Open311: an administration with its category, the api_keys of its partners, and the calls. */
final class Open311Fixture {

    static final String BASE = "/api/v1/open311/v2/";

    final Requests.Setting setting;
    /** A partner that only submits (FixMyStreet, say). */
    final String submitKey;
    /** The administration's own system: submits and reads its requests. */
    final String administrationKey;
    /** OSEP's system: reads every request. */
    final String osepKey;

    private Open311Fixture(Requests.Setting setting, String submitKey, String administrationKey, String osepKey) {
        this.setting = setting;
        this.submitKey = submitKey;
        this.administrationKey = administrationKey;
        this.osepKey = osepKey;
    }

    static Open311Fixture create() {
        Requests.Setting setting = Requests.Setting.create(false);
        return new Open311Fixture(setting, Clients.register(null, List.of("SUBMIT")).secret(),
                Clients.register(setting.administrationId(), List.of("SUBMIT", "REQUESTS_READ")).secret(),
                Clients.register(null, List.of("REQUESTS_READ")).secret());
    }

    /** A form-encoded submission of a complaint in the setting's category, with an e-mail to answer to. */
    RequestSpecification complaint(String apiKey) {
        return given().contentType(ContentType.URLENC.withCharset("UTF-8")).formParam("api_key", apiKey)
                .formParam("service_code", setting.categoryCode())
                .formParam("description", "Le lampadaire de la rue 12 est éteint depuis deux semaines.")
                .formParam("email", Api.uniqueEmail("open311"))
                .formParam("first_name", "Awa").formParam("last_name", "Traoré")
                .formParam("lat", "5.336").formParam("long", "-4.087")
                .formParam("address_string", "Rue 12, Yopougon, Abidjan");
    }

    /** Submits a complaint through Open311 with this key; returns its tracking code. */
    String submit(String apiKey) {
        return complaint(apiKey).post(BASE + "requests.json").then().statusCode(201).extract().path("[0].service_request_id");
    }

    /** The request's id in Miliê, as OSEP finds it by tracking code. */
    String idOf(String trackingCode) {
        return as(setting.osepToken()).queryParam("trackingCode", trackingCode).get("/api/v1/requests").then()
                .statusCode(200).extract().path("items[0].id");
    }

    /** OSEP routes the request to the setting's administration, whose agent acknowledges and answers it. */
    void answer(String trackingCode) {
        String id = idOf(trackingCode);
        as(setting.osepToken()).body(Map.of("administrationId", setting.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        as(setting.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        as(setting.agentToken()).body(Map.of("text", "Le lampadaire a été remplacé ce matin."))
                .post("/api/v1/requests/" + id + "/answers").then().statusCode(201);
    }

    static Response get(String path) {
        return given().get(BASE + path);
    }
}
