package ci.milie.feedback;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.notification.OutboxRelay;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.TestClock;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class FeedbackResourceTest {

    @Inject
    TestClock clock;

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxRelay relay;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** An answered complaint at a trusted administration; returns [id, accessKey]. */
    static String[] answered(Setting at) {
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("f")));
        String id = receipt.getString("id");
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId())).post("/api/v1/requests/" + id + "/routing")
                .then().statusCode(200);
        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        as(at.agentToken()).body(Map.of("text", "Votre dossier est traité.")).post("/api/v1/requests/" + id + "/answers")
                .then().statusCode(201).body("requestStatus", equalTo("ANSWERED"));
        return new String[] { id, receipt.getString("accessKey"), receipt.getString("trackingCode") };
    }

    private static io.restassured.response.ValidatableResponse rate(String id, String key, Map<String, Object> body) {
        return anonymous().header("X-Access-Key", key).body(body).post("/api/v1/requests/" + id + "/feedback").then();
    }

    private static io.restassured.response.ValidatableResponse reopen(String id, String key, String reason) {
        return anonymous().header("X-Access-Key", key).body(Map.of("reason", reason)).post("/api/v1/requests/" + id + "/reopen").then();
    }

    @Test
    void citizenRatesTheAnswerOnceAndASecondRatingIs409() {
        Setting at = Setting.create(false);
        String[] request = answered(at);
        rate(request[0], request[1], Map.of("rating", 2, "satisfied", false,
                "criteria", Map.of("clarity", 3, "speed", 1, "courtesy", 4), "comment", "Trop lent."))
                .statusCode(201)
                .body("rating", equalTo(2)).body("satisfied", equalTo(false))
                .body("criteria.speed", equalTo(1)).body("comment", equalTo("Trop lent."));

        assertProblem(rate(request[0], request[1], Map.of("rating", 5, "satisfied", true)), 409, "FEEDBACK_ALREADY_GIVEN");
        // not satisfied: the request stays open to a dispute
        anonymous().header("X-Access-Key", request[1]).get("/api/v1/requests/" + request[0]).then().statusCode(200)
                .body("status", equalTo("ANSWERED"));
        as(at.osepToken()).get("/api/v1/requests/" + request[0] + "/events").then().statusCode(200)
                .body("items.type", hasItem("FEEDBACK_GIVEN"));
    }

    @Test
    void ratingBeforeAnyAnswerIs409() {
        Setting at = Setting.create(false);
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("early")));
        assertProblem(rate(receipt.getString("id"), receipt.getString("accessKey"), Map.of("rating", 4, "satisfied", true)),
                409, "NO_DELIVERED_ANSWER");
    }

    @Test
    void satisfiedRatingClosesTheRequestAtOnce() {
        Setting at = Setting.create(false);
        String[] request = answered(at);
        rate(request[0], request[1], Map.of("rating", 5, "satisfied", true)).statusCode(201);
        anonymous().header("X-Access-Key", request[1]).get("/api/v1/requests/" + request[0] + "/events").then().statusCode(200)
                .body("items.type", hasItem("FEEDBACK_GIVEN")).body("items.type", hasItem("CLOSED"));
        anonymous().header("X-Access-Key", request[1]).get("/api/v1/requests/" + request[0]).then()
                .body("status", equalTo("CLOSED"));
    }

    @Test
    void whatMilieWroteInTheTimelineIsReadInTheReadersLanguageWhatPeopleWroteAsWritten() {
        Setting at = Setting.create(false);
        String[] request = answered(at);
        rate(request[0], request[1], Map.of("rating", 4, "satisfied", true)).statusCode(201);
        String events = "/api/v1/requests/" + request[0] + "/events";

        anonymous().header("X-Access-Key", request[1]).header("Accept-Language", "en").get(events).then().statusCode(200)
                .header("Content-Language", "en").header("Vary", org.hamcrest.Matchers.containsString("Accept-Language"))
                .body("items.find { it.type == 'CLOSED' }.message", equalTo("The citizen is satisfied with the answer"))
                .body("items.find { it.type == 'CLOSED' }.label", equalTo("Closed"))
                .body("items.find { it.type == 'FEEDBACK_GIVEN' }.message", equalTo("4/5, satisfied"))
                .body("items.find { it.type == 'SUBMITTED' }.label", equalTo("Request submitted"));
        anonymous().header("X-Access-Key", request[1]).get(events).then().statusCode(200)
                .header("Content-Language", "fr")
                .body("items.find { it.type == 'CLOSED' }.message", equalTo("Le citoyen est satisfait de la réponse"))
                .body("items.find { it.type == 'FEEDBACK_GIVEN' }.message", equalTo("4/5, satisfait"))
                .body("items.find { it.type == 'ANSWER_DELIVERED' }.label", equalTo("Réponse envoyée au citoyen"));
        anonymous().header("X-Access-Key", request[1]).header("Accept-Language", "en").get("/api/v1/tracking/" + request[2])
                .then().statusCode(200).header("Content-Language", "en")
                .body("timeline.find { it.type == 'CLOSED' }.message", equalTo("The citizen is satisfied with the answer"));
    }

    @Test
    void ratingIsValidated() {
        Setting at = Setting.create(false);
        String[] request = answered(at);
        assertProblem(rate(request[0], request[1], Map.of("rating", 6, "satisfied", true, "criteria", Map.of("speed", 0))),
                400, "VALIDATION_FAILED")
                .body("violations.field", hasItem("rating"))
                .body("violations.field", hasItem("criteria.speed"));
    }

    @Test
    void staffCannotRate() {
        Setting at = Setting.create(false);
        String[] request = answered(at);
        assertProblem(as(at.osepToken()).body(Map.of("rating", 5, "satisfied", true))
                .post("/api/v1/requests/" + request[0] + "/feedback").then(), 403, "FORBIDDEN");
    }

    @Test
    void reopenInsideTheWindowReturnsToTheSameAdministrationAndTellsThem() {
        Setting at = Setting.create(false);
        String[] request = answered(at);
        clock.advance(Duration.ofDays(14));
        reopen(request[0], request[1], "Le guichet dit ne pas avoir mon extrait.").statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("administration.id", equalTo(at.administrationId()))
                .body("reopenCount", equalTo(1));
        ci.milie.support.Outboxes.drain(relay);
        String adminEmail = as(at.osepToken()).get("/api/v1/administrations/" + at.administrationId())
                .then().extract().path("contactEmail");
        assertTrue(mailbox.getMailsSentTo(adminEmail).stream()
                .anyMatch(m -> m.getText().contains("Le guichet dit ne pas avoir mon extrait.")), "the administration is told");
        assertTrue(mailbox.getMailsSentTo("osep@milie.ci").stream()
                .anyMatch(m -> m.getText().contains("Le guichet dit ne pas avoir mon extrait.")), "OSEP is told");
        as(at.agentToken()).get("/api/v1/requests/" + request[0] + "/events").then().statusCode(200)
                .body("items.type", hasItem("REOPENED"));
    }

    @Test
    void canRateIsTrueExactlyWhileARatingIsAccepted() {
        Setting at = Setting.create(false);
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("canrate")));
        String id = receipt.getString("id");
        String key = receipt.getString("accessKey");
        String code = receipt.getString("trackingCode");
        assertCanRate(id, key, code, false);
        assertProblem(rate(id, key, Map.of("rating", 4, "satisfied", false)), 409, "NO_DELIVERED_ANSWER");

        as(at.osepToken()).body(Map.of("administrationId", at.administrationId())).post("/api/v1/requests/" + id + "/routing")
                .then().statusCode(200);
        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        as(at.agentToken()).body(Map.of("text", "Votre dossier est traité.")).post("/api/v1/requests/" + id + "/answers")
                .then().statusCode(201);
        assertCanRate(id, key, code, true);
        anonymous().get("/api/v1/tracking/" + code).then().statusCode(200)
                .body("canRate", equalTo(false)).body("reopenUntil", nullValue());
        as(at.osepToken()).get("/api/v1/requests/" + id).then().statusCode(200).body("canRate", equalTo(false));

        rate(id, key, Map.of("rating", 2, "satisfied", false)).statusCode(201);
        assertCanRate(id, key, code, false);
        assertProblem(rate(id, key, Map.of("rating", 3, "satisfied", false)), 409, "FEEDBACK_ALREADY_GIVEN");
    }

    private static void assertCanRate(String id, String key, String code, boolean expected) {
        anonymous().header("X-Access-Key", key).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("canRate", equalTo(expected))
                .body("allowedActions.contains('RATE')", equalTo(expected));
        anonymous().header("X-Access-Key", key).get("/api/v1/tracking/" + code).then().statusCode(200)
                .body("canRate", equalTo(expected));
    }

    @Test
    void reopenUntilIsTheLastInstantADisputeIsAccepted() {
        Setting at = Setting.create(false);
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("until")));
        String id = receipt.getString("id");
        String key = receipt.getString("accessKey");
        anonymous().header("X-Access-Key", key).get("/api/v1/requests/" + id).then().body("reopenUntil", nullValue());
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId())).post("/api/v1/requests/" + id + "/routing")
                .then().statusCode(200);
        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        as(at.agentToken()).body(Map.of("text", "Votre dossier est traité.")).post("/api/v1/requests/" + id + "/answers")
                .then().statusCode(201);
        String until = anonymous().header("X-Access-Key", key).get("/api/v1/requests/" + id).then().statusCode(200)
                .extract().path("reopenUntil");
        anonymous().header("X-Access-Key", key).get("/api/v1/tracking/" + receipt.getString("trackingCode")).then()
                .body("reopenUntil", equalTo(until));

        // The test clock runs: a minute before the end, then a minute after.
        clock.advance(Duration.between(clock.instant(), Instant.parse(until)).minusMinutes(1));
        anonymous().header("X-Access-Key", key).get("/api/v1/requests/" + id).then()
                .body("allowedActions", hasItem("REOPEN")).body("reopenUntil", equalTo(until));
        clock.advance(Duration.ofMinutes(2));
        anonymous().header("X-Access-Key", key).get("/api/v1/requests/" + id).then()
                .body("allowedActions", not(hasItem("REOPEN"))).body("reopenUntil", nullValue());
        assertProblem(reopen(id, key, "Juste après la fin du délai."), 409, "REOPEN_WINDOW_CLOSED");
    }

    @Test
    void reopenAfterTheWindowIsRefused() {
        Setting at = Setting.create(false);
        String[] request = answered(at);
        clock.advance(Duration.ofDays(15).plusHours(1));
        assertProblem(reopen(request[0], request[1], "Trop tard ?"), 409, "REOPEN_WINDOW_CLOSED");
    }

    @Test
    void reopenBeyondTheMaximumIsRefused() {
        Setting at = Setting.create(false);
        String[] request = answered(at);
        for (int i = 1; i <= 2; i++) {
            reopen(request[0], request[1], "Insatisfait " + i).statusCode(200).body("reopenCount", equalTo(i));
            as(at.agentToken()).post("/api/v1/requests/" + request[0] + "/acknowledgement").then().statusCode(200);
            as(at.agentToken()).body(Map.of("text", "Nouvelle réponse " + i)).post("/api/v1/requests/" + request[0] + "/answers")
                    .then().statusCode(201);
        }
        assertProblem(reopen(request[0], request[1], "Encore"), 409, "REOPEN_LIMIT_REACHED")
                .body("detail", org.hamcrest.Matchers.containsString("2 fois"));
    }

    @Test
    void onlyTheSubmitterReopens() {
        Setting at = Setting.create(false);
        String[] request = answered(at);
        assertProblem(reopen(request[0], "wrong-key", "x"), 404, "NOT_FOUND");
    }

    @Test
    void lifecycleEndsWithTheRatingAndTheRequestClosed() {
        Setting at = Setting.create(true);
        String email = uniqueEmail("journey");
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), email));
        String id = receipt.getString("id");
        String key = receipt.getString("accessKey");
        as(at.osepToken()).body(Map.of("decision", "ACCEPT")).post("/api/v1/requests/" + id + "/qualification").then().statusCode(200);
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId())).post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        String answer = as(at.agentToken()).body(Map.of("text", "Réglé.")).post("/api/v1/requests/" + id + "/answers")
                .then().statusCode(201).extract().path("id");
        as(at.osepToken()).body(Map.of("decision", "APPROVE")).post("/api/v1/requests/" + id + "/answers/" + answer + "/review")
                .then().statusCode(200);
        rate(id, key, Map.of("rating", 4, "satisfied", true)).statusCode(201);
        JsonPath tracking = anonymous().header("X-Access-Key", key).get("/api/v1/tracking/" + receipt.getString("trackingCode"))
                .then().statusCode(200).body("status", equalTo("CLOSED")).extract().jsonPath();
        assertEquals(java.util.List.of("SUBMITTED", "ROUTED", "ACKNOWLEDGED", "ANSWER_DELIVERED", "FEEDBACK_GIVEN", "CLOSED"),
                tracking.getList("timeline.type"));
    }
}
