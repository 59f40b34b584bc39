package ci.milie.integration.open311;

import static ci.milie.integration.open311.Open311Fixture.BASE;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;

import ci.milie.integration.open311.GeoReportSpec.Envelope;
import ci.milie.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Every GeoReport v2 endpoint, in JSON and in XML, held to the specification's documents
 * ({@link GeoReportSpec}): element names, types, required elements, list envelopes, datetimes,
 * errors; and a request filed through Open311 followed to its answer.
 */
@QuarkusTest
class Open311ContractTest {

    private static final List<String> FORMATS = List.of("json", "xml");

    /** Checks a response of the given status against the envelope in the format asked; the JSON tree (or null for XML). */
    private static JsonNode check(Response response, int status, String format, Envelope envelope) {
        String body = response.then().statusCode(status).extract().asString();
        if (format.equals("json")) {
            assertTrue(response.contentType().startsWith("application/json"), response.contentType());
            return GeoReportSpec.checkJson(envelope, body);
        }
        assertTrue(response.contentType().startsWith("text/xml"), response.contentType());
        GeoReportSpec.checkXml(envelope, body);
        return null;
    }

    @Test
    void discoveryNamesTheEndpointItsFormatsAndHowToGetAKey() {
        for (String format : FORMATS) {
            JsonNode discovery = check(Open311Fixture.get("discovery." + format), 200, format, GeoReportSpec.DISCOVERY_DOC);
            if (discovery != null) {
                JsonNode endpoint = discovery.get("endpoints").get(0);
                assertEquals("http://wiki.open311.org/GeoReport_v2", endpoint.get("specification").asText());
                assertTrue(endpoint.get("url").asText().endsWith("/api/v1/open311/v2"), endpoint.toString());
                assertEquals(List.of("text/xml", "application/json"), List.of(endpoint.get("formats").get(0).asText(),
                        endpoint.get("formats").get(1).asText()));
                assertFalse(discovery.get("key_service").asText().isBlank());
            }
        }
    }

    @Test
    void servicesAreTheActiveCategoriesInTheReadersLanguage() {
        Open311Fixture fixture = Open311Fixture.create();
        String code = fixture.setting.categoryCode();
        for (String format : FORMATS) {
            Response response = given().header("Accept-Language", "en").get(BASE + "services." + format);
            JsonNode services = check(response, 200, format, GeoReportSpec.SERVICES);
            if (services != null) {
                JsonNode ours = find(services, "service_code", code);
                assertEquals("Category " + code, ours.get("service_name").asText());
                assertTrue(ours.get("metadata").asBoolean(), "a category taking three kinds of request has an attribute");
                assertEquals("realtime", ours.get("type").asText());
                assertTrue(ours.get("keywords").asText().contains("Catégorie " + code), ours.toString());
            } else {
                assertTrue(response.asString().contains("<service_code>" + code + "</service_code>"));
            }
        }
    }

    @Test
    void aServiceDefinitionListsTheKindOfRequestOrNothing() {
        Open311Fixture fixture = Open311Fixture.create();
        String suggestions = "C" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.asSysadmin().body(Map.of("code", suggestions, "labelFr", "Idées " + suggestions, "labelEn", "Ideas " + suggestions,
                "applicableTypes", List.of("SUGGESTION"))).post("/api/v1/categories").then().statusCode(201);
        for (String format : FORMATS) {
            JsonNode definition = check(Open311Fixture.get("services/" + fixture.setting.categoryCode() + "." + format), 200,
                    format, GeoReportSpec.DEFINITION);
            JsonNode empty = check(Open311Fixture.get("services/" + suggestions + "." + format), 200, format,
                    GeoReportSpec.DEFINITION);
            if (definition != null) {
                JsonNode type = definition.get("attributes").get(0);
                assertEquals("TYPE", type.get("code").asText());
                assertEquals("singlevaluelist", type.get("datatype").asText());
                assertEquals(List.of("COMPLAINT", "SUGGESTION", "OBSERVATION"),
                        List.of(type.get("values").get(0).get("key").asText(), type.get("values").get(1).get("key").asText(),
                                type.get("values").get(2).get("key").asText()));
                assertEquals(0, empty.get("attributes").size(), "a category of one kind takes no attribute");
            }
            check(Open311Fixture.get("services/NO-SUCH-SERVICE." + format), 404, format, GeoReportSpec.ERRORS);
        }
    }

    @Test
    void aSubmissionAnswersItsIdInAListOfOneInEitherFormat() {
        Open311Fixture fixture = Open311Fixture.create();
        for (String format : FORMATS) {
            Response response = fixture.complaint(fixture.submitKey).post(BASE + "requests." + format);
            JsonNode created = check(response, 201, format, GeoReportSpec.SUBMITTED);
            String code = created != null ? created.get(0).get("service_request_id").asText()
                    : GeoReportSpec.text(GeoReportSpec.children(GeoReportSpec.checkXml(GeoReportSpec.SUBMITTED, response.asString())).get(0),
                            "service_request_id");
            assertTrue(code.matches("MIL-[0-9A-Z]{4}-[0-9A-Z]{4}"), code);
            assertTrue(response.header("Location").endsWith("/api/v1/open311/v2/requests/" + code + "." + format),
                    response.header("Location"));
        }
    }

    @Test
    void everyEndpointAnswersItsErrorsInTheSpecificationsFormat() {
        Open311Fixture fixture = Open311Fixture.create();
        for (String format : FORMATS) {
            // 400: a form without service_code, one field per error
            check(given().contentType(ContentType.URLENC).formParam("api_key", fixture.submitKey)
                    .formParam("description", "Une description assez longue.").post(BASE + "requests." + format), 400,
                    format, GeoReportSpec.ERRORS);
            // 403: no api_key, a wrong one, or a client that may not submit
            check(fixture.complaint("mcs_not-a-key").post(BASE + "requests." + format), 403, format, GeoReportSpec.ERRORS);
            check(fixture.complaint(fixture.osepKey).post(BASE + "requests." + format), 403, format, GeoReportSpec.ERRORS);
            check(Open311Fixture.get("requests." + format + "?api_key=mcs_wrong"), 403, format, GeoReportSpec.ERRORS);
            // 404: unknown request, token, service, jurisdiction
            check(Open311Fixture.get("requests/MIL-0000-0000." + format), 404, format, GeoReportSpec.ERRORS);
            check(Open311Fixture.get("tokens/" + java.util.UUID.randomUUID() + "." + format), 404, format, GeoReportSpec.ERRORS);
            check(Open311Fixture.get("services." + format + "?jurisdiction_id=abidjan.example"), 404, format, GeoReportSpec.ERRORS);
            // 400: a malformed filter
            check(Open311Fixture.get("requests." + format + "?start_date=yesterday"), 400, format, GeoReportSpec.ERRORS);
            check(Open311Fixture.get("requests." + format + "?status=pending"), 400, format, GeoReportSpec.ERRORS);
        }
        String body = given().header("Accept-Language", "en").contentType(ContentType.URLENC)
                .formParam("api_key", fixture.submitKey).formParam("service_code", fixture.setting.categoryCode())
                .formParam("description", "Une description assez longue.").formParam("email", Api.uniqueEmail("lat"))
                .formParam("lat", "north").formParam("long", "-4.087").post(BASE + "requests.json").then().statusCode(400).extract().asString();
        assertEquals("[{\"code\":400,\"description\":\"lat: has the wrong type (expected number)\"}]", body);
    }

    @Test
    void aRequestFiledThroughOpen311IsFollowedToItsAnswerSeenClosedWithNotes() {
        Open311Fixture fixture = Open311Fixture.create();
        String code = fixture.submit(fixture.submitKey);

        JsonNode received = check(Open311Fixture.get("requests/" + code + ".json"), 200, "json", GeoReportSpec.REQUESTS).get(0);
        assertEquals("open", received.get("status").asText());
        assertEquals(fixture.setting.categoryCode(), received.get("service_code").asText());
        assertNotNull(received.get("expected_datetime").textValue(), "a received request has a deadline");
        assertTrue(received.get("service_notice").asText().contains(received.get("expected_datetime").asText().substring(0, 10)));

        fixture.answer(code);

        for (String format : FORMATS) {
            Response response = Open311Fixture.get("requests/" + code + "." + format);
            JsonNode answered = check(response, 200, format, GeoReportSpec.REQUESTS);
            if (answered != null) {
                JsonNode request = answered.get(0);
                assertEquals(1, answered.size());
                assertEquals(code, request.get("service_request_id").asText());
                assertEquals("closed", request.get("status").asText());
                assertEquals("Réponse envoyée au citoyen", request.get("status_notes").asText(), request.toString());
                assertTrue(request.get("agency_responsible").asText().startsWith("Administration "), request.toString());
                assertTrue(request.get("expected_datetime").isNull(), "no deadline runs once answered");
                assertTrue(request.get("description").isNull(), "nothing but the public page without a key");
            } else {
                Element request = GeoReportSpec.children(GeoReportSpec.checkXml(GeoReportSpec.REQUESTS, response.asString())).get(0);
                assertEquals("closed", GeoReportSpec.text(request, "status"));
                assertFalse(GeoReportSpec.text(request, "status_notes").isBlank());
            }
        }
    }

    @Test
    void aTokenIsTheRequestsIdAndResolvesToItsTrackingCode() {
        Open311Fixture fixture = Open311Fixture.create();
        String code = fixture.submit(fixture.submitKey);
        String id = fixture.idOf(code);
        for (String format : FORMATS) {
            JsonNode token = check(Open311Fixture.get("tokens/" + id + "." + format), 200, format, GeoReportSpec.TOKENS);
            if (token != null) {
                assertEquals(code, token.get(0).get("service_request_id").asText());
                assertEquals(id, token.get(0).get("token").asText());
            }
        }
    }

    @Test
    void aListingByPeriodHasTheSpecificationsShapeInBothFormats() {
        Open311Fixture fixture = Open311Fixture.create();
        String code = fixture.submit(fixture.administrationKey);
        fixture.answer(code);
        for (String format : FORMATS) {
            Response response = given().queryParam("api_key", fixture.osepKey).queryParam("service_code", fixture.setting.categoryCode())
                    .get(BASE + "requests." + format);
            JsonNode listed = check(response, 200, format, GeoReportSpec.REQUESTS);
            if (listed != null) {
                assertEquals(1, listed.size(), listed.toString());
                JsonNode request = listed.get(0);
                assertEquals("Le lampadaire de la rue 12 est éteint depuis deux semaines.", request.get("description").asText());
                assertEquals(5.336, request.get("lat").asDouble());
                assertEquals(-4.087, request.get("long").asDouble());
                assertTrue(request.get("address").asText().startsWith("Rue 12, Yopougon, Abidjan"), request.toString());
            }
        }
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " = " + value + " in " + list);
    }
}
