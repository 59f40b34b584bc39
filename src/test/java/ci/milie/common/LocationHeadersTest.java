package ci.milie.common;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.asSysadmin;
import static ci.milie.support.Api.url;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import ci.milie.support.Api;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.SampleFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every {@code 201 Created} names its new resource: the {@code Location} is the absolute URL the
 * same caller reads it back at, once, under the API's root path.
 */
@QuarkusTest
class LocationHeadersTest {

    static final byte[] PDF = SampleFiles.pdf(1);

    /** The Location of a 201, checked to be the resource's own URL, then followed by the same caller: 200. */
    private static ExtractableResponse<Response> follow(ExtractableResponse<Response> created, String path,
            RequestSpecification caller) {
        String location = created.header("Location");
        assertEquals(url(path), location, "Location of " + path);
        return caller.get(location).then().statusCode(200).extract();
    }

    private static ExtractableResponse<Response> created(RequestSpecification caller, Object body, String path) {
        return caller.body(body).post(path).then().statusCode(201).extract();
    }

    @Test
    void theNewAdministrationIsReadAtItsLocation() {
        String code = "L" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = created(asSysadmin(), Map.of("code", code, "name", "Administration " + code, "kind", "AGENCY",
                "contactEmail", "contact@" + code.toLowerCase() + ".gouv.ci"), "/api/v1/administrations");
        String id = created.path("id");

        follow(created, "/api/v1/administrations/" + id, asSysadmin()).response().then()
                .body("id", equalTo(id)).body("code", equalTo(code));
    }

    @Test
    void theNewCategoryIsReadAtItsLocation() {
        String code = "L" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = created(asSysadmin(), Map.of("code", code, "labelFr", "Catégorie " + code, "labelEn",
                "Category " + code, "applicableTypes", java.util.List.of("COMPLAINT")), "/api/v1/categories");
        String id = created.path("id");

        follow(created, "/api/v1/categories/" + id, asSysadmin()).response().then()
                .body("id", equalTo(id)).body("code", equalTo(code));
    }

    @Test
    void theNewSlaPolicyIsReadAtItsLocation() {
        String categoryCode = Api.createCategory(Api.createAdministration(true));
        String categoryId = Api.categoryId(categoryCode);
        Map<String, Object> body = new HashMap<>();
        body.put("requestType", "COMPLAINT");
        body.put("categoryId", categoryId);
        body.put("triage", Map.of("amount", 4, "unit", "WORKING_HOURS"));
        body.put("acknowledgement", Map.of("amount", 1, "unit", "WORKING_DAYS"));
        body.put("answer", Map.of("amount", 5, "unit", "WORKING_DAYS"));
        var created = created(asSysadmin(), body, "/api/v1/sla-policies");
        String id = created.path("id");

        follow(created, "/api/v1/sla-policies/" + id, asSysadmin()).response().then()
                .body("id", equalTo(id)).body("categoryId", equalTo(categoryId));
    }

    @Test
    void theNewHolidayIsReadAtItsLocation() {
        // A day far ahead, free in the table (other tests add holidays from 2080 on): no deadline of today moves.
        LocalDate day;
        ExtractableResponse<Response> created;
        do {
            day = LocalDate.of(2060, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20 * 365));
            created = asSysadmin().body(Map.of("date", day.toString(), "nameFr", "Jour férié", "nameEn", "Holiday"))
                    .post("/api/v1/holidays").then().extract();
        } while (created.statusCode() == 409);
        try {
            assertEquals(201, created.statusCode());
            follow(created, "/api/v1/holidays/" + day, asSysadmin()).response().then()
                    .body("date", equalTo(day.toString())).body("nameFr", equalTo("Jour férié"));
        } finally {
            asSysadmin().delete("/api/v1/holidays/" + day).then().statusCode(204);
        }
    }

    @Test
    void theNewStaffAccountIsReadAtItsLocation() {
        String email = Api.uniqueEmail("location");
        var created = created(asSysadmin(), Map.of("email", email, "fullName", "Aya Koné", "role", "osep",
                "password", "Long-Enough-Password-1"), "/api/v1/staff");
        String id = created.path("id");

        follow(created, "/api/v1/staff/" + id, asSysadmin()).response().then()
                .body("id", equalTo(id)).body("email", equalTo(email));
    }

    @Test
    void theKeyHolderReadsTheNewRequestItsFileAndItsAnswerAtTheirLocations() {
        Setting setting = Setting.create(false);
        var submitted = created(anonymous(), Requests.complaint(setting.categoryCode(), Api.uniqueEmail("loc")),
                "/api/v1/requests");
        String id = submitted.path("id");
        String key = submitted.path("accessKey");
        RequestSpecification keyHolder = given().header("X-Access-Key", key);

        follow(submitted, "/api/v1/requests/" + id, keyHolder).response().then().body("id", equalTo(id));

        var uploaded = keyHolder.multiPart("file", "courrier.pdf", PDF, "application/pdf")
                .post("/api/v1/requests/" + id + "/attachments").then().statusCode(201).extract();
        String attachmentId = uploaded.path("items[0].id");
        byte[] file = follow(uploaded, "/api/v1/requests/" + id + "/attachments/" + attachmentId,
                given().header("X-Access-Key", key)).asByteArray();
        assertArrayEquals(PDF, file);

        as(setting.osepToken()).body(Map.of("administrationId", setting.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        as(setting.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        // This administration's answers reach the citizen without review: the key holder may read it too.
        var answered = created(as(setting.agentToken()), Map.of("text", "Votre extrait est prêt."),
                "/api/v1/requests/" + id + "/answers");
        String answerId = answered.path("id");
        String answerPath = "/api/v1/requests/" + id + "/answers/" + answerId;

        follow(answered, answerPath, as(setting.agentToken())).response().then()
                .body("id", equalTo(answerId)).body("requestId", equalTo(id)).body("status", equalTo("DELIVERED"));
        given().header("X-Access-Key", key).get(url(answerPath)).then().statusCode(200)
                .body("id", equalTo(answerId)).body("text", equalTo("Votre extrait est prêt."));
    }

    @Test
    void anOperatorReadsTheRequestHeEnteredAtItsLocation() {
        Setting setting = Setting.create(true);
        String email = Api.uniqueEmail("operator");
        Api.createStaff(email, "operator", null, "Long-Enough-Password-1");
        String operator = Api.login(email, "Long-Enough-Password-1");
        Map<String, Object> body = Requests.complaint(setting.categoryCode(), Api.uniqueEmail("phone"));
        body.put("channel", "PHONE");
        body.put("contact", Map.of("fullName", "Awa Traoré", "phone", "+2250701020304"));
        var submitted = created(as(operator), body, "/api/v1/requests");
        String id = submitted.path("id");

        follow(submitted, "/api/v1/requests/" + id, as(operator)).response().then().body("id", equalTo(id));
    }
}
