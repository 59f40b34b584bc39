package ci.milie;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import ci.milie.support.PackagedInstances;
import ci.milie.support.Requests;
import ci.milie.support.SseClient;
import io.restassured.http.ContentType;

/**
 * The packaged application stopped as a container is (SIGTERM): what it was doing for its clients
 * ends cleanly, with what they need to carry on elsewhere.
 */
class GracefulShutdownIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PackagedInstances cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void anOpenStreamIsClosedWithAReconnectionHintWhenTheInstanceStops() throws Exception {
        cluster = PackagedInstances.start(1, Map.of("milie.streams.reconnect-delay", "PT2.5S"));
        PackagedInstances.Instance instance = cluster.get(0);
        String osep = osepToken(instance.baseUri());

        try (SseClient stream = SseClient.openUrl(instance.baseUri() + "/api/v1/requests/stream", SseClient.bearer(osep))) {
            assertEquals(200, stream.status());
            assertEquals(null, stream.retry(), "no retry: hint while the instance runs");

            instance.process().destroy(); // SIGTERM

            assertTrue(stream.endsWithin(Duration.ofSeconds(15)), "the stream ended when the instance stopped");
            assertEquals("2500", stream.retry(), "the client is told to reconnect after 2.5 s, to another instance");
        }
        assertTrue(instance.process().waitFor(20, java.util.concurrent.TimeUnit.SECONDS), "the instance stopped");
    }

    /** One submission's fate as its client saw it. */
    record Attempt(Integer status, String requestId, String problem, String retryAfter, boolean answeredAfterSignal) {
    }

    @Test
    void submissionsUnderWayWhenTheInstanceStopsAreAnsweredAndStoredWholeAndLaterOnesCleanlyRefused() throws Exception {
        cluster = PackagedInstances.start(1, Map.of("milie.limits.submission.per-address.count", "1000000",
                "milie.limits.submission.per-contact.count", "1000000"));
        PackagedInstances.Instance instance = cluster.get(0);
        String category = newCategory(instance.baseUri());
        byte[] body = JSON.writeValueAsBytes(Requests.complaint(category, "arret@milie.test"));
        HttpRequest submission = HttpRequest.newBuilder(URI.create(instance.baseUri() + "/api/v1/requests"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();

        // Sixteen clients submit one request after another until the instance no longer answers.
        int clients = 16;
        List<Attempt> attempts = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean signalled = new AtomicBoolean();
        Semaphore answered = new Semaphore(0);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (true) {
                    try {
                        HttpResponse<String> response = http.send(submission, HttpResponse.BodyHandlers.ofString());
                        var answer = JSON.readTree(response.body());
                        attempts.add(new Attempt(response.statusCode(), response.statusCode() == 201 ? answer.path("id").asText() : null,
                                answer.path("code").asText(null), response.headers().firstValue("Retry-After").orElse(null),
                                signalled.get()));
                        answered.release();
                    } catch (IOException e) { // refused, reset or closed: the instance has stopped listening
                        attempts.add(new Attempt(null, null, null, null, true));
                        if (signalled.get()) {
                            return null;
                        }
                    }
                }
            });
        }
        assertTrue(answered.tryAcquire(50, 60, TimeUnit.SECONDS), "submissions flow before the signal");
        signalled.set(true);
        instance.process().destroy(); // SIGTERM, with sixteen submissions under way
        assertTrue(instance.process().waitFor(60, TimeUnit.SECONDS), "the instance stopped");
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "every client saw the instance stop");

        Map<String, Integer> fates = new TreeMap<>();
        attempts.forEach(a -> fates.merge(a.status() == null ? "no connection" : String.valueOf(a.status()), 1, Integer::sum));
        System.out.printf("submissions when the instance stopped: %s, of which 201 answered after SIGTERM: %d%n", fates,
                attempts.stream().filter(a -> a.requestId() != null && a.answeredAfterSignal()).count());
        assertTrue(Set.of("201", "503", "no connection").containsAll(fates.keySet()),
                "a submission is filed, or refused before any work, never an error: " + fates);
        attempts.stream().filter(a -> a.status() != null && a.status() == 503).forEach(refused -> {
            assertTrue(refused.answeredAfterSignal(), "refused only once the instance stops");
            assertEquals("SERVICE_UNAVAILABLE", refused.problem());
            assertEquals("1", refused.retryAfter(), "the client tries again at once, on another instance");
        });
        assertTrue(attempts.stream().anyMatch(a -> a.status() != null && a.status() == 201 && a.answeredAfterSignal()),
                "submissions under way, or arriving, after SIGTERM were answered: " + fates);

        Set<String> created = new HashSet<>();
        attempts.stream().filter(a -> a.requestId() != null).forEach(a -> created.add(a.requestId()));
        Set<String> stored = storedWithTheirSubmissionEvent(category);
        Set<String> answeredNotStored = new HashSet<>(created);
        answeredNotStored.removeAll(stored);
        Set<String> storedNotAnswered = new HashSet<>(stored);
        storedNotAnswered.removeAll(created);
        assertEquals(List.of(0, 0), List.of(answeredNotStored.size(), storedNotAnswered.size()),
                "every request answered 201 is stored whole (" + created.size() + " answered, " + stored.size()
                        + " stored), and none is stored that its client was not told of");
    }

    /** The requests of the category, each counted only when its SUBMITTED event is there too. */
    private Set<String> storedWithTheirSubmissionEvent(String category) throws SQLException {
        Set<String> stored = new HashSet<>();
        try (Connection db = DriverManager.getConnection(cluster.jdbcUrl());
                PreparedStatement query = db.prepareStatement("""
                        select r.id, count(e.id) filter (where e.type = 'SUBMITTED') as submitted
                          from citizen_request r
                          join category c on c.id = r.category_id
                          left join request_event e on e.request_id = r.id
                         where c.code = ?
                         group by r.id""")) {
            query.setString(1, category);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    assertEquals(1, rows.getInt("submitted"), "request " + rows.getString("id") + " has its submission event");
                    stored.add(rows.getString("id"));
                }
            }
        }
        return stored;
    }

    private static String newCategory(String baseUri) {
        String admin = signIn(baseUri, PackagedInstances.ADMIN_EMAIL, PackagedInstances.ADMIN_PASSWORD);
        String code = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String administrationId = given().baseUri(baseUri).contentType(ContentType.JSON).header("Authorization", "Bearer " + admin)
                .body(Map.of("code", code, "name", "Administration " + code, "kind", "AGENCY",
                        "contactEmail", "contact@" + code.toLowerCase() + ".gouv.ci", "answerReviewRequired", false))
                .post("/api/v1/administrations").then().statusCode(201).extract().path("id");
        given().baseUri(baseUri).contentType(ContentType.JSON).header("Authorization", "Bearer " + admin)
                .body(Map.of("code", code, "labelFr", "Catégorie " + code, "labelEn", "Category " + code,
                        "applicableTypes", List.of("COMPLAINT"), "defaultAdministrationId", administrationId))
                .post("/api/v1/categories").then().statusCode(201);
        return code;
    }

    private static String osepToken(String baseUri) {
        String admin = signIn(baseUri, PackagedInstances.ADMIN_EMAIL, PackagedInstances.ADMIN_PASSWORD);
        String email = "osep-" + UUID.randomUUID().toString().substring(0, 8) + "@milie.test";
        given().baseUri(baseUri).contentType(ContentType.JSON).header("Authorization", "Bearer " + admin)
                .body(Map.of("email", email, "fullName", "Osep Arrêt", "role", "osep", "password", "Osep-Arret-2026!"))
                .post("/api/v1/staff").then().statusCode(201);
        return signIn(baseUri, email, "Osep-Arret-2026!");
    }

    private static String signIn(String baseUri, String email, String password) {
        return given().baseUri(baseUri).contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }
}
