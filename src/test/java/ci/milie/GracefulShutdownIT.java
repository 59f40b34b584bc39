package ci.milie;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.support.PackagedInstances;
import ci.milie.support.SseClient;
import io.restassured.http.ContentType;

/**
 * The packaged application stopped as a container is (SIGTERM): what it was doing for its clients
 * ends cleanly, with what they need to carry on elsewhere.
 */
class GracefulShutdownIT {

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
