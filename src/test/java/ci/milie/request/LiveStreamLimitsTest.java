package ci.milie.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.support.LowLimitsProfile;
import ci.milie.support.SseClient;
import ci.milie.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The instance's own limit on open streams, whoever opens them (three here, a thousand by default). */
@QuarkusTest
@TestProfile(LowLimitsProfile.class)
class LiveStreamLimitsTest {

    private final List<SseClient> opened = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        opened.forEach(SseClient::close);
    }

    private SseClient openAsANewOsepAccount() {
        SseClient client = SseClient.open("/api/v1/requests/stream", SseClient.bearer(TestTokens.of("osep")));
        opened.add(client);
        return client;
    }

    @Test
    void anInstanceFullOfStreamsRefusesTheNextCallerWith429UntilOneCloses() {
        List<SseClient> admitted = new ArrayList<>();
        for (int i = 0; i < LowLimitsProfile.STREAMS_PER_INSTANCE; i++) {
            SseClient stream = openAsANewOsepAccount();
            assertEquals(200, stream.status(), "stream " + (i + 1));
            admitted.add(stream);
        }

        // Another account, well within its own limit of five: the instance is what is full.
        SseClient refused = openAsANewOsepAccount();
        assertEquals(429, refused.status());
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"), refused.header("Content-Type"));
        assertEquals("RATE_LIMITED", refused.problem().getString("code"));
        assertEquals(429, refused.problem().getInt("status"));
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1, "Retry-After: " + refused.header("Retry-After"));

        // One screen closes: the instance notices at its next heartbeat (every second here) and lets one in.
        admitted.get(0).close();
        int status = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            SseClient again = openAsANewOsepAccount();
            status = again.status();
            if (status == 200) {
                break;
            }
            assertEquals(429, status);
            again.close();
            pause();
        }
        assertEquals(200, status, "no stream admitted after one closed");
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
