package ci.milie.common;

import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.support.Api;
import ci.milie.support.LowLimitsProfile;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.RetryAfter;
import ci.milie.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Each limit per client address (and per contact) through HTTP, with low limits. Each test is a
 * client of its own: the test client is a trusted proxy here, and names it in X-Forwarded-For.
 */
@QuarkusTest
@TestProfile(LowLimitsProfile.class)
class RateLimitsTest {

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A client address of the documentation range, different in each test. */
    private static String someClient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private static RequestSpecification from(String client) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client);
    }

    private static ValidatableResponse login(String client, String email) {
        return from(client).body(Map.of("email", email, "password", "Wrong-Password-1")).post("/api/v1/auth/login").then();
    }

    @Test
    void signInAttemptsArePerClientAddress() {
        String client = someClient();
        for (int i = 0; i < 3; i++) {
            assertProblem(login(client, uniqueEmail("guess")), 401, "INVALID_CREDENTIALS");
        }

        assertProblem(login(client, uniqueEmail("guess")), 429, "RATE_LIMITED")
                .header("Retry-After", RetryAfter.within(Duration.ofMinutes(1)));
        login(someClient(), uniqueEmail("guess")).statusCode(401);

        clock.advance(Duration.ofMinutes(1));
        login(client, uniqueEmail("guess")).statusCode(401);
    }

    @Test
    void oneTimeCodesArePerClientAddress() {
        String client = someClient();
        for (int i = 0; i < 3; i++) {
            from(client).body(Map.of("email", uniqueEmail("otp"))).post("/api/v1/auth/otp").then().statusCode(202);
        }

        String refused = uniqueEmail("otp");
        assertProblem(from(client).body(Map.of("email", refused)).post("/api/v1/auth/otp").then(), 429, "RATE_LIMITED")
                .header("Retry-After", RetryAfter.within(Duration.ofHours(1)));
        assertEquals(0L, queuedFor(refused));
    }

    @Test
    void unknownTrackingCodesArePerClientAddress() {
        String client = someClient();
        String known = from(someClient()).body(Requests.complaint(Setting.create(false).categoryCode(), uniqueEmail("awa")))
                .post("/api/v1/requests").then().statusCode(201).extract().path("trackingCode");
        for (String unknown : new String[] { "MIL-0000-0001", "MIL-0000-0002", "MIL-0000-0003" }) {
            assertProblem(from(client).get("/api/v1/tracking/" + unknown).then(), 404, "NOT_FOUND");
        }

        assertProblem(from(client).get("/api/v1/tracking/MIL-0000-0004").then(), 429, "RATE_LIMITED")
                .header("Retry-After", RetryAfter.within(Duration.ofHours(1)));
        assertProblem(from(client).get("/api/v1/tracking/" + known).then(), 429, "RATE_LIMITED");
        from(someClient()).get("/api/v1/tracking/" + known).then().statusCode(200);
    }

    @Test
    void wrongAccessKeysArePerClientAddressAcrossRequests() {
        String client = someClient();
        Setting setting = Setting.create(false);
        JsonPath[] receipts = new JsonPath[4];
        for (int i = 0; i < 4; i++) {
            receipts[i] = from(someClient()).body(Requests.complaint(setting.categoryCode(), uniqueEmail("awa")))
                    .post("/api/v1/requests").then().statusCode(201).extract().jsonPath();
        }
        for (int i = 0; i < 3; i++) {
            assertProblem(from(client).header("X-Access-Key", "guess").get("/api/v1/requests/" + receipts[i].getString("id"))
                    .then(), 404, "NOT_FOUND");
        }

        assertProblem(from(client).header("X-Access-Key", "guess")
                .get("/api/v1/tracking/" + receipts[3].getString("trackingCode")).then(), 429, "RATE_LIMITED")
                .header("Retry-After", RetryAfter.within(Duration.ofHours(1)));
        from(someClient()).header("X-Access-Key", receipts[3].getString("accessKey"))
                .get("/api/v1/requests/" + receipts[3].getString("id")).then().statusCode(200);
    }

    @Test
    void submissionsArePerClientAddressAndNothingIsQueuedForARefusedOne() {
        String client = someClient();
        String category = Setting.create(false).categoryCode();
        for (int i = 0; i < 2; i++) {
            from(client).body(Requests.complaint(category, uniqueEmail("awa"))).post("/api/v1/requests").then().statusCode(201);
        }

        String refused = uniqueEmail("victim");
        assertProblem(from(client).body(Requests.complaint(category, refused)).post("/api/v1/requests").then(),
                429, "RATE_LIMITED").header("Retry-After", RetryAfter.within(Duration.ofHours(1)));
        assertEquals(0L, queuedFor(refused));
    }

    @Test
    void submissionsArePerContactWhateverTheAddress() {
        String category = Setting.create(false).categoryCode();
        String contact = uniqueEmail("victim");
        for (int i = 0; i < 2; i++) {
            from(someClient()).body(Requests.complaint(category, contact)).post("/api/v1/requests").then().statusCode(201);
        }

        assertProblem(from(someClient()).body(Requests.complaint(category, contact.toUpperCase())).post("/api/v1/requests")
                .then(), 429, "RATE_LIMITED");
        assertEquals(2L, queuedFor(contact));
    }

    @Test
    void subAddressesAndQuotedNamesOfOneMailboxShareItsLimit() {
        String category = Setting.create(false).categoryCode();
        String contact = uniqueEmail("victim");
        String local = contact.substring(0, contact.indexOf('@'));
        String domain = contact.substring(contact.indexOf('@'));
        from(someClient()).body(Requests.complaint(category, local + "+a" + domain)).post("/api/v1/requests").then().statusCode(201);
        from(someClient()).body(Requests.complaint(category, "\"" + local + "\"" + domain)).post("/api/v1/requests").then()
                .statusCode(201);

        assertProblem(from(someClient()).body(Requests.complaint(category, local + "+b" + domain)).post("/api/v1/requests")
                .then(), 429, "RATE_LIMITED");
    }

    @Test
    void codesOsepSendsForCallersDoNotCountAgainstTheCallCentresAddress() {
        String client = someClient();
        String osep = ci.milie.support.TestTokens.of("osep");
        for (int i = 0; i < 4; i++) {
            from(client).header("Authorization", "Bearer " + osep).body(Map.of("email", uniqueEmail("caller")))
                    .post("/api/v1/privacy/codes").then().statusCode(202);
        }
        // nor do they use up what the citizens behind that address may ask
        from(client).body(Map.of("email", uniqueEmail("otp"))).post("/api/v1/auth/otp").then().statusCode(202);
    }

    @Test
    void operatorsEnteringPhoneCallsAreNotLimited() {
        String client = someClient();
        String category = Setting.create(false).categoryCode();
        String email = uniqueEmail("operator");
        Api.createStaff(email, "operator", null, "Operator-Password-1");
        String operator = from(client).body(Map.of("email", email, "password", "Operator-Password-1"))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
        for (int i = 0; i < 4; i++) {
            Map<String, Object> body = Requests.complaint(category, null);
            body.put("channel", "PHONE");
            body.put("contact", Map.of("fullName", "Yao Kouadio", "phone", "0701020304"));
            from(client).header("Authorization", "Bearer " + operator).body(body).post("/api/v1/requests").then()
                    .statusCode(201);
        }
    }

    @Test
    void publicStatisticsArePerClientAddress() {
        String client = someClient();
        for (int i = 0; i < 2; i++) {
            from(client).get("/api/v1/public/stats").then().statusCode(200);
        }

        assertProblem(from(client).get("/api/v1/public/stats").then(), 429, "RATE_LIMITED")
                .header("Retry-After", RetryAfter.within(Duration.ofMinutes(1)));
        from(someClient()).get("/api/v1/public/stats").then().statusCode(200);

        clock.advance(Duration.ofMinutes(1));
        from(client).get("/api/v1/public/stats").then().statusCode(200);
    }

    @Test
    void addressesAClientPutsInFrontOfTheTrustedProxysAreIgnored() {
        String client = someClient();
        for (int i = 0; i < 2; i++) {
            from(someClient() + ", " + client).get("/api/v1/public/stats").then().statusCode(200);
        }

        assertProblem(from(someClient() + ", " + client).get("/api/v1/public/stats").then(), 429, "RATE_LIMITED");
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
        // 127.0.0.2 is not a trusted proxy here: whatever it forwards, it is the client.
        RequestSpecification untrusted = given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.route.local-address", InetAddress.getByName("127.0.0.2"))));
        for (int i = 0; i < 2; i++) {
            given().spec(untrusted).header("X-Forwarded-For", someClient()).get("/api/v1/public/stats").then().statusCode(200);
        }

        assertProblem(given().spec(untrusted).header("X-Forwarded-For", someClient()).get("/api/v1/public/stats").then(),
                429, "RATE_LIMITED");
    }

    private long queuedFor(String recipient) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_message where lower(recipient) = lower(?1)").setParameter(1, recipient)
                .getSingleResult()).longValue());
    }
}
