package ci.milie.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import ci.milie.support.Api;
import ci.milie.support.SmallPoolProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A flood of wrong passwords holds the main pool one connection per call: the failures count on the
 * limits' own pool, so every caller gets its answer (401), none a 503 for want of a connection.
 */
@QuarkusTest
@TestProfile(SmallPoolProfile.class)
class SignInConnectionsTest {

    @Test
    void moreWrongPasswordsAtOnceThanThePoolHasConnectionsAreAllAnswered() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                Callable<Integer> signIn = () -> Api.anonymous()
                        .body(Map.of("email", Api.uniqueEmail("flood"), "password", "Not-The-Password-1"))
                        .post("/api/v1/auth/login").statusCode();
                statuses.add(pool.submit(signIn));
            }
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get());
            }
            assertEquals(Collections.nCopies(48, 401), answered);
        } finally {
            pool.shutdownNow();
        }
    }
}
