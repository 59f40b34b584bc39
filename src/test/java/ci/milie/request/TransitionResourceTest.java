package ci.milie.request;

import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import io.quarkus.test.junit.QuarkusTest;

/** Moves the lifecycle refuses, and concurrent or stale changes, through HTTP. */
@QuarkusTest
class TransitionResourceTest {

    @jakarta.inject.Inject
    io.quarkus.mailer.MockMailbox mailbox;

    @jakarta.inject.Inject
    ci.milie.notification.OutboxRelay relay;

    @Test
    void illegalMoveIs409NamingTheCurrentStatus() {
        Setting at = Setting.create(true);
        String id = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("x"))).getString("id");
        assertProblem(as(at.osepToken()).body(Map.of("message", "Réponse")).post("/api/v1/requests/" + id + "/closure").then(),
                409, "INVALID_TRANSITION").body("currentStatus", equalTo("RECEIVED"));
    }

    @Test
    void answeringBeforeAcknowledgingIs409() {
        Setting at = Setting.create(true);
        String id = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("x"))).getString("id");
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        assertProblem(as(at.agentToken()).body(Map.of("text", "Réponse")).post("/api/v1/requests/" + id + "/answers").then(),
                409, "INVALID_TRANSITION").body("currentStatus", equalTo("ROUTED"));
    }

    @Test
    void rejectionNeedsAReasonAndAMessageAndTellsTheCitizen() {
        Setting at = Setting.create(true);
        String email = uniqueEmail("rejected");
        String id = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), email)).getString("id");
        assertProblem(as(at.osepToken()).body(Map.of("decision", "REJECT")).post("/api/v1/requests/" + id + "/qualification").then(),
                400, "VALIDATION_FAILED").body("violations[0].field", equalTo("reasonCode"));
        as(at.osepToken()).body(Map.of("decision", "REJECT", "reasonCode", "OUT_OF_SCOPE", "message", "Ceci relève du secteur privé."))
                .post("/api/v1/requests/" + id + "/qualification").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejection.reasonCode", equalTo("OUT_OF_SCOPE"));
        ci.milie.support.Outboxes.drain(relay);
        var mails = mailbox.getMailsSentTo(email);
        assertTrue(mails.get(mails.size() - 1).getText().contains("Ceci relève du secteur privé."), "the citizen is told why");
        assertProblem(as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then(), 409, "INVALID_TRANSITION")
                .body("currentStatus", equalTo("REJECTED"));
    }

    @Test
    void duplicateRejectionPointsToTheOriginal() {
        Setting at = Setting.create(true);
        String original = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("o"))).getString("id");
        String copy = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("o"))).getString("id");
        as(at.osepToken()).body(Map.of("decision", "REJECT", "reasonCode", "DUPLICATE", "duplicateOf", original,
                "message", "Déjà enregistrée.")).post("/api/v1/requests/" + copy + "/qualification")
                .then().statusCode(200).body("rejection.duplicateOf", equalTo(original));
    }

    @Test
    void handBackReturnsTheRequestToOsepAndReroutingNeedsAReason() {
        Setting at = Setting.create(true);
        Setting other = Setting.create(true);
        String id = at.requestInProgress(uniqueEmail("h"));
        assertProblem(as(at.osepToken()).body(Map.of("administrationId", other.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("reason"));
        as(at.agentToken()).body(Map.of("reason", "Relève de la mairie, pas du ministère"))
                .post("/api/v1/requests/" + id + "/handback").then().statusCode(200)
                .body("status", equalTo("RECEIVED"));
        as(at.agentToken()).get("/api/v1/requests/" + id).then().statusCode(404);
        as(at.osepToken()).body(Map.of("administrationId", other.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200)
                .body("administration.id", equalTo(other.administrationId()));
        as(other.agentToken()).get("/api/v1/requests/" + id).then().statusCode(200).body("status", equalTo("ROUTED"));
    }

    @Test
    void osepClosesAnAcknowledgedSuggestion() {
        Setting at = Setting.create(true);
        Map<String, Object> body = Requests.complaint(at.categoryCode(), null);
        body.put("type", "SUGGESTION");
        body.remove("contact");
        String id = Requests.submitAnonymously(body).getString("id");
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId())).post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        as(at.osepToken()).body(Map.of("message", "Merci pour votre suggestion."))
                .post("/api/v1/requests/" + id + "/closure").then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void staleVersionIs409() {
        Setting at = Setting.create(true);
        String id = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("v"))).getString("id");
        String etag = as(at.osepToken()).get("/api/v1/requests/" + id).then().statusCode(200).extract().header("ETag");
        as(at.osepToken()).header("If-Match", etag).body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/requests/" + id + "/qualification").then().statusCode(200);
        assertProblem(as(at.osepToken()).header("If-Match", etag).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then(), 409, "CONCURRENT_MODIFICATION");
    }

    @Test
    void aClientChainsMovesWithTheETagsTheyReturn() {
        Setting at = Setting.create(true);
        String id = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("chain"))).getString("id");
        String read = as(at.osepToken()).get("/api/v1/requests/" + id).then().statusCode(200).extract().header("ETag");
        var qualified = as(at.osepToken()).header("If-Match", read).body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/requests/" + id + "/qualification").then().statusCode(200).extract();
        String afterQualifying = qualified.header("ETag");
        assertEquals("\"" + qualified.jsonPath().getLong("version") + "\"", afterQualifying, "the tag is the new version");
        var routed = as(at.osepToken()).header("If-Match", afterQualifying).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200).body("status", equalTo("ROUTED")).extract();
        as(at.agentToken()).header("If-Match", routed.header("ETag"))
                .post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        String afterQuestion = as(at.agentToken()).body(Map.of("text", "Pouvez-vous préciser la date ?"))
                .post("/api/v1/requests/" + id + "/messages").then().statusCode(200).extract().header("ETag");
        assertEquals(as(at.agentToken()).get("/api/v1/requests/" + id).then().extract().header("ETag"), afterQuestion,
                "a move's tag is the one a read gives next");
    }

    @Test
    void twoConcurrentMovesNeverBothWin() throws Exception {
        Setting at = Setting.create(true);
        String id = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("c"))).getString("id");
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").statusCode();
                }));
            }
            start.countDown();
            int ok = 0;
            for (Future<Integer> result : results) {
                int status = result.get();
                assertTrue(status == 200 || status == 409, "status " + status);
                ok += status == 200 ? 1 : 0;
            }
            assertEquals(1, ok, "exactly one acknowledgement wins");
        } finally {
            pool.shutdownNow();
        }
        as(at.osepToken()).get("/api/v1/requests/" + id + "/events").then().statusCode(200)
                .body("items.findAll { it.type == 'ACKNOWLEDGED' }.size()", equalTo(1));
    }
}
