package ci.milie.notification;

import static ci.milie.support.Api.uniqueEmail;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import ci.milie.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Against a real SMTP server (GreenMail) that goes down and comes back: nothing is lost. */
@QuarkusTest
@TestProfile(SmtpOutageProfile.class)
class OutboxSmtpOutageTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxMessageRepository messages;

    @Inject
    OutboxConfig config;

    @Inject
    TestClock clock;

    private GreenMail smtp;

    @BeforeEach
    void deliverWhatEarlierTestsLeftDue() {
        smtp = RealSmtpProfile.startSmtpServer();
        while (relay.deliverDue() > 0) {
            // drained: from now on only this test's messages are due
        }
        smtp.stop();
    }

    @AfterEach
    void stopServerAndResetClock() {
        smtp.stop();
        clock.reset();
    }

    private List<MimeMessage> receivedBy(String email) {
        return smtp.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(email), message -> true).toList();
    }

    @Test
    void anSmtpOutageLosesNothing() throws MessagingException {
        String email = QueuedReceipts.queue(outbox, "outage", "MIL-DOWN-0001");

        assertEquals(0, relay.deliverDue(), "nothing can be delivered while the server is down");

        OutboxMessage afterFailure = QueuedReceipts.stored(messages, email);
        assertEquals(OutboxMessage.Status.PENDING, afterFailure.status());
        assertEquals(1, afterFailure.attempts());
        assertTrue(afterFailure.nextAttemptAt().isAfter(afterFailure.createdAt().plusSeconds(29)),
                "retried after the initial backoff, not at once");
        assertNotNull(afterFailure.lastError());
        assertThat("no personal data in the error", afterFailure.lastError(), not(containsString(email)));

        assertEquals(0, relay.deliverDue(), "not retried before its backoff");
        assertEquals(1, QueuedReceipts.stored(messages, email).attempts());
        assertEquals(afterFailure.nextAttemptAt(), QueuedReceipts.stored(messages, email).nextAttemptAt());

        smtp = RealSmtpProfile.startSmtpServer();
        clock.advance(Duration.ofSeconds(31));
        assertTrue(relay.deliverDue() >= 1);

        OutboxMessage delivered = QueuedReceipts.stored(messages, email);
        assertEquals(OutboxMessage.Status.SENT, delivered.status());
        assertEquals(2, delivered.attempts());
        List<MimeMessage> received = receivedBy(email);
        assertEquals(1, received.size(), "delivered exactly once");
        assertEquals("Votre demande MIL-DOWN-0001 a bien été reçue", received.get(0).getSubject());
        assertEquals(email, received.get(0).getAllRecipients()[0].toString());
    }

    @Test
    void aMessageIsGivenUpAfterItsLastAttempt() {
        String email = QueuedReceipts.queue(outbox, "outage", "MIL-DOWN-0002");

        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            relay.deliverDue();
            OutboxMessage message = QueuedReceipts.stored(messages, email);
            assertEquals(attempt, message.attempts());
            assertEquals(attempt < config.maxAttempts() ? OutboxMessage.Status.PENDING : OutboxMessage.Status.FAILED,
                    message.status(), "after attempt " + attempt);
            clock.advance(config.backoff().max().plusMinutes(1));
        }

        OutboxMessage given = QueuedReceipts.stored(messages, email);
        assertNull(given.body(), "a message given up keeps no content (it holds the tracking key)");
        assertNull(given.htmlBody());
        assertNotNull(given.subject());

        smtp = RealSmtpProfile.startSmtpServer();
        relay.deliverDue();
        assertEquals(OutboxMessage.Status.FAILED, QueuedReceipts.stored(messages, email).status(), "a failed message stays failed");
        assertTrue(receivedBy(email).isEmpty());
    }

    @Test
    void aMessageGoesOutOnTheFirstTryWhenTheServerIsUp() throws MessagingException {
        smtp = RealSmtpProfile.startSmtpServer();
        String email = QueuedReceipts.queue(outbox, "outage", "MIL-UPUP-0003");

        assertTrue(relay.deliverDue() >= 1);

        List<MimeMessage> received = receivedBy(email);
        assertEquals(1, received.size());
        assertEquals("Votre demande MIL-UPUP-0003 a bien été reçue", received.get(0).getSubject());
        assertThat(received.get(0).getFrom()[0].toString(), containsString("no-reply@milie.ci"));
        assertEquals(1, QueuedReceipts.stored(messages, email).attempts());
        assertEquals("<" + QueuedReceipts.stored(messages, email).id() + "@milie.ci>", received.get(0).getMessageID(),
                "the outbox's Message-ID, not one made up by the SMTP client");
    }
}
