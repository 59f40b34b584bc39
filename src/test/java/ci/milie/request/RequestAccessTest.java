package ci.milie.request;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Object-level rules: whoever may not see a request gets the 404 of a request that does not exist. */
@QuarkusTest
class RequestAccessTest {

    @Test
    void aTokenClaimingTheSystemRoleIsNobodyInParticular() {
        Setting at = Setting.create(true);
        String id = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("sys"))).getString("id");
        String system = TestTokens.of("system");
        assertProblem(as(system).get("/api/v1/requests/" + id).then(), 404, "NOT_FOUND");
        assertProblem(as(system).body(Map.of("text", "Je suis Miliê")).post("/api/v1/requests/" + id + "/messages").then(),
                404, "NOT_FOUND");
        as(at.osepToken()).get("/api/v1/requests/" + id + "/events").then().statusCode(200)
                .body("items.type", org.hamcrest.Matchers.contains("SUBMITTED"));
    }

    @Test
    void agentOfAnotherAdministrationGets404OnReadAndOnEveryAction() {
        Setting mine = Setting.create(true);
        Setting theirs = Setting.create(true);
        String id = mine.requestInProgress(uniqueEmail("a"));
        String other = theirs.agentToken();
        String base = "/api/v1/requests/" + id;

        assertProblem(as(other).get(base).then(), 404, "NOT_FOUND");
        assertProblem(as(other).get(base + "/events").then(), 404, "NOT_FOUND");
        assertProblem(as(other).post(base + "/acknowledgement").then(), 404, "NOT_FOUND");
        assertProblem(as(other).body(Map.of("reason", "x")).post(base + "/handback").then(), 404, "NOT_FOUND");
        assertProblem(as(other).body(Map.of("text", "?")).post(base + "/messages").then(), 404, "NOT_FOUND");
        assertProblem(as(other).body(Map.of("text", "note")).post(base + "/notes").then(), 404, "NOT_FOUND");
        assertProblem(as(other).body(Map.of("text", "answer")).post(base + "/answers").then(), 404, "NOT_FOUND");

        // and an unknown id answers the same
        Response unknown = as(other).get("/api/v1/requests/" + UUID.randomUUID());
        assertProblem(unknown.then(), 404, "NOT_FOUND");
        // the owning agent, meanwhile, sees it
        as(mine.agentToken()).get(base).then().statusCode(200);
    }

    @Test
    void agentsQueueHoldsOnlyTheirAdministrationsRequests() {
        Setting mine = Setting.create(true);
        Setting theirs = Setting.create(true);
        String id = mine.requestInProgress(uniqueEmail("q"));
        theirs.requestInProgress(uniqueEmail("q"));

        JsonPath page = as(mine.agentToken()).queryParam("administrationId", theirs.administrationId())
                .get("/api/v1/requests").then().statusCode(200).extract().jsonPath();
        assertEquals(java.util.List.of(id), page.getList("items.id"));
    }

    @Test
    void citizenGets404OnAnotherCitizensRequest() {
        Setting at = Setting.create(true);
        UUID owner = UUID.randomUUID();
        String id = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("c"))).getString("id");
        String stranger = TestTokens.builder("citizen", owner, null).sign();

        assertProblem(as(stranger).get("/api/v1/requests/" + id).then(), 404, "NOT_FOUND");
        assertProblem(as(stranger).get("/api/v1/requests/" + id + "/events").then(), 404, "NOT_FOUND");
        assertProblem(as(stranger).body(Map.of("text", "hello")).post("/api/v1/requests/" + id + "/messages").then(),
                404, "NOT_FOUND");
    }

    @Test
    void wrongAccessKeyAndUnknownCodeAnswerAlike() {
        Setting at = Setting.create(true);
        String code = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("k"))).getString("trackingCode");

        JsonPath wrongKey = anonymous().header("X-Access-Key", "not-the-key").get("/api/v1/tracking/" + code)
                .then().statusCode(404).extract().jsonPath();
        JsonPath unknownCode = anonymous().header("X-Access-Key", "not-the-key").get("/api/v1/tracking/MIL-0000-0000")
                .then().statusCode(404).extract().jsonPath();
        JsonPath malformedCode = anonymous().get("/api/v1/tracking/nonsense").then().statusCode(404).extract().jsonPath();

        for (String field : new String[] { "type", "title", "status", "detail", "code" }) {
            assertEquals(unknownCode.getString(field), wrongKey.getString(field), field);
            assertEquals(unknownCode.getString(field), malformedCode.getString(field), field);
        }
        assertProblem(anonymous().header("X-Access-Key", "not-the-key").get("/api/v1/tracking/" + code).then(),
                404, "NOT_FOUND");
    }

    @Test
    void wrongAccessKeyCannotReplyNorRead() {
        Setting at = Setting.create(true);
        String id = at.requestInProgress(uniqueEmail("r"));
        as(at.agentToken()).body(Map.of("text", "Une question ?")).post("/api/v1/requests/" + id + "/messages")
                .then().statusCode(200);

        assertProblem(anonymous().header("X-Access-Key", "guess").body(Map.of("text", "hi"))
                .post("/api/v1/requests/" + id + "/messages").then(), 404, "NOT_FOUND");
        assertProblem(anonymous().get("/api/v1/requests/" + id).then(), 404, "NOT_FOUND");
    }

    @Test
    void operatorCannotBrowseTheQueueWithoutCodeAndPhone() {
        assertProblem(as(TestTokens.of("operator")).get("/api/v1/requests").then(), 400, "VALIDATION_FAILED");
    }

    @Test
    void citizensAndAnonymousCannotReadTheQueue() {
        assertProblem(as(TestTokens.of("citizen")).get("/api/v1/requests").then(), 403, "FORBIDDEN");
        assertProblem(anonymous().get("/api/v1/requests").then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void agentCannotRouteNorOsepAcknowledge() {
        Setting at = Setting.create(true);
        String id = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("x"))).getString("id");
        assertProblem(as(at.agentToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then(), 403, "FORBIDDEN");
        assertProblem(as(at.osepToken()).post("/api/v1/requests/" + id + "/acknowledgement").then(), 403, "FORBIDDEN");
    }

    @Test
    void anAnonymousRequestHidesTheCitizenFromTheAdministrationButNotFromOsep() {
        Setting at = Setting.create(true);
        Map<String, Object> body = Requests.complaint(at.categoryCode(), uniqueEmail("anon"));
        body.put("anonymous", true);
        String id = Requests.submitAnonymously(body).getString("id");
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200)
                .body("contact.fullName", org.hamcrest.Matchers.equalTo("Awa Traoré"));
        as(at.agentToken()).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("contact", org.hamcrest.Matchers.nullValue())
                .body("anonymous", org.hamcrest.Matchers.equalTo(true));
    }
}
