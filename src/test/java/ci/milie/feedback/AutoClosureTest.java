package ci.milie.feedback;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.common.ClusterLock;
import ci.milie.support.Requests.Setting;
import ci.milie.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AutoClosureTest {

    @Inject
    AutoClosure autoClosure;

    @Inject
    ClusterLock lock;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static void assertClosedOnce(String[] request) {
        anonymous().header("X-Access-Key", request[1]).get("/api/v1/requests/" + request[0] + "/events").then().statusCode(200)
                .body("items.findAll { it.type == 'CLOSED' }.size()", equalTo(1))
                .body("items.find { it.type == 'CLOSED' }.actorRole", equalTo("system"))
                .body("items.find { it.type == 'CLOSED' }.visibility", equalTo("PUBLIC"));
    }

    @Test
    void anUndisputedAnswerClosesWhenTheWindowEnds() {
        Setting at = Setting.create(false);
        String[] request = FeedbackResourceTest.answered(at);

        clock.advance(Duration.ofDays(14));
        autoClosure.closeExpired();
        as(at.osepToken()).get("/api/v1/requests/" + request[0]).then().body("status", equalTo("ANSWERED"));

        clock.advance(Duration.ofDays(2));
        assertTrue(autoClosure.closeExpired() >= 1);
        as(at.osepToken()).get("/api/v1/requests/" + request[0]).then().body("status", equalTo("CLOSED"));
        autoClosure.closeExpired();
        assertClosedOnce(request);
    }

    @Test
    void whileAnotherInstanceRunsTheJobThisOneSkips() throws Exception {
        Setting at = Setting.create(false);
        String[] request = FeedbackResourceTest.answered(at);
        clock.advance(Duration.ofDays(16));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> otherInstance = other.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                assertTrue(lock.tryAcquire(AutoClosure.JOB));
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertTrue(held.await(30, TimeUnit.SECONDS));

            assertEquals(-1, autoClosure.closeExpired(), "the job is skipped while another instance holds it");
            as(at.osepToken()).get("/api/v1/requests/" + request[0]).then().body("status", equalTo("ANSWERED"));

            release.countDown();
            otherInstance.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            other.shutdownNow();
        }
        assertTrue(autoClosure.closeExpired() >= 1);
        assertClosedOnce(request);
    }

    @Test
    void twoRunnersRacingCloseEachRequestOnce() throws Exception {
        Setting at = Setting.create(false);
        List<String[]> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(FeedbackResourceTest.answered(at));
        }
        clock.advance(Duration.ofDays(16));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return autoClosure.closeExpired();
                }));
            }
            start.countDown();
            int acted = 0;
            for (Future<Integer> run : runs) {
                acted += run.get(60, TimeUnit.SECONDS) > 0 ? 1 : 0;
            }
            assertTrue(acted >= 1, "one runner closed the requests");
        } finally {
            pool.shutdownNow();
        }
        requests.forEach(AutoClosureTest::assertClosedOnce);
    }
}
