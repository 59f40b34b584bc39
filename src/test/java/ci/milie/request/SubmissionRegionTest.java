package ci.milie.request;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import io.quarkus.test.junit.QuarkusTest;

/** A request's region is one of the reference list's codes; a name is taken and kept as its code. */
@QuarkusTest
class SubmissionRegionTest {

    private static Setting setting;

    private static Setting at() {
        if (setting == null) {
            setting = Setting.create(true);
        }
        return setting;
    }

    private static Map<String, Object> complaintIn(String region) {
        Map<String, Object> body = Requests.complaint(at().categoryCode(), uniqueEmail("region"));
        Map<String, Object> location = new HashMap<>();
        location.put("region", region);
        location.put("locality", "Bouaké");
        body.put("location", location);
        return body;
    }

    private static void assertRegionKept(String id, String code) {
        as(at().osepToken()).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("location.region", equalTo(code))
                .body("location.locality", equalTo("Bouaké"));
    }

    @Test
    void aRegionCodeIsAcceptedAndKept() {
        String id = Requests.submitAnonymously(complaintIn("GBEKE")).getString("id");
        assertRegionKept(id, "GBEKE");
    }

    @Test
    void aNameTypedByAnOperatorIsKeptAsItsCode() {
        String id = Requests.submitAnonymously(complaintIn("région du Gbêkê")).getString("id");
        assertRegionKept(id, "GBEKE");
    }

    @Test
    void noRegionStaysNoRegion() {
        Map<String, Object> body = complaintIn(null);
        String id = Requests.submitAnonymously(body).getString("id");
        as(at().osepToken()).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("location.region", nullValue());
    }

    @Test
    void anUnknownRegionIsRefusedNamingTheFieldAndWhereTheCodesAre() {
        assertProblem(anonymous().body(complaintIn("Cocody")).post("/api/v1/requests").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("location.region"))
                .body("violations[0].message", containsString("GET /api/v1/reference"));
    }
}
