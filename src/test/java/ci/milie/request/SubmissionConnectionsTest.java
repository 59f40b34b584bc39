package ci.milie.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import ci.milie.support.Api;
import ci.milie.support.Requests;
import ci.milie.support.SmallPoolProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A submission holds one database connection, its abuse limits included: more submissions at once
 * than the pool has connections wait their turn, none waits for a second connection held by another.
 */
@QuarkusTest
@TestProfile(SmallPoolProfile.class)
class SubmissionConnectionsTest {

    @Test
    void moreSubmissionsAtOnceThanThePoolHasConnectionsAreAllFiled() throws Exception {
        String category = Api.createCategory(Api.createAdministration(false));
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                Callable<Integer> submit = () -> Api.anonymous()
                        .body(Requests.complaint(category, Api.uniqueEmail("concurrent")))
                        .post("/api/v1/requests").statusCode();
                statuses.add(pool.submit(submit));
            }
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get());
            }
            assertEquals(java.util.Collections.nCopies(48, 201), answered);
        } finally {
            pool.shutdownNow();
        }
    }
}
