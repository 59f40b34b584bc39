package ci.milie.integration;

import static ci.milie.support.Api.as;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ci.milie.support.Api;
import ci.milie.support.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A client's token acts as its administration's agent (or reads as OSEP), within its scopes, and as itself. */
@QuarkusTest
class ClientActionsTest {

    @Test
    void aClientAcknowledgesARequestOfItsAdministrationAndTheTimelineShowsTheClient() {
        Requests.Setting setting = Requests.Setting.create(false);
        Clients.Registered client = Clients.register(setting.administrationId(), List.of("REQUESTS_READ", "REQUESTS_ACT"));
        String requestId = routed(setting);
        String token = client.token();

        as(token).post("/api/v1/requests/" + requestId + "/acknowledgement").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));

        JsonPath timeline = as(setting.osepToken()).get("/api/v1/requests/" + requestId + "/events").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> acknowledged = timeline.getList("items.findAll { it.type == 'ACKNOWLEDGED' }");
        org.junit.jupiter.api.Assertions.assertEquals(1, acknowledged.size(), timeline.prettify());
        org.junit.jupiter.api.Assertions.assertEquals("integration", acknowledged.get(0).get("actorRole"));
        org.junit.jupiter.api.Assertions.assertEquals(client.id(), acknowledged.get(0).get("actorId"));
    }

    @Test
    void aClientReadsTheRequestsOfItsAdministrationAndFindsNoneOfAnothers() {
        Requests.Setting mine = Requests.Setting.create(false);
        Requests.Setting other = Requests.Setting.create(false);
        Clients.Registered client = Clients.register(mine.administrationId(), List.of("REQUESTS_READ", "REQUESTS_ACT"));
        String ours = routed(mine);
        String theirs = routed(other);
        String token = client.token();

        as(token).get("/api/v1/requests/" + ours).then().statusCode(200).body("id", equalTo(ours));
        as(token).get("/api/v1/requests").then().statusCode(200).body("items.id", hasItem(ours));
        assertProblem(as(token).get("/api/v1/requests/" + theirs).then(), 404, "NOT_FOUND");
        assertProblem(as(token).post("/api/v1/requests/" + theirs + "/acknowledgement").then(), 404, "NOT_FOUND");
    }

    @Test
    void aTokenWithoutRequestsActMayReadButNotMove() {
        Requests.Setting setting = Requests.Setting.create(false);
        Clients.Registered client = Clients.register(setting.administrationId(), List.of("REQUESTS_READ", "REQUESTS_ACT"));
        String requestId = routed(setting);
        String token = client.token("requests:read");

        // it reads as the agent in charge, but is offered nothing: its token may not move the request
        as(token).get("/api/v1/requests/" + requestId).then().statusCode(200).body("allowedActions", empty());
        as(client.token()).get("/api/v1/requests/" + requestId).then().statusCode(200)
                .body("allowedActions", hasItem("ACKNOWLEDGE"));
        assertProblem(as(token).post("/api/v1/requests/" + requestId + "/acknowledgement").then(), 403, "FORBIDDEN");
        as(setting.osepToken()).get("/api/v1/requests/" + requestId).then().statusCode(200)
                .body("status", equalTo("ROUTED"));
    }

    @Test
    void aClientCannotReachWhatItsPermissionsDoNotName() {
        Clients.Registered client = Clients.register(null, List.of("STATS_READ"));
        String token = client.token();

        assertProblem(as(token).get("/api/v1/requests").then(), 403, "FORBIDDEN");
        assertProblem(as(token).get("/api/v1/staff").then(), 403, "FORBIDDEN");
        assertProblem(as(token).get("/api/v1/integrations/clients").then(), 403, "FORBIDDEN");
        assertProblem(as(token).get("/api/v1/me").then(), 403, "FORBIDDEN");
    }

    @Test
    void aClientOfOsepReadsEveryAdministrationsRequests() {
        Requests.Setting setting = Requests.Setting.create(false);
        Clients.Registered client = Clients.register(null, List.of("REQUESTS_READ"));
        String requestId = routed(setting);

        // it reads as OSEP, and is offered none of OSEP's moves (an OSEP client never holds requests:act)
        as(client.token()).get("/api/v1/requests/" + requestId).then().statusCode(200).body("id", equalTo(requestId))
                .body("allowedActions", empty());
        as(setting.osepToken()).get("/api/v1/requests/" + requestId).then().statusCode(200)
                .body("allowedActions", hasItem("REROUTE"));
    }

    @Test
    void aClientWithTheSubmitPermissionSubmitsOnBehalfOfAChannelAsItself() {
        Requests.Setting setting = Requests.Setting.create(false);
        Clients.Registered client = Clients.register(setting.administrationId(), List.of("SUBMIT", "REQUESTS_READ"));
        var complaint = Requests.complaint(setting.categoryCode(), Api.uniqueEmail("awa"));
        complaint.put("channel", "WEB");

        String id = as(client.token()).body(complaint).post("/api/v1/requests").then().statusCode(201)
                .body("channel", equalTo("WEB")).extract().path("id");

        JsonPath timeline = as(setting.osepToken()).get("/api/v1/requests/" + id + "/events").then().statusCode(200)
                .extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals("integration",
                timeline.getString("items.find { it.type == 'SUBMITTED' }.actorRole"), timeline.prettify());
    }

    @Test
    void aClientWithoutTheSubmitPermissionSubmitsNothing() {
        Requests.Setting setting = Requests.Setting.create(false);
        Clients.Registered client = Clients.register(setting.administrationId(), List.of("REQUESTS_READ"));

        assertProblem(as(client.token()).body(Requests.complaint(setting.categoryCode(), Api.uniqueEmail("awa")))
                .post("/api/v1/requests").then(), 403, "FORBIDDEN");
    }

    @Test
    void aClientWithTheStatisticsPermissionReadsTheStaffFiguresAndOthersDoNot() {
        Clients.Registered reader = Clients.register(null, List.of("STATS_READ"));
        Clients.Registered other = Clients.register(null, List.of("REQUESTS_READ"));

        as(reader.token()).get("/api/v1/stats/overview").then().statusCode(200);
        assertProblem(as(other.token()).get("/api/v1/stats/overview").then(), 403, "FORBIDDEN");
    }

    /** A complaint submitted and routed by OSEP to the setting's administration. */
    private static String routed(Requests.Setting setting) {
        String id = Requests.submitAnonymously(Requests.complaint(setting.categoryCode(), Api.uniqueEmail("awa")))
                .getString("id");
        as(setting.osepToken()).body(Map.of("administrationId", setting.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        return id;
    }
}
