package ci.milie;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ci.milie.support.PackagedInstances;
import ci.milie.support.SseClient;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Two copies of the packaged application on one database, as behind a load balancer: what one
 * instance decides (a revoked session, a deactivated account, a limit reached) holds on the other.
 */
class TwoInstancesIT {

    static final int PUBLIC_STATS_LIMIT = 3;

    static PackagedInstances cluster;
    static String a;
    static String b;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        // A low limit, so that a few calls reach it; the other limits keep their defaults.
        cluster = PackagedInstances.start(2, Map.of(
                "milie.limits.public-stats.per-address.count", String.valueOf(PUBLIC_STATS_LIMIT),
                "milie.limits.public-stats.per-address.window", "PT1H"));
        a = cluster.get(0).baseUri();
        b = cluster.get(1).baseUri();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void anAdministrationCreatedThroughOneInstanceIsReadThroughTheOther() {
        String admin = signIn(a, PackagedInstances.ADMIN_EMAIL, PackagedInstances.ADMIN_PASSWORD);
        String id = createAdministration(admin);

        call(b, admin).get("/api/v1/administrations/" + id).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void anAccountDeactivatedOnOneInstanceIsRefusedOnTheOtherWithinFiveSeconds() {
        String admin = signIn(a, PackagedInstances.ADMIN_EMAIL, PackagedInstances.ADMIN_PASSWORD);
        String email = "osep-" + UUID.randomUUID().toString().substring(0, 8) + "@milie.test";
        String id = call(a, admin).body(Map.of("email", email, "fullName", "Osep Cluster", "role", "osep",
                "password", "Osep-Cluster-2026!")).post("/api/v1/staff").then().statusCode(201).extract().path("id");
        String osep = signIn(a, email, "Osep-Cluster-2026!");
        call(b, osep).get("/api/v1/requests").then().statusCode(200);

        call(a, admin).delete("/api/v1/staff/" + id).then().statusCode(204);

        call(a, osep).get("/api/v1/requests").then().statusCode(401);
        assertRefusedWithinFiveSeconds(b, osep);
    }

    @Test
    void aSessionEndedOnOneInstanceIsRefusedOnTheOtherWithinFiveSeconds() {
        Response login = signInResponse(a, PackagedInstances.ADMIN_EMAIL, PackagedInstances.ADMIN_PASSWORD);
        String access = login.path("accessToken");
        call(b, access).get("/api/v1/me").then().statusCode(200);

        given().baseUri(a).contentType(ContentType.JSON).body(Map.of("refreshToken", login.path("refreshToken")))
                .post("/api/v1/auth/logout").then().statusCode(204);

        call(a, access).get("/api/v1/me").then().statusCode(401);
        assertRefusedWithinFiveSeconds(b, access);
    }

    @Test
    void aLimitReachedThroughOneInstanceHoldsOnTheOther() {
        for (int i = 0; i < PUBLIC_STATS_LIMIT; i++) {
            given().baseUri(a).get("/api/v1/public/stats").then().statusCode(200);
        }

        Response refused = given().baseUri(b).get("/api/v1/public/stats");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429)).body("code", equalTo("RATE_LIMITED"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After: " + retryAfter);
        given().baseUri(a).get("/api/v1/public/stats").then().statusCode(429);
    }

    @Test
    void aMoveOnOneInstanceReachesAStreamOpenOnTheOtherWithinTwoSeconds() {
        NewRequest live = newRequestAndItsOsep(b);
        String administrationId = live.administrationId();
        String osep = live.osepToken();
        String id = live.id();

        try (SseClient stream = SseClient.openUrl(b + "/api/v1/requests/stream", SseClient.bearer(osep))) {
            assertEquals(200, stream.status());
            long start = System.nanoTime();
            call(a, osep).body(Map.of("administrationId", administrationId)).post("/api/v1/requests/" + id + "/routing")
                    .then().statusCode(200);

            SseClient.Event routed = stream.next(Duration.ofSeconds(2));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals("ROUTED", routed.name());
            assertEquals(id, routed.json().getString("requestId"));
            System.out.printf("a move on %s reached a stream on %s after %d ms%n", a, b, took.toMillis());
        }
    }

    @Test
    void aStreamReopenedOnTheOtherInstanceWithLastEventIdGetsWhatItMissedOnceAndInOrder() {
        NewRequest live = newRequestAndItsOsep(a);
        String administrationId = live.administrationId();
        String osep = live.osepToken();
        String id = live.id();

        // Connected to B, the screen sees the routing, then loses the network.
        String lastSeen;
        try (SseClient stream = SseClient.openUrl(b + "/api/v1/requests/stream", SseClient.bearer(osep))) {
            assertEquals(200, stream.status());
            call(a, osep).body(Map.of("administrationId", administrationId)).post("/api/v1/requests/" + id + "/routing")
                    .then().statusCode(200);
            SseClient.Event routed = stream.next();
            while (!("ROUTED".equals(routed.name()) && id.equals(routed.json().getString("requestId")))) {
                routed = stream.next();
            }
            lastSeen = routed.id();
        }

        // Meanwhile, two moves through A.
        call(a, osep).body(Map.of("text", "Première note")).post("/api/v1/requests/" + id + "/notes").then().statusCode(201);
        call(a, osep).body(Map.of("text", "Deuxième note")).post("/api/v1/requests/" + id + "/notes").then().statusCode(201);

        // Back, through A this time, from the last event it saw: exactly those two, in order, once.
        try (SseClient again = SseClient.openUrl(a + "/api/v1/requests/stream",
                Map.of("Authorization", "Bearer " + osep, "Last-Event-ID", lastSeen))) {
            assertEquals(200, again.status());
            java.util.List<String> missed = again.drain(Duration.ofSeconds(3)).stream()
                    .filter(event -> id.equals(event.json().getString("requestId")))
                    .map(event -> event.name() + ": " + event.json().getString("event.message"))
                    .toList();
            assertEquals(java.util.List.of("NOTE_ADDED: Première note", "NOTE_ADDED: Deuxième note"), missed);
        }
    }

    /** A request filed through A in a new category of a new administration, and an OSEP account signed in on {@code signInOn}. */
    record NewRequest(String id, String administrationId, String osepToken) {
    }

    private static NewRequest newRequestAndItsOsep(String signInOn) {
        String admin = signIn(a, PackagedInstances.ADMIN_EMAIL, PackagedInstances.ADMIN_PASSWORD);
        String administrationId = createAdministration(admin);
        String category = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        call(a, admin).body(Map.of("code", category, "labelFr", "Catégorie " + category, "labelEn", "Category " + category,
                "applicableTypes", java.util.List.of("COMPLAINT"), "defaultAdministrationId", administrationId))
                .post("/api/v1/categories").then().statusCode(201);
        String email = "osep-" + UUID.randomUUID().toString().substring(0, 8) + "@milie.test";
        call(a, admin).body(Map.of("email", email, "fullName", "Osep Live", "role", "osep", "password", "Osep-Live-2026!"))
                .post("/api/v1/staff").then().statusCode(201);
        String osep = signIn(signInOn, email, "Osep-Live-2026!");
        String id = given().baseUri(a).contentType(ContentType.JSON)
                .body(ci.milie.support.Requests.complaint(category, "live-" + UUID.randomUUID().toString().substring(0, 8) + "@milie.test"))
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
        return new NewRequest(id, administrationId, osep);
    }

    /** The other instance learns of the change through the database: it may take a moment, never more than 5 s. */
    private static void assertRefusedWithinFiveSeconds(String instance, String token) {
        long start = System.nanoTime();
        int status;
        do {
            status = call(instance, token).get("/api/v1/me").statusCode();
            if (status == 401) {
                break;
            }
            pause(Duration.ofMillis(100));
        } while (System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(401, status, "still accepted after " + took.toMillis() + " ms");
        assertTrue(took.compareTo(Duration.ofSeconds(5)) <= 0, "refused only after " + took.toMillis() + " ms");
        System.out.printf("refused on %s %d ms after the change%n", instance, took.toMillis());
        call(instance, token).get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }

    private static String createAdministration(String token) {
        String code = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return call(a, token).body(Map.of("code", code, "name", "Administration " + code, "kind", "AGENCY",
                "contactEmail", "contact@" + code.toLowerCase() + ".gouv.ci", "answerReviewRequired", false))
                .post("/api/v1/administrations").then().statusCode(201).extract().path("id");
    }

    private static String signIn(String instance, String email, String password) {
        return signInResponse(instance, email, password).path("accessToken");
    }

    private static Response signInResponse(String instance, String email, String password) {
        Response response = given().baseUri(instance).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password)).post("/api/v1/auth/login");
        response.then().statusCode(200);
        return response;
    }

    private static RequestSpecification call(String instance, String token) {
        return given().baseUri(instance).contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
