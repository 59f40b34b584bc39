package ci.milie.privacy;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.notification.OutboxRelay;
import ci.milie.support.Codes;
import ci.milie.support.TestClock;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServedDataPurgeTest {

    @Inject
    ServedDataPurge purge;
    @Inject
    TestClock clock;
    @Inject
    MockMailbox mailbox;
    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCodeIsForgottenOnceExpiredAndNotBefore() {
        String email = uniqueEmail("code");
        anonymous().body(Map.of("email", email)).post("/api/v1/auth/otp").then().statusCode(202);

        clock.advance(Duration.ofMinutes(9));
        purge.sweep();
        assertEquals(1, count("select count(*) from otp_challenge where destination = ?1", email));

        clock.advance(Duration.ofMinutes(2));
        purge.sweep();
        assertEquals(0, count("select count(*) from otp_challenge where destination = ?1", email));
    }

    @Test
    void refreshTokensGoADayAfterTheyExpire() {
        String email = uniqueEmail("session");
        Codes.signInCitizen(mailbox, relay, email);
        String citizen = "select count(*) from refresh_token t join citizen c on c.id = t.subject_id where c.email = ?1";

        clock.advance(Duration.ofDays(30).plusHours(23));
        purge.sweep();
        assertEquals(1, count(citizen, email));

        clock.advance(Duration.ofHours(2));
        purge.sweep();
        assertEquals(0, count(citizen, email));
    }

    @Test
    void theLogOfASentMessageIsKeptNinetyDays() {
        String email = uniqueEmail("log");
        anonymous().body(Map.of("email", email)).post("/api/v1/auth/otp").then().statusCode(202);
        ci.milie.support.Outboxes.drain(relay);
        String sent = "select count(*) from outbox_message where recipient = ?1 and status = 'SENT'";
        assertEquals(1, count(sent, email));

        clock.advance(Duration.ofDays(89));
        purge.sweep();
        assertEquals(1, count(sent, email));

        clock.advance(Duration.ofDays(2));
        purge.sweep();
        assertEquals(0, count("select count(*) from outbox_message where recipient = ?1", email));
    }

    @Test
    void aMessageStillToSendIsNeverPurged() {
        String email = uniqueEmail("pending");
        anonymous().body(Map.of("email", email)).post("/api/v1/auth/otp").then().statusCode(202);

        clock.advance(Duration.ofDays(365));
        purge.sweep();
        assertEquals(1, count("select count(*) from outbox_message where recipient = ?1 and status = 'PENDING'", email));
        ci.milie.support.Outboxes.drain(relay);
    }

    private long count(String sql, String value) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, value)
                .getSingleResult()).longValue());
    }
}
