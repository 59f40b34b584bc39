package ci.milie.integration;

import static ci.milie.support.Api.as;
import static ci.milie.support.Api.asSysadmin;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ci.milie.notification.OutboxRelay;
import ci.milie.support.Outboxes;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.TestClock;
import ci.milie.support.TestTokens;
import ci.milie.support.WebhookReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Webhooks end to end: an integration client subscribes through the API, moves of requests queue
 * deliveries, and the relay POSTs them to a local receiver, which checks each signature with its
 * own HMAC. The clock moves instead of anyone waiting; the relay is run by the test.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final List<String> EVERY_TYPE = List.of("SUBMITTED", "QUALIFIED", "ROUTED", "ACKNOWLEDGED",
            "REJECTED", "REROUTED", "NOTE_ADDED", "CLOSED");

    private static WebhookReceiver receiver;

    @Inject
    WebhookRelay relay;
    @Inject
    OutboxRelay outbox;
    @Inject
    MockMailbox mailbox;
    @Inject
    TestClock clock;
    @Inject
    EntityManager em;
    @Inject
    WebhookSecrets secrets;
    @Inject
    MeterRegistry registry;

    @BeforeAll
    static void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @BeforeEach
    void deliverWhatOthersLeft() {
        drain();
        receiver.reset();
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    /** An integration client with these permissions, of OSEP (administration null) or of one administration. */
    record Client(UUID id, String token, String contactEmail) {
    }

    private Client client(UUID administrationId, String... permissions) {
        UUID id = UUID.randomUUID();
        String contact = uniqueEmail("it");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into integration_client (id, name, contact_email, administration_id, permissions, created_at, updated_at)
                values (:id, :name, :contact, :administration, cast(:permissions as varchar(20)[]), now(), now())""")
                .setParameter("id", id).setParameter("name", "Système " + id).setParameter("contact", contact)
                .setParameter("administration", administrationId)
                .setParameter("permissions", "{" + String.join(",", permissions) + "}").executeUpdate());
        String scope = String.join(" ", java.util.Arrays.stream(permissions)
                .map(p -> p.toLowerCase(java.util.Locale.ROOT).replace('_', ':')).toList());
        return new Client(id, TestTokens.builder("integration", id, administrationId).claim("scope", scope).sign(), contact);
    }

    private static JsonPath subscribe(Client client, String url, List<String> types) {
        return as(client.token()).body(Map.of("url", url, "eventTypes", types))
                .post("/api/v1/integrations/webhooks").then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("secret", startsWith("whsec_")).body("webhook.active", equalTo(true))
                .extract().jsonPath();
    }

    private void drain() {
        for (int round = 0; round < 200 && relay.deliverDue() > 0; round++) {
            // until nothing is delivered any more
        }
    }

    private static String submitted(Setting at) {
        return Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("citizen"))).getString("id");
    }

    private static void routeAndAcknowledge(Setting at, String id) {
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
    }

    private static List<String> types(List<WebhookReceiver.Received> received) {
        return received.stream().map(WebhookReceiver.Received::type).toList();
    }

    @Test
    void eachEventReachesTheReceiverOnceInOrderSignedWithTheSecret() {
        Setting at = Setting.create(false);
        Client osep = client(null, "REQUESTS_READ");
        String secret = subscribe(osep, receiver.url("/milie"), EVERY_TYPE).getString("secret");
        String id = submitted(at);
        routeAndAcknowledge(at, id);

        drain();

        List<WebhookReceiver.Received> got = receiver.accepted("/milie", id);
        assertEquals(List.of("SUBMITTED", "ROUTED", "ACKNOWLEDGED"), types(got).stream().filter(EVERY_TYPE::contains)
                .filter(t -> !t.equals("QUALIFIED")).toList());
        assertEquals(got.size(), new HashSet<>(got.stream().map(WebhookReceiver.Received::id).toList()).size(), "once each");
        for (int i = 1; i < got.size(); i++) {
            assertTrue(got.get(i).sequence() > got.get(i - 1).sequence(), "sequence grows within a request");
        }
        for (WebhookReceiver.Received one : got) {
            assertTrue(WebhookReceiver.signedWith(secret, one.signature(), one.body()), one.signature());
            assertEquals(one.id(), one.eventId(), "Milie-Event-Id is the body's id");
            assertEquals("application/json", one.contentType());
            assertFalse(one.json().path("data").path("trackingCode").asText().isEmpty());
            assertTrue(one.json().path("occurredAt").isTextual());
        }
        assertFalse(WebhookReceiver.signedWith("whsec_someone-else", got.get(0).signature(), got.get(0).body()));
    }

    @Test
    void aClientRegisteredByASysadminSubscribesWithItsOwnTokenAndHearsItsAdministrationsRequests() {
        Setting at = Setting.create(false);
        Clients.Registered ministry = Clients.register(at.administrationId(), List.of("REQUESTS_READ", "REQUESTS_ACT"));
        String token = ministry.token();
        as(token).body(Map.of("url", receiver.url("/own-token"), "eventTypes", List.of("ACKNOWLEDGED")))
                .post("/api/v1/integrations/webhooks").then().statusCode(201).body("webhook.active", equalTo(true));
        // A token narrowed to acting only may not manage webhooks: they carry what requests:read reads.
        assertProblem(as(ministry.token("requests:act")).get("/api/v1/integrations/webhooks").then(), 403, "FORBIDDEN");

        String id = submitted(at);
        routeAndAcknowledge(at, id);
        drain();

        assertEquals(List.of("ACKNOWLEDGED"), types(receiver.accepted("/own-token", id)));
    }

    @Test
    void anAdministrationsClientHearsOfTheRequestsInItsHandsOnly() {
        Setting mine = Setting.create(false);
        Setting other = Setting.create(false);
        Client ministry = client(UUID.fromString(mine.administrationId()), "REQUESTS_READ");
        subscribe(ministry, receiver.url("/ministry"), List.of("ACKNOWLEDGED"));
        String ours = submitted(mine);
        routeAndAcknowledge(mine, ours);
        String theirs = submitted(other);
        routeAndAcknowledge(other, theirs);

        drain();

        assertEquals(List.of("ACKNOWLEDGED"), types(receiver.accepted("/ministry", ours)));
        assertEquals(List.of(), receiver.accepted("/ministry", theirs));
    }

    @Test
    void aReceiverDownForAnHourGetsEverythingAfterwardsOnceAndInOrder() {
        Setting at = Setting.create(false);
        Client osep = client(null, "REQUESTS_READ");
        String secret = subscribe(osep, receiver.url("/down"), EVERY_TYPE).getString("secret");
        receiver.answer(503);
        String first = submitted(at);
        routeAndAcknowledge(at, first);
        String second = submitted(at);
        routeAndAcknowledge(at, second);
        for (int minute = 0; minute < 60; minute += 5) {
            drain();
            clock.advance(Duration.ofMinutes(5));
        }
        assertTrue(receiver.received().stream().anyMatch(r -> r.answered() == 503), "attempts were made meanwhile");
        assertEquals(List.of(), receiver.accepted("/down", first));

        receiver.answer(204);
        clock.advance(Duration.ofHours(1));
        drain();

        for (String id : List.of(first, second)) {
            List<WebhookReceiver.Received> got = receiver.accepted("/down", id);
            assertEquals(List.of("SUBMITTED", "ROUTED", "ACKNOWLEDGED"),
                    types(got).stream().filter(t -> !t.equals("QUALIFIED")).toList(), "nothing lost, in order");
            assertEquals(got.size(), new HashSet<>(got.stream().map(WebhookReceiver.Received::id).toList()).size(),
                    "no event id twice");
            got.forEach(r -> assertTrue(WebhookReceiver.signedWith(secret, r.signature(), r.body())));
        }
    }

    @Test
    void goneDisablesTheWebhookAtOnceAndTellsTheContact() {
        Setting at = Setting.create(false);
        Client osep = client(null, "REQUESTS_READ");
        String webhook = subscribe(osep, receiver.url("/gone"), List.of("SUBMITTED")).getString("webhook.id");
        receiver.answer(410);
        submitted(at);
        double failedBefore = registry.counter("milie.webhooks.attempts.failed").count();
        double disabledBefore = registry.counter("milie.webhooks.disabled").count();

        drain();

        as(osep.token()).get("/api/v1/integrations/webhooks/" + webhook).then().statusCode(200)
                .body("active", equalTo(false)).body("disabledReason", equalTo("GONE"));
        // Other tests' subscriptions may hear the same event from the same receiver: at least ours counts.
        assertTrue(registry.counter("milie.webhooks.attempts.failed").count() >= failedBefore + 1, "the failed attempt is counted");
        assertTrue(registry.counter("milie.webhooks.disabled").count() >= disabledBefore + 1, "the disabled subscription is counted");
        Outboxes.drain(outbox);
        assertEquals(1, mailbox.getMailsSentTo(osep.contactEmail()).size(), "the technical contact is told");
        assertTrue(mailbox.getMailsSentTo(osep.contactEmail()).get(0).getText().contains(webhook));
    }

    @Test
    void repeatedFailuresDisableTheWebhookAndTellTheContact() {
        Setting at = Setting.create(false);
        Client osep = client(null, "REQUESTS_READ");
        String webhook = subscribe(osep, receiver.url("/broken"), List.of("SUBMITTED")).getString("webhook.id");
        receiver.answer(500);
        submitted(at);

        for (int hour = 0; hour < 30; hour++) {
            drain();
            clock.advance(Duration.ofHours(1));
        }

        as(osep.token()).get("/api/v1/integrations/webhooks/" + webhook).then().statusCode(200)
                .body("active", equalTo(false)).body("disabledReason", equalTo("FAILURES"));
        Outboxes.drain(outbox);
        assertEquals(1, mailbox.getMailsSentTo(osep.contactEmail()).size());
    }

    @Test
    void aReplaySendsTheEventAgainWithTheSameId() {
        Setting at = Setting.create(false);
        Client osep = client(null, "REQUESTS_READ");
        JsonPath created = subscribe(osep, receiver.url("/replay"), List.of("SUBMITTED"));
        String webhook = created.getString("webhook.id");
        String id = submitted(at);
        drain();
        String eventId = receiver.accepted("/replay", id).get(0).id();
        JsonPath log = as(osep.token()).get("/api/v1/integrations/webhooks/" + webhook + "/deliveries").then()
                .statusCode(200).body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(1))
                .body("items[0].lastResponseCode", equalTo(204)).body("items[0].nextAttemptAt", nullValue())
                .extract().jsonPath();

        as(osep.token()).post("/api/v1/integrations/webhooks/" + webhook + "/deliveries/" + log.getString("items[0].id")
                + "/replay").then().statusCode(202).body("eventId", equalTo(eventId)).body("status", equalTo("PENDING"));
        drain();
        Instant now = clock.instant();
        as(osep.token()).body(Map.of("from", now.minus(Duration.ofHours(1)).toString(), "to", now.plusSeconds(60).toString()))
                .post("/api/v1/integrations/webhooks/" + webhook + "/replays").then().statusCode(202)
                .body("queued", equalTo(1));
        drain();

        List<String> ids = receiver.accepted("/replay", id).stream().map(WebhookReceiver.Received::id).toList();
        assertEquals(List.of(eventId, eventId, eventId), ids);
        receiver.accepted("/replay", id).forEach(r -> assertTrue(WebhookReceiver.signedWith(created.getString("secret"),
                r.signature(), r.body())));
    }

    @Test
    void afterARotationBothSecretsSignDuringTheOverlap() {
        Setting at = Setting.create(false);
        Client osep = client(null, "REQUESTS_READ");
        JsonPath created = subscribe(osep, receiver.url("/rotate"), List.of("SUBMITTED"));
        String webhook = created.getString("webhook.id");
        String rotated = as(osep.token()).post("/api/v1/integrations/webhooks/" + webhook + "/secrets").then()
                .statusCode(200).body("webhook.previousSecretValidUntil", startsWith("20")).extract().path("secret");
        String id = submitted(at);
        drain();

        WebhookReceiver.Received got = receiver.accepted("/rotate", id).get(0);
        assertEquals(3, got.signature().split(",").length, "t and two v1");
        assertTrue(WebhookReceiver.signedWith(rotated, got.signature(), got.body()));
        assertTrue(WebhookReceiver.signedWith(created.getString("secret"), got.signature(), got.body()));

        clock.advance(Duration.ofDays(2));
        String later = submitted(at);
        drain();
        WebhookReceiver.Received after = receiver.accepted("/rotate", later).get(0);
        assertEquals(2, after.signature().split(",").length, "the old secret no longer signs");
        assertFalse(WebhookReceiver.signedWith(created.getString("secret"), after.signature(), after.body()));
    }

    @Test
    void anErasureOfTheCitizensDataReachesSubscribersWithTheRequestIdAndTrackingCodeOnly() {
        Setting at = Setting.create(false);
        Client osep = client(null, "REQUESTS_READ");
        String secret = subscribe(osep, receiver.url("/erased"), List.of("SUBMITTED", "REQUEST_ERASED")).getString("secret");
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("erased")));
        String id = receipt.getString("id");
        io.restassured.RestAssured.given().header("X-Access-Key", receipt.getString("accessKey"))
                .post("/api/v1/tracking/" + receipt.getString("trackingCode") + "/privacy/erasure").then().statusCode(200);

        drain();

        List<WebhookReceiver.Received> got = receiver.accepted("/erased", id);
        assertEquals(List.of("SUBMITTED", "REQUEST_ERASED"), types(got));
        WebhookReceiver.Received erased = got.get(1);
        assertEquals(Map.of("requestId", id, "trackingCode", receipt.getString("trackingCode")),
                new com.fasterxml.jackson.databind.ObjectMapper().convertValue(erased.json().path("data"), Map.class));
        assertTrue(erased.sequence() > got.get(0).sequence());
        assertTrue(WebhookReceiver.signedWith(secret, erased.signature(), erased.body()));
    }

    @Test
    void targetsOffThePublicInternetAreRefusedAtRegistration() {
        Client osep = client(null, "REQUESTS_READ");
        for (String url : List.of("http://localhost:" + receiver.port() + "/x", "https://localhost/x", "https://10.1.2.3/x",
                "https://169.254.169.254/latest/meta-data", "https://[::1]/x", "https://[::ffff:10.0.0.1]/x",
                "https://[fd00::1]/x", "https://0.0.0.0/x", "http://93.184.216.34/x", "ftp://example.org/x")) {
            assertProblem(as(osep.token()).body(Map.of("url", url, "eventTypes", List.of("SUBMITTED")))
                    .post("/api/v1/integrations/webhooks").then(), 400, "WEBHOOK_TARGET_REFUSED")
                    .body("detail", org.hamcrest.Matchers.notNullValue());
        }
    }

    @Test
    void aTargetThatResolvesToLoopbackAtConnectionIsNotReached() {
        Setting at = Setting.create(false);
        Client osep = client(null, "REQUESTS_READ");
        // Registered when its name pointed elsewhere (as a rebinding would): written directly, past the registration's check.
        UUID webhook = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.persist(new WebhookSubscription(webhook, osep.id(),
                "http://localhost:" + receiver.port() + "/rebound", List.of("SUBMITTED"), true,
                secrets.seal(WebhookSecrets.generate(), webhook), clock.instant())));
        String id = submitted(at);

        drain();

        assertEquals(List.of(), receiver.received().stream().filter(r -> r.path().equals("/rebound")).toList());
        as(osep.token()).get("/api/v1/integrations/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                .body("items[0].status", equalTo("PENDING")).body("items[0].attempts", equalTo(1))
                .body("items[0].lastResponseCode", nullValue());
    }

    @Test
    void aClientSeesOnlyItsOwnWebhooksAndASysadminSeesAll() {
        Client mine = client(null, "REQUESTS_READ");
        Client other = client(null, "REQUESTS_READ");
        String webhook = subscribe(mine, receiver.url("/own"), List.of("SUBMITTED")).getString("webhook.id");

        assertProblem(as(other.token()).get("/api/v1/integrations/webhooks/" + webhook).then(), 404, "NOT_FOUND");
        assertProblem(as(other.token()).post("/api/v1/integrations/webhooks/" + webhook + "/secrets").then(), 404,
                "NOT_FOUND");
        as(other.token()).get("/api/v1/integrations/webhooks").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(webhook)));
        asSysadmin().get("/api/v1/integrations/webhooks/" + webhook).then().statusCode(200).body("id", equalTo(webhook));
        assertProblem(as(client(null, "STATS_READ").token()).body(Map.of("url", receiver.url("/x"),
                "eventTypes", List.of("SUBMITTED"))).post("/api/v1/integrations/webhooks").then(), 403, "FORBIDDEN");
        assertProblem(as(mine.token()).body(Map.of("url", receiver.url("/x"), "eventTypes", List.of("NOT_A_TYPE")))
                .post("/api/v1/integrations/webhooks").then(), 400, "VALIDATION_FAILED");
    }

    @Test
    void aStaleIfMatchIsRefusedAndTurningItBackOnResumes() {
        Client osep = client(null, "REQUESTS_READ");
        String webhook = subscribe(osep, receiver.url("/put"), List.of("SUBMITTED")).getString("webhook.id");
        Map<String, Object> off = Map.of("url", receiver.url("/put"), "eventTypes", List.of("SUBMITTED", "ROUTED"),
                "active", false);
        as(osep.token()).header("If-Match", "\"0\"").body(off).put("/api/v1/integrations/webhooks/" + webhook).then()
                .statusCode(200).header("ETag", "\"1\"").body("active", equalTo(false))
                .body("eventTypes", equalTo(List.of("SUBMITTED", "ROUTED")));
        assertProblem(as(osep.token()).header("If-Match", "\"0\"").body(off).put("/api/v1/integrations/webhooks/" + webhook)
                .then(), 409, "CONCURRENT_MODIFICATION");
        as(osep.token()).delete("/api/v1/integrations/webhooks/" + webhook).then().statusCode(204);
        assertProblem(as(osep.token()).get("/api/v1/integrations/webhooks/" + webhook).then(), 404, "NOT_FOUND");
    }
}
