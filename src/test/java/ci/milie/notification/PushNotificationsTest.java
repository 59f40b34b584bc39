package ci.milie.notification;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ci.milie.common.Roles;
import ci.milie.support.Codes;
import ci.milie.support.FcmStub;
import ci.milie.support.FcmStubProfile;
import ci.milie.support.Outboxes;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.SchemaScan;
import ci.milie.support.TestClock;
import ci.milie.support.TestTokens;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Push notifications end to end: devices registered through the API, changes of requests queued as
 * PUSH messages, and the FCM HTTP v1 sender talking to a local stub that checks the OAuth2 grant,
 * the bearer token and the message's shape, and answers as scripted.
 */
@QuarkusTest
@TestProfile(FcmStubProfile.class)
class PushNotificationsTest {

    private static FcmStub fcm;

    @Inject
    OutboxRelay relay;
    @Inject
    MockMailbox mailbox;
    @Inject
    TestClock clock;
    @Inject
    EntityManager em;

    @BeforeAll
    static void startFcm() {
        fcm = FcmStub.start();
    }

    @AfterAll
    static void stopFcm() {
        fcm.stop();
    }

    @BeforeEach
    void deliverWhatOthersLeft() {
        Outboxes.drain(relay);
        fcm.reset();
    }

    @AfterEach
    void checkTheFormatAndResetTheClock() {
        clock.reset();
        assertEquals(List.of(), fcm.violations(), "requests to FCM as Google wants them");
    }

    private static String deviceToken() {
        return "e" + UUID.randomUUID().toString().replace("-", "") + ":APA91b" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Map<String, Object> device(String token, String platform, String language) {
        return Map.of("token", token, "platform", platform, "appVersion", "2.4.0", "language", language);
    }

    private static String routeAndAcknowledge(Setting at, String id) {
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        return as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200)
                .extract().path("status");
    }

    private static String event(FcmStub.Sent sent) {
        return sent.message().path("data").path("event").asText() + " " + sent.message().path("data").path("status").asText();
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private long devicesWithToken(String token) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from device where token = ?1").setParameter(1, token).getSingleResult()).longValue());
    }

    @Test
    void eachDeviceOfTheCitizenGetsOneMessagePerChangeInItsLanguageWithNothingPersonal() {
        Setting at = Setting.create(false);
        String email = uniqueEmail("push");
        String citizen = Codes.signInCitizen(mailbox, relay, email);
        String phone = deviceToken();
        String tablet = deviceToken();
        as(citizen).body(device(phone, "ANDROID", "fr")).post("/api/v1/me/devices").then().statusCode(201);
        as(citizen).body(device(tablet, "IOS", "en")).post("/api/v1/me/devices").then().statusCode(201);
        JsonPath receipt = Requests.submit(as(citizen), Requests.complaint(at.categoryCode(), email));
        String id = receipt.getString("id");
        String code = receipt.getString("trackingCode");

        routeAndAcknowledge(at, id);
        as(at.agentToken()).body(Map.of("text", "Quel est votre numéro de dossier ?"))
                .post("/api/v1/requests/" + id + "/messages").then().statusCode(200);
        as(citizen).body(Map.of("text", "Le 2026-0412.")).post("/api/v1/requests/" + id + "/messages").then().statusCode(200);
        as(at.agentToken()).body(Map.of("text", "Votre extrait est prêt au guichet 3."))
                .post("/api/v1/requests/" + id + "/answers").then().statusCode(201);
        Outboxes.drain(relay);

        // the citizen's own filing and reply push nothing; staff's moves one message each
        List<String> expected = List.of("STATUS_CHANGED ROUTED", "STATUS_CHANGED IN_PROGRESS",
                "INFORMATION_REQUESTED AWAITING_CITIZEN", "ANSWER_DELIVERED ANSWERED");
        assertEquals(expected, fcm.sentTo(phone).stream().map(PushNotificationsTest::event).toList());
        assertEquals(expected, fcm.sentTo(tablet).stream().map(PushNotificationsTest::event).toList());

        JsonNode french = fcm.sentTo(phone).get(0).message();
        assertEquals(Set.of("token", "notification", "data", "android", "apns"), names(french));
        assertEquals(Set.of("title", "body"), names(french.get("notification")));
        assertEquals(Set.of("event", "trackingCode", "status"), names(french.get("data")));
        assertEquals(code, french.get("data").get("trackingCode").asText());
        assertEquals("Demande " + code, french.get("notification").get("title").asText());
        assertEquals("Nouveau statut : Transmise à l'administration.", french.get("notification").get("body").asText());
        JsonNode english = fcm.sentTo(tablet).get(3).message();
        assertEquals("Request " + code + ": answer available", english.get("notification").get("title").asText());
        assertEquals("Read the answer in the app, then rate it.", english.get("notification").get("body").asText());
        for (FcmStub.Sent sent : fcm.sent()) {
            String text = sent.message().toString();
            assertFalse(text.contains(email) || text.contains("introuvable") || text.contains("guichet"), text);
        }
        // sent bodies are erased like every other message's
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_message where request_id = ?1 and channel = 'PUSH' and (status <> 'SENT' or body is not null)")
                .setParameter(1, UUID.fromString(id)).getSingleResult()).longValue()));
        assertEquals(1, fcm.tokenRequests(), "one access token, kept until it expires");
    }

    @Test
    void aSendFcmFailsWith5xxOr429IsRetriedWithBackoffAndNotBeforeRetryAfter() {
        Setting at = Setting.create(false);
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("retry")));
        String token = deviceToken();
        anonymous().header("X-Access-Key", receipt.getString("accessKey")).body(device(token, "ANDROID", "fr"))
                .post("/api/v1/tracking/" + receipt.getString("trackingCode") + "/devices").then().statusCode(201);
        fcm.answerNext(token, FcmStub.Answer.serverError(), FcmStub.Answer.throttled(600));
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + receipt.getString("id") + "/routing").then().statusCode(200);

        Outboxes.drain(relay);
        assertEquals(1, fcm.attemptsTo(token), "500 on the first attempt");
        clock.advance(Duration.ofSeconds(29));
        Outboxes.drain(relay);
        assertEquals(1, fcm.attemptsTo(token), "not before the backoff's 30 s");
        clock.advance(Duration.ofSeconds(1));
        Outboxes.drain(relay);
        assertEquals(2, fcm.attemptsTo(token), "429 on the second, Retry-After 600 s");
        clock.advance(Duration.ofSeconds(599)); // the backoff alone would have tried after 60 s
        Outboxes.drain(relay);
        assertEquals(2, fcm.attemptsTo(token), "not before Retry-After");
        clock.advance(Duration.ofSeconds(1));
        Outboxes.drain(relay);
        assertEquals(3, fcm.attemptsTo(token));
        assertEquals(List.of("STATUS_CHANGED ROUTED"), fcm.sentTo(token).stream().map(PushNotificationsTest::event).toList());
    }

    @Test
    void aMessageFcmRefusesIsNotRetried() {
        Setting at = Setting.create(false);
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("refused")));
        String token = deviceToken();
        anonymous().header("X-Access-Key", receipt.getString("accessKey")).body(device(token, "WEB", "en"))
                .post("/api/v1/tracking/" + receipt.getString("trackingCode") + "/devices").then().statusCode(201);
        fcm.answerNext(token, FcmStub.Answer.invalidArgument());
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + receipt.getString("id") + "/routing").then().statusCode(200);

        Outboxes.drain(relay);
        clock.advance(Duration.ofHours(2));
        Outboxes.drain(relay);

        assertEquals(1, fcm.attemptsTo(token));
        assertEquals(List.of(), fcm.sentTo(token));
        assertEquals("FAILED", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select status from outbox_message where request_id = ?1 and channel = 'PUSH'")
                .setParameter(1, UUID.fromString(receipt.getString("id"))).getSingleResult()));
        assertEquals(1, devicesWithToken(token), "a refused message says nothing of the device");
    }

    @Test
    void aTokenFcmReportsUnregisteredIsForgottenAndGetsNothingMore() {
        Setting at = Setting.create(false);
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("gone")));
        String id = receipt.getString("id");
        String token = deviceToken();
        anonymous().header("X-Access-Key", receipt.getString("accessKey")).body(device(token, "IOS", "fr"))
                .post("/api/v1/tracking/" + receipt.getString("trackingCode") + "/devices").then().statusCode(201);
        fcm.answerNext(token, FcmStub.Answer.unregistered());

        as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        Outboxes.drain(relay);
        assertEquals(0, devicesWithToken(token));

        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        Outboxes.drain(relay);
        assertEquals(1, fcm.attemptsTo(token));
    }

    @Test
    void nothingIsSentForAnAnonymousRequestWithoutADeviceNorForAnErasedCitizen() {
        Setting at = Setting.create(false);
        JsonPath anonymousRequest = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("nodevice")));
        String email = uniqueEmail("erased");
        String citizen = Codes.signInCitizen(mailbox, relay, email);
        String token = deviceToken();
        as(citizen).body(device(token, "ANDROID", "fr")).post("/api/v1/me/devices").then().statusCode(201);
        String theirs = Requests.submit(as(citizen), Requests.complaint(at.categoryCode(), email)).getString("id");
        as(citizen).body(Map.of()).post("/api/v1/me/privacy/code").then().statusCode(202);
        String code = Codes.privacyCodeMailedTo(mailbox, relay, email);
        as(citizen).body(Map.of("code", code)).post("/api/v1/me/privacy/erasure").then().statusCode(200);

        routeAndAcknowledge(at, anonymousRequest.getString("id"));
        routeAndAcknowledge(at, theirs);
        Outboxes.drain(relay);

        assertEquals(0, fcm.attemptsTo(token));
        assertTrue(fcm.sent().stream().noneMatch(sent -> sent.message().path("data").path("trackingCode").asText()
                .equals(anonymousRequest.getString("trackingCode"))));
        assertEquals(List.of(), SchemaScan.columnsHolding(em, token), "the erased citizen's device is gone");
    }

    @Test
    void registeringIsIdempotentAndUnregisteringStopsThePushes() {
        Setting at = Setting.create(false);
        String email = uniqueEmail("devices");
        String citizen = Codes.signInCitizen(mailbox, relay, email);
        String token = deviceToken();
        String first = as(citizen).body(device(token, "ANDROID", "fr")).post("/api/v1/me/devices").then().statusCode(201)
                .body("platform", equalTo("ANDROID")).body("appVersion", equalTo("2.4.0")).body("language", equalTo("fr"))
                .extract().path("id");
        as(citizen).body(Map.of("token", token, "platform", "ANDROID", "appVersion", "2.5.0", "language", "en"))
                .post("/api/v1/me/devices").then().statusCode(200)
                .body("id", equalTo(first)).body("appVersion", equalTo("2.5.0")).body("language", equalTo("en"));
        assertEquals(1, devicesWithToken(token));

        String id = Requests.submit(as(citizen), Requests.complaint(at.categoryCode(), email)).getString("id");
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        Outboxes.drain(relay);
        assertEquals(List.of("Request"), fcm.sentTo(token).stream()
                .map(sent -> sent.message().get("notification").get("title").asText().split(" ")[0]).toList());

        // another citizen deleting the token changes nothing; its owner's does
        String other = Codes.signInCitizen(mailbox, relay, uniqueEmail("other"));
        as(other).delete("/api/v1/me/devices/" + token).then().statusCode(204);
        assertEquals(1, devicesWithToken(token));
        as(citizen).delete("/api/v1/me/devices/" + token).then().statusCode(204);
        assertEquals(0, devicesWithToken(token));
        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        Outboxes.drain(relay);
        assertEquals(1, fcm.attemptsTo(token));
    }

    @Test
    void aMalformedDeviceIsRefusedAndOnlyCitizensAndKeyHoldersRegister() {
        String citizen = Codes.signInCitizen(mailbox, relay, uniqueEmail("malformed"));
        assertProblem(as(citizen).body(device("short", "ANDROID", "fr")).post("/api/v1/me/devices").then(), 400,
                "VALIDATION_FAILED");
        assertProblem(as(citizen).body(device(deviceToken() + "<script>", "ANDROID", "fr")).post("/api/v1/me/devices").then(),
                400, "VALIDATION_FAILED");
        assertProblem(as(citizen).body(device(deviceToken(), "ANDROID", "de")).post("/api/v1/me/devices").then(), 400,
                "VALIDATION_FAILED");
        assertProblem(as(citizen).body(device(deviceToken(), "SYMBIAN", "fr")).post("/api/v1/me/devices").then(), 400,
                "VALIDATION_FAILED");
        assertProblem(as(TestTokens.of(Roles.OSEP)).body(device(deviceToken(), "ANDROID", "fr")).post("/api/v1/me/devices")
                .then(), 403, "FORBIDDEN");
        assertProblem(anonymous().body(device(deviceToken(), "ANDROID", "fr")).post("/api/v1/me/devices").then(), 401,
                "UNAUTHENTICATED");

        Setting at = Setting.create(false);
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("wrongkey")));
        String token = deviceToken();
        assertProblem(anonymous().header("X-Access-Key", "not-the-key").body(device(token, "ANDROID", "fr"))
                .post("/api/v1/tracking/" + receipt.getString("trackingCode") + "/devices").then(), 404, "NOT_FOUND");
        assertEquals(0, devicesWithToken(token));
        anonymous().header("X-Access-Key", receipt.getString("accessKey"))
                .delete("/api/v1/tracking/" + receipt.getString("trackingCode") + "/devices/" + token).then().statusCode(204);
    }
}
