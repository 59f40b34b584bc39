package ci.milie.notification;

import static ci.milie.support.Api.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ci.milie.support.TestClock;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An instance dies between handing a message to SMTP and recording it (kill -9): the relay's own
 * steps are run up to the send and no further. The citizen gets at most one duplicate, with the
 * same Message-ID, so that the mail client shows one message. (OutboxSmtpOutageTest checks that
 * the Message-ID reaches a real SMTP server.)
 */
@QuarkusTest
class OutboxCrashTest {

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

    @Inject
    MockMailbox mailbox;

    @BeforeEach
    void deliverWhatEarlierTestsLeftDue() {
        clock.advance(Duration.ofDays(1)); // messages other tests left SENDING are due too
        while (relay.deliverDue() > 0) {
            // drained: from now on only this test's messages are due
        }
        clock.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<Mail> receivedBy(String email) {
        return mailbox.getMailsSentTo(email);
    }

    private static String messageId(Mail mail) {
        List<String> ids = mail.getHeaders().get("Message-ID");
        assertEquals(1, ids.size(), "one Message-ID");
        return ids.get(0);
    }

    /** What a dying instance gets done: the claim commits, SMTP accepts the mail, the outcome is never recorded. */
    private void sendAndDie() {
        OutboxRelay.Delivery delivery = relay.claimNext();
        assertNotNull(delivery, "a message was due");
        relay.send(delivery);
    }

    @Test
    void everyMailCarriesAMessageIdMadeOfItsOutboxIdAndTheSenderDomain() {
        String email = QueuedReceipts.queue(outbox, "crash", "MIL-MSID-0001");
        OutboxMessage queued = QueuedReceipts.stored(messages, email);

        assertTrue(relay.deliverDue() >= 1);

        List<Mail> received = receivedBy(email);
        assertEquals(1, received.size());
        assertEquals("<" + queued.id() + "@milie.ci>", messageId(received.get(0)));
    }

    @Test
    void aSendInterruptedByACrashIsRepeatedOnceWithTheSameMessageId() {
        String email = QueuedReceipts.queue(outbox, "crash", "MIL-KILL-0001");
        sendAndDie();

        OutboxMessage inFlight = QueuedReceipts.stored(messages, email);
        assertEquals(OutboxMessage.Status.SENDING, inFlight.status());
        assertEquals(1, receivedBy(email).size(), "the dead instance's send went through");

        assertEquals(0, relay.deliverDue(), "not taken from an instance that may still be sending it");
        assertEquals(1, receivedBy(email).size());

        clock.advance(config.sendingTimeout().plusSeconds(1));
        assertEquals(1, relay.deliverDue());

        List<Mail> received = receivedBy(email);
        assertEquals(2, received.size(), "one duplicate");
        assertEquals(messageId(received.get(0)), messageId(received.get(1)));
        assertEquals("<" + inFlight.id() + "@milie.ci>", messageId(received.get(1)));
        OutboxMessage sent = QueuedReceipts.stored(messages, email);
        assertEquals(OutboxMessage.Status.SENT, sent.status());
        assertEquals(1, sent.interruptedSends());
        assertNull(sent.body());

        clock.advance(Duration.ofDays(1));
        relay.deliverDue();
        assertEquals(2, receivedBy(email).size(), "and never again");
    }

    @Test
    void aMessageInterruptedTwiceIsGivenUpRatherThanSentAThirdTime() {
        String email = QueuedReceipts.queue(outbox, "crash", "MIL-KILL-0002");
        sendAndDie();
        clock.advance(config.sendingTimeout().plusSeconds(1));
        sendAndDie();
        assertEquals(2, receivedBy(email).size());

        clock.advance(config.sendingTimeout().plusSeconds(1));
        assertEquals(0, relay.deliverDue());

        OutboxMessage given = QueuedReceipts.stored(messages, email);
        assertEquals(OutboxMessage.Status.FAILED, given.status());
        assertEquals(2, given.interruptedSends());
        assertNotNull(given.lastError());
        assertNull(given.body(), "a message given up keeps no content");
        assertNull(given.htmlBody());
        clock.advance(Duration.ofDays(1));
        relay.deliverDue();
        assertEquals(2, receivedBy(email).size(), "no third copy");
    }
}
