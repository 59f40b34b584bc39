package ci.milie.reference;

import static ci.milie.support.Api.anonymous;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ReferenceResourceTest {

    static final String REFERENCE = "/api/v1/reference";

    @Inject
    EntityManager em;

    @Test
    void anyoneReadsTheRegionsOfCoteDIvoireWithTheirDistricts() {
        Response response = anonymous().get(REFERENCE);
        response.then().statusCode(200)
                .body("regions", hasSize(33))
                .body("regions.findAll { it.kind == 'AUTONOMOUS_DISTRICT' }.code", equalTo(List.of("ABIDJAN", "YAMOUSSOUKRO")))
                .body("regions.findAll { it.kind == 'REGION' }", hasSize(31))
                .body("regions.find { it.code == 'AGNEBY_TIASSA' }", equalTo(Map.of("code", "AGNEBY_TIASSA",
                        "labelFr", "Agnéby-Tiassa", "labelEn", "Agnéby-Tiassa", "kind", "REGION",
                        "districtCode", "LAGUNES", "active", true)))
                .body("districts", hasSize(14))
                .body("districts.find { it.code == 'LACS' }.labelFr", equalTo("District autonome des Lacs"))
                .body("districts.find { it.code == 'LACS' }.labelEn", equalTo("Lacs Autonomous District"));
        List<String> districts = response.jsonPath().getList("districts.code");
        assertTrue(districts.containsAll(response.jsonPath().getList("regions.districtCode")),
                "every region belongs to a listed district");
    }

    @Test
    void theCodesOfTheContractComeWithFrenchAndEnglishLabels() {
        anonymous().get(REFERENCE).then().statusCode(200)
                .body("statuses.code", hasItems("RECEIVED", "AWAITING_CITIZEN", "REJECTED"))
                .body("statuses.find { it.code == 'AWAITING_CITIZEN' }.labelFr", equalTo("En attente du citoyen"))
                .body("statuses.find { it.code == 'AWAITING_CITIZEN' }.labelEn", equalTo("Waiting for the citizen"))
                .body("requestTypes.code", equalTo(List.of("COMPLAINT", "SUGGESTION", "OBSERVATION")))
                .body("channels.code", equalTo(List.of("WEB", "MOBILE", "PHONE", "USSD", "SMS")))
                .body("eventTypes", hasSize(ci.milie.request.EventType.values().length))
                .body("rejectionReasons.find { it.code == 'DUPLICATE' }.labelEn", equalTo("Duplicate of another request"))
                .body("satisfactionCriteria.code", equalTo(List.of("CLARITY", "SPEED", "COURTESY")))
                .body("stages.code", equalTo(List.of("TRIAGE", "ACKNOWLEDGEMENT", "ANSWER")))
                .body("administrationKinds.find { it.code == 'MINISTRY' }.labelFr", equalTo("Ministère"));
    }

    @Test
    void anAppRevalidatesItsCopyAndGets304WhileNothingChanged() {
        Response first = anonymous().get(REFERENCE);
        first.then().statusCode(200).header("Cache-Control", equalTo("public, max-age=3600"))
                .header("ETag", not(emptyString()));
        String etag = first.header("ETag");

        anonymous().header("If-None-Match", etag).get(REFERENCE).then()
                .statusCode(304).header("ETag", equalTo(etag)).header("Cache-Control", equalTo("public, max-age=3600"))
                .body(emptyString());
        anonymous().header("If-None-Match", "\"an-older-copy\"").get(REFERENCE).then()
                .statusCode(200).header("ETag", equalTo(etag));
    }

    @Test
    void aWeakOrListedETagRevalidatesTooAndIfMatchIsNoConcernOfARead() {
        String etag = anonymous().get(REFERENCE).then().statusCode(200).extract().header("ETag");
        anonymous().header("If-None-Match", "\"another\", W/" + etag).get(REFERENCE).then().statusCode(304);
        anonymous().header("If-Match", "\"another\"").get(REFERENCE).then().statusCode(200)
                .body("regions", hasSize(33));
    }

    @Test
    void aRegionChangedInTheDatabaseChangesTheETagWithoutARelease() {
        String before = anonymous().get(REFERENCE).then().statusCode(200).extract().header("ETag");
        setActive("GBOKLE", false);
        try {
            String after = anonymous().header("If-None-Match", before).get(REFERENCE).then().statusCode(200)
                    .body("regions.find { it.code == 'GBOKLE' }.active", equalTo(false))
                    .extract().header("ETag");
            assertTrue(!before.equals(after), "a new ETag for new content");
        } finally {
            setActive("GBOKLE", true);
        }
        assertEquals(before, anonymous().get(REFERENCE).then().statusCode(200).extract().header("ETag"));
    }

    private void setActive(String code, boolean active) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update region set active = ?1 where code = ?2")
                .setParameter(1, active).setParameter(2, code).executeUpdate());
    }
}
