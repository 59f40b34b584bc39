package ci.milie.sla;

import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.common.ClusterLock;
import ci.milie.notification.OutboxRelay;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.TestClock;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class EscalationJobTest {

    @Inject
    EscalationJob job;

    @Inject
    ClusterLock lock;

    @Inject
    OutboxRelay relay;

    @Inject
    MockMailbox mailbox;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Moves the clock to the next Monday 08:00 UTC, so working-day deadlines are plain days. */
    private void startOnAMonday() {
        Instant now = clock.instant();
        var date = now.atZone(ZoneOffset.UTC).toLocalDate();
        var monday = date.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        clock.advance(Duration.between(now, monday.atTime(8, 0).toInstant(ZoneOffset.UTC)));
    }

    private List<Mail> mailsAbout(String email, String trackingCode) {
        ci.milie.support.Outboxes.drain(relay);
        return mailbox.getMailsSentTo(email).stream().filter(m -> m.getSubject().contains(trackingCode)).toList();
    }

    private String administrationEmail(Setting at) {
        return as(at.osepToken()).get("/api/v1/administrations/" + at.administrationId()).then().extract().path("contactEmail");
    }

    @Test
    void reminderAndOverdueNoticeAreEachSentOnceEvenWhenTheJobRunsTwice() {
        startOnAMonday();
        Setting at = Setting.create(true);
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("sla")));
        String id = receipt.getString("id");
        String code = receipt.getString("trackingCode");
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId())).post("/api/v1/requests/" + id + "/routing")
                .then().statusCode(200);
        String admin = administrationEmail(at);

        // Acknowledgement is due in 2 working days; 1 day 1 hour later, less than a day is left.
        clock.advance(Duration.ofHours(25));
        job.run();
        job.run();
        List<Mail> reminders = mailsAbout(admin, code);
        assertEquals(1, reminders.size(), "one reminder");
        assertTrue(reminders.get(0).getSubject().startsWith("Rappel"));

        // Past the deadline: flagged once, the administration told once.
        clock.advance(Duration.ofHours(24));
        job.run();
        job.run();
        assertEquals(2, mailsAbout(admin, code).size(), "one overdue notice after the reminder");
        as(at.osepToken()).get("/api/v1/requests/" + id + "/events").then().statusCode(200)
                .body("items.findAll { it.type == 'DEADLINE_MISSED' }.size()", equalTo(1))
                .body("items.find { it.type == 'DEADLINE_MISSED' }.visibility", equalTo("INTERNAL"));
        as(at.osepToken()).queryParam("overdue", "true").queryParam("administrationId", at.administrationId())
                .get("/api/v1/requests").then().statusCode(200).body("items.id", equalTo(List.of(id)));

        // A day later still: escalated to OSEP's supervisors, once.
        clock.advance(Duration.ofDays(1).plusHours(1));
        job.run();
        job.run();
        List<Mail> escalations = mailsAbout("supervision@milie.ci", code);
        assertEquals(1, escalations.size(), "one escalation");
        assertTrue(escalations.get(0).getSubject().startsWith("Escalade"));
        assertEquals(2, mailsAbout(admin, code).size(), "nothing more to the administration");
    }

    @Test
    void triageIsOsepsResponsibility() {
        startOnAMonday();
        Setting at = Setting.create(true);
        String code = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("triage"))).getString("trackingCode");
        clock.advance(Duration.ofHours(25));
        job.run();
        assertEquals(1, mailsAbout("osep@milie.ci", code).size());
    }

    @Test
    void acknowledgingInTimeRecordsTheStageAsMetAndStopsTheReminders() {
        startOnAMonday();
        Setting at = Setting.create(true);
        String id = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("ok"))).getString("id");
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId())).post("/api/v1/requests/" + id + "/routing")
                .then().statusCode(200);
        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        clock.advance(Duration.ofHours(30));
        job.run();
        as(at.osepToken()).get("/api/v1/requests/" + id + "/events").then().statusCode(200)
                .body("items.findAll { it.type == 'DEADLINE_MISSED' }.size()", equalTo(0));
        as(at.osepToken()).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("deadline.stage", equalTo("ANSWER"))
                .body("deadline.triageMet", equalTo(true))
                .body("deadline.acknowledgementMet", equalTo(true))
                .body("deadline.timeLeftSeconds", org.hamcrest.Matchers.greaterThan(0))
                .body("deadline.paused", equalTo(false));
    }

    @Test
    void waitingForTheCitizenStopsTheClockAndShowsIt() {
        startOnAMonday();
        Setting at = Setting.create(true);
        String id = at.requestInProgress(uniqueEmail("paused"));
        as(at.agentToken()).body(Map.of("text", "Précisez ?")).post("/api/v1/requests/" + id + "/messages").then().statusCode(200);
        as(at.osepToken()).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("deadline.paused", equalTo(true))
                .body("deadline.pausedTimeLeftSeconds", org.hamcrest.Matchers.greaterThan(3 * 24 * 3600 - 60))
                .body("dueAt", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void whileAnotherInstanceRunsTheWatchThisOneSkips() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> otherInstance = other.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                assertTrue(lock.tryAcquire(EscalationJob.JOB));
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertTrue(held.await(30, TimeUnit.SECONDS));
            assertTrue(job.run().skipped(), "skipped while another instance runs it");
            release.countDown();
            otherInstance.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            other.shutdownNow();
        }
        assertTrue(!job.run().skipped(), "runs once the other instance is done");
    }

    @Test
    void twoRunnersRacingNeverBothAct() throws Exception {
        startOnAMonday();
        Setting at = Setting.create(true);
        String code = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("race"))).getString("trackingCode");
        clock.advance(Duration.ofHours(25));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<EscalationJob.Run> a = pool.submit(() -> {
                start.await();
                return job.run();
            });
            Future<EscalationJob.Run> b = pool.submit(() -> {
                start.await();
                return job.run();
            });
            start.countDown();
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, mailsAbout("osep@milie.ci", code).size(), "one reminder whatever the race");
    }
}
