package ci.milie.request;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Api.url;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import ci.milie.notification.OutboxRelay;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class SubmissionResourceTest {

    @Inject
    EntityManager em;

    private static Setting setting;

    private static Setting at() {
        if (setting == null) {
            setting = Setting.create(true);
        }
        return setting;
    }

    private long requestsWithSubject(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) em
                .createQuery("select count(r) from CitizenRequest r where r.subject = ?1").setParameter(1, subject)
                .getSingleResult());
    }

    @Test
    void submissionAnswers201WithLocationCodeAndKey() {
        var created = anonymous().body(Requests.complaint(at().categoryCode(), uniqueEmail("s"))).post("/api/v1/requests")
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("trackingCode", org.hamcrest.Matchers.matchesPattern("MIL-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"))
                .body("accessKey", org.hamcrest.Matchers.matchesPattern("[A-Za-z0-9_-]{22}"))
                .body("status", equalTo("RECEIVED"))
                .body("categoryCode", equalTo(at().categoryCode()))
                .body("dueAt", notNullValue())
                .extract();
        assertEquals(url("/api/v1/requests/" + created.path("id")), created.header("Location"));
    }

    @Test
    void complaintWithoutEmailOrPhoneIsRefused() {
        Map<String, Object> body = Requests.complaint(at().categoryCode(), null);
        body.put("contact", Map.of("fullName", "Sans contact"));
        assertProblem(anonymous().body(body).post("/api/v1/requests").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("contact"));
    }

    @Test
    void anonymousSuggestionNeedsNoContact() {
        Map<String, Object> body = Requests.complaint(at().categoryCode(), null);
        body.put("type", "SUGGESTION");
        body.remove("contact");
        body.put("anonymous", true);
        anonymous().body(body).post("/api/v1/requests").then().statusCode(201).body("type", equalTo("SUGGESTION"));
    }

    @Test
    void invalidFieldsAreNamed() {
        Map<String, Object> body = Requests.complaint(at().categoryCode(), "not-an-email");
        body.put("subject", "");
        body.put("location", Map.of("latitude", 120));
        assertProblem(anonymous().body(body).post("/api/v1/requests").then(), 400, "VALIDATION_FAILED")
                .body("violations.field", hasItem("contact.email"))
                .body("violations.field", hasItem("subject"))
                .body("violations.field", hasItem("location.latitude"));
    }

    @Test
    void unknownTypeIs400() {
        Map<String, Object> body = Requests.complaint(at().categoryCode(), uniqueEmail("t"));
        body.put("type", "PRAISE");
        assertProblem(anonymous().body(body).post("/api/v1/requests").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("type"));
    }

    @Test
    void unknownCategoryIs400() {
        Map<String, Object> body = Requests.complaint("NO-SUCH-CATEGORY", uniqueEmail("t"));
        assertProblem(anonymous().body(body).post("/api/v1/requests").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("categoryCode"));
    }

    @Test
    void phoneChannelIsForOperatorsOnly() {
        Map<String, Object> body = Requests.complaint(at().categoryCode(), uniqueEmail("p"));
        body.put("channel", "PHONE");
        assertProblem(anonymous().body(body).post("/api/v1/requests").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("channel"));
    }

    @Test
    void featurePhoneChannelsAreForTheAggregatorsCallbacksOnly() {
        for (String channel : new String[] { "USSD", "SMS" }) {
            Map<String, Object> body = Requests.complaint(at().categoryCode(), uniqueEmail("u"));
            body.put("channel", channel);
            assertProblem(anonymous().body(body).post("/api/v1/requests").then(), 400, "VALIDATION_FAILED")
                    .body("violations[0].field", equalTo("channel"));
        }
    }

    @Test
    void osepDoesNotSubmitRequests() {
        assertProblem(as(TestTokens.of("osep")).body(Requests.complaint(at().categoryCode(), uniqueEmail("o")))
                .post("/api/v1/requests").then(), 403, "FORBIDDEN");
    }

    @Test
    void retryWithTheSameKeyAndBodyReturnsTheOriginalResponse() {
        Map<String, Object> body = Requests.complaint(at().categoryCode(), uniqueEmail("i"));
        body.put("subject", "Idempotence " + UUID.randomUUID());
        String key = UUID.randomUUID().toString();

        JsonPath first = anonymous().header("Idempotency-Key", key).body(body).post("/api/v1/requests")
                .then().statusCode(201).extract().jsonPath();
        JsonPath retry = anonymous().header("Idempotency-Key", key).body(body).post("/api/v1/requests")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().jsonPath();

        assertEquals(first.getString("id"), retry.getString("id"));
        assertEquals(first.getString("trackingCode"), retry.getString("trackingCode"));
        assertEquals(first.getString("accessKey"), retry.getString("accessKey"));
        assertEquals(first.getString("trackingUrl"), retry.getString("trackingUrl"));
        assertEquals(1, requestsWithSubject((String) body.get("subject")));
    }

    @Inject
    OutboxRelay relay;

    @Test
    void anIdempotentSubmissionLeavesItsAccessKeyNowhereInClearOnceItsReceiptIsSent() {
        Map<String, Object> body = Requests.complaint(at().categoryCode(), uniqueEmail("clear"));
        String key = UUID.randomUUID().toString();
        JsonPath first = anonymous().header("Idempotency-Key", key).body(body).post("/api/v1/requests")
                .then().statusCode(201).extract().jsonPath();
        String accessKey = first.getString("accessKey");
        assertTrue(columnsHolding(accessKey).contains("outbox_message.body"), "the scan finds the queued receipt");
        while (relay.deliverDue() > 0) {
            // the receipt e-mail carries the key until it is sent
        }

        assertEquals(List.of(), columnsHolding(accessKey));
        JsonPath retry = anonymous().header("Idempotency-Key", key).body(body).post("/api/v1/requests")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().jsonPath();
        assertEquals(accessKey, retry.getString("accessKey"), "the retry still gets the key");
        assertEquals(first.getString("trackingUrl"), retry.getString("trackingUrl"));
    }

    @Test
    void aReceiptKeptInClearBeforeV20LosesItsKeyAndIsStillReplayed() throws Exception {
        Map<String, Object> body = Requests.complaint(at().categoryCode(), uniqueEmail("legacy"));
        String key = UUID.randomUUID().toString();
        String first = anonymous().header("Idempotency-Key", key).body(body).post("/api/v1/requests")
                .then().statusCode(201).extract().asString();
        String accessKey = JsonPath.from(first).getString("accessKey");
        String trackingCode = JsonPath.from(first).getString("trackingCode");
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V20__data_at_rest.sql")) {
            String sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            migration = sql.substring(sql.indexOf("update idempotency_record"), sql.lastIndexOf(';'));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            // as written before V20: the whole receipt, key and link in clear
            em.createNativeQuery("update idempotency_record set response_body = ?1 where idempotency_key = ?2")
                    .setParameter(1, first).setParameter(2, key).executeUpdate();
            em.createNativeQuery(migration).executeUpdate();
        });
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select response_body from idempotency_record where idempotency_key = ?1")
                .setParameter(1, key).getSingleResult());
        assertTrue(!stored.contains(accessKey) && stored.contains(trackingCode), stored);

        anonymous().header("Idempotency-Key", key).body(body).post("/api/v1/requests").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("trackingCode", equalTo(trackingCode))
                .body("accessKey", org.hamcrest.Matchers.nullValue())
                .body("trackingUrl", org.hamcrest.Matchers.endsWith("/suivi/" + trackingCode));
    }

    private List<String> columnsHolding(String value) {
        return ci.milie.support.SchemaScan.columnsHolding(em, value);
    }

    @Test
    void sameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Requests.complaint(at().categoryCode(), uniqueEmail("i"));
        anonymous().header("Idempotency-Key", key).body(body).post("/api/v1/requests").then().statusCode(201);
        Map<String, Object> other = new HashMap<>(body);
        other.put("subject", "Un tout autre sujet");
        assertProblem(anonymous().header("Idempotency-Key", key).body(other).post("/api/v1/requests").then(),
                422, "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void malformedIdempotencyKeyIs400() {
        assertProblem(anonymous().header("Idempotency-Key", "short").body(Requests.complaint(at().categoryCode(), uniqueEmail("m")))
                .post("/api/v1/requests").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("Idempotency-Key"));
    }

    @Inject
    ci.milie.support.TestClock clock;

    @Inject
    IdempotencyPurge purge;

    @Test
    void afterADayTheKeyIsForgottenAndPurged() {
        Map<String, Object> body = Requests.complaint(at().categoryCode(), uniqueEmail("d"));
        String key = UUID.randomUUID().toString();
        try {
            String first = anonymous().header("Idempotency-Key", key).body(body).post("/api/v1/requests")
                    .then().statusCode(201).extract().path("id");
            clock.advance(java.time.Duration.ofHours(25));
            String later = anonymous().header("Idempotency-Key", key).body(body).post("/api/v1/requests")
                    .then().statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue())
                    .extract().path("id");
            org.junit.jupiter.api.Assertions.assertNotEquals(first, later);
            clock.advance(java.time.Duration.ofHours(25));
            org.junit.jupiter.api.Assertions.assertTrue(purge.purge() >= 1);
            long left = QuarkusTransaction.requiringNew().call(() -> (Long) em
                    .createQuery("select count(i) from IdempotencyRecord i where i.idempotencyKey = ?1").setParameter(1, key)
                    .getSingleResult());
            assertEquals(0L, left);
        } finally {
            clock.reset();
        }
    }

    @Test
    void concurrentRetriesCreateOneRequest() throws Exception {
        Map<String, Object> body = Requests.complaint(at().categoryCode(), uniqueEmail("race"));
        String subject = "Course " + UUID.randomUUID();
        body.put("subject", subject);
        String key = UUID.randomUUID().toString();
        int attempts = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Response>> responses = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return anonymous().header("Idempotency-Key", key).body(body).post("/api/v1/requests");
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Response> response : responses) {
                Response r = response.get();
                assertEquals(201, r.statusCode(), r.asString());
                ids.add(r.jsonPath().getString("id"));
            }
            assertEquals(1, ids.size(), "every retry got the same request");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, requestsWithSubject(subject));
    }
}
