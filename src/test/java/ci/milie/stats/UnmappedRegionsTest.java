package ci.milie.stats;

import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Older requests whose free-text region V24 could not map keep their text; the statistics count
 * them in one bucket, UNMAPPED, whatever their spellings.
 */
@QuarkusTest
class UnmappedRegionsTest {

    @Inject
    EntityManager em;

    private String submitIn(Setting at, String region) {
        Map<String, Object> body = Requests.complaint(at.categoryCode(), uniqueEmail("unmapped"));
        body.put("location", new HashMap<>(Map.of("region", region)));
        return Requests.submitAnonymously(body).getString("id");
    }

    /** What V24 leaves in a request whose region named no region of the list. */
    private void leaveFreeText(String id, String text) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update citizen_request set region = ?1 where id = cast(?2 as uuid)")
                .setParameter(1, text).setParameter(2, id).executeUpdate());
    }

    private static RequestSpecification supervisor(Setting at) {
        return as(TestTokens.of("supervisor")).queryParam("categoryCode", at.categoryCode());
    }

    @Test
    void freeTextRegionsAreOneUnmappedBucketBesideTheCodes() {
        Setting at = Setting.create(true);
        submitIn(at, "ABIDJAN");
        submitIn(at, "PORO");
        leaveFreeText(submitIn(at, "ABIDJAN"), "Quartier Zone 4");
        leaveFreeText(submitIn(at, "ABIDJAN"), "zone 4, Marcory");

        supervisor(at).get("/api/v1/stats/overview").then().statusCode(200)
                .body("received", equalTo(4))
                .body("receivedByRegion", equalTo(Map.of("ABIDJAN", 1, "PORO", 1, "UNMAPPED", 2)));
    }

    @Test
    void theUnmappedBucketIsARegionFilterToo() {
        Setting at = Setting.create(true);
        submitIn(at, "PORO");
        leaveFreeText(submitIn(at, "PORO"), "Zone industrielle");

        supervisor(at).queryParam("region", "UNMAPPED").get("/api/v1/stats/overview").then().statusCode(200)
                .body("received", equalTo(1))
                .body("receivedByRegion", equalTo(Map.of("UNMAPPED", 1)))
                .body("backlogByStatus.RECEIVED", equalTo(1));
        supervisor(at).queryParam("region", "poro").get("/api/v1/stats/overview").then().statusCode(200)
                .body("received", equalTo(1))
                .body("backlogByStatus.RECEIVED", equalTo(1));
    }
}
