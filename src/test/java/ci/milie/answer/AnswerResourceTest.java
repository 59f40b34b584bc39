package ci.milie.answer;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** One answer read at its own URL: by whoever sees it in the request's view, and nobody else. */
@QuarkusTest
class AnswerResourceTest {

    @Test
    void theCitizenReadsAnAnswerOnlyOnceDeliveredAndNeverOsepsRemarks() {
        Setting at = Setting.create(true);
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("answer")));
        String id = receipt.getString("id");
        String key = receipt.getString("accessKey");
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        String answers = "/api/v1/requests/" + id + "/answers/";

        String returned = as(at.agentToken()).body(Map.of("text", "Votre extrait est prêt."))
                .post(answers).then().statusCode(201).extract().path("id");
        as(at.osepToken()).body(Map.of("decision", "RETURN", "remarks", "Précisez où le retirer."))
                .post(answers + returned + "/review").then().statusCode(200);
        as(at.agentToken()).get(answers + returned).then().statusCode(200)
                .body("id", equalTo(returned))
                .body("status", equalTo("RETURNED"))
                .body("remarks", equalTo("Précisez où le retirer."))
                .body("requestStatus", equalTo("IN_PROGRESS"));
        assertProblem(anonymous().header("X-Access-Key", key).get(answers + returned).then(), 404, "NOT_FOUND");

        String delivered = as(at.agentToken()).body(Map.of("text", "Retirez-le au guichet 3."))
                .post(answers).then().statusCode(201).extract().path("id");
        assertProblem(anonymous().header("X-Access-Key", key).get(answers + delivered).then(), 404, "NOT_FOUND");
        as(at.osepToken()).get(answers + delivered).then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        as(at.osepToken()).body(Map.of("decision", "APPROVE"))
                .post(answers + delivered + "/review").then().statusCode(200);

        anonymous().header("X-Access-Key", key).get(answers + delivered).then().statusCode(200)
                .body("id", equalTo(delivered))
                .body("requestId", equalTo(id))
                .body("status", equalTo("DELIVERED"))
                .body("text", equalTo("Retirez-le au guichet 3."))
                .body("remarks", nullValue())
                .body("requestStatus", equalTo("ANSWERED"));
        assertProblem(anonymous().header("X-Access-Key", key).get(answers + returned).then(), 404, "NOT_FOUND");
    }

    @Test
    void strangersGetTheSame404AsForAnAnswerThatDoesNotExist() {
        Setting at = Setting.create(false);
        String id = at.requestInProgress(uniqueEmail("stranger"));
        String answers = "/api/v1/requests/" + id + "/answers/";
        String answer = as(at.agentToken()).body(Map.of("text", "Votre document est disponible."))
                .post(answers).then().statusCode(201).extract().path("id");

        assertProblem(as(TestTokens.agent(UUID.randomUUID())).get(answers + answer).then(), 404, "NOT_FOUND");
        assertProblem(anonymous().get(answers + answer).then(), 404, "NOT_FOUND");
        assertProblem(anonymous().header("X-Access-Key", "not-the-key").get(answers + answer).then(), 404, "NOT_FOUND");
        assertProblem(as(at.agentToken()).get(answers + UUID.randomUUID()).then(), 404, "NOT_FOUND");
    }
}
