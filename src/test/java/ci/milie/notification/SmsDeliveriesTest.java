package ci.milie.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.support.Outboxes;
import ci.milie.support.RecordingSmsSender;
import ci.milie.support.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** What a delivery receipt does to the outbox message it names. */
@QuarkusTest
class SmsDeliveriesTest {

    @Inject
    SmsDeliveries deliveries;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxMessageRepository messages;

    @Inject
    RecordingSmsSender sms;

    @Inject
    TestClock clock;

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxConfig config;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String sentTo(String phone) {
        QuarkusTransaction.requiringNew().run(() -> outbox.notify(new Outbox.Recipient(null, phone, "fr"),
                MessageKind.RECEIPT, OutboxTest.receipt("MIL-DLR0-0002"), null));
        return lastIdTo(phone);
    }

    /** Sends what is due, and returns the id the gateway gave the last SMS to {@code phone}. */
    private String lastIdTo(String phone) {
        Outboxes.drain(relay);
        List<RecordingSmsSender.Sms> sent = sms.sentTo(phone);
        return sent.get(sent.size() - 1).messageId();
    }

    private OutboxMessage stored(String phone) {
        return QuarkusTransaction.requiringNew().call(() -> messages.find("recipient", phone).singleResult());
    }

    private double counted(String status) {
        return registry.counter("milie.sms.delivery", "status", status).count();
    }

    private static String uniquePhone() {
        return "+22505" + (10_000_000 + new Random().nextInt(89_999_999));
    }

    @Test
    void anSmsKeepsItsTextUntilItsReceiptSaysItWasDelivered() {
        String phone = uniquePhone();
        String id = sentTo(phone);
        OutboxMessage sent = stored(phone);
        assertEquals(OutboxMessage.Status.SENT, sent.status());
        assertEquals(id, sent.providerMessageId());
        assertNotNull(sent.body(), "kept for a retry");
        double before = counted("delivered");

        assertEquals(SmsDeliveries.Outcome.DELIVERED, deliveries.record(id, "Success", null));

        OutboxMessage delivered = stored(phone);
        assertEquals(OutboxMessage.DeliveryStatus.DELIVERED, delivered.deliveryStatus());
        assertNull(delivered.body());
        assertEquals(before + 1, counted("delivered"));
    }

    @Test
    void aFailedSmsIsSentAgainUntilItsLastAttemptThenGivenUp() {
        String phone = uniquePhone();
        String id = sentTo(phone);
        double expired = counted("expired");

        for (int attempt = 1; attempt < config.maxAttempts(); attempt++) {
            assertEquals(SmsDeliveries.Outcome.RETRY_SCHEDULED, deliveries.record(id, "EXPIRED", null));
            OutboxMessage waiting = stored(phone);
            assertEquals(OutboxMessage.Status.PENDING, waiting.status());
            assertEquals(OutboxMessage.DeliveryStatus.EXPIRED, waiting.deliveryStatus());
            assertEquals("Delivery receipt: expired", waiting.lastError());
            clock.advance(Duration.ofHours(2));
            id = lastIdTo(phone);
        }
        assertEquals(config.maxAttempts(), sms.sentTo(phone).size());

        assertEquals(SmsDeliveries.Outcome.GIVEN_UP, deliveries.record(id, "Rejected", "UserInBlackList"));

        OutboxMessage givenUp = stored(phone);
        assertEquals(OutboxMessage.Status.FAILED, givenUp.status());
        assertEquals(OutboxMessage.DeliveryStatus.FAILED, givenUp.deliveryStatus());
        assertEquals("Delivery receipt: failed (UserInBlackList)", givenUp.lastError());
        assertNull(givenUp.body());
        assertEquals(expired + config.maxAttempts() - 1, counted("expired"));
    }

    @Test
    void aFailureReasonThatIsNotACodeIsNotKept() {
        String phone = uniquePhone();
        String id = sentTo(phone);

        deliveries.record(id, "Failed", "Number +2250701020304 <script>");

        assertEquals("Delivery receipt: failed", stored(phone).lastError());
    }

    @Test
    void theStatusWordsOfCommonAggregatorsAreRead() {
        assertEquals(SmsDeliveries.Status.DELIVERED, SmsDeliveries.Status.of(" success ").orElseThrow());
        assertEquals(SmsDeliveries.Status.FAILED, SmsDeliveries.Status.of("UNDELIV").orElseThrow());
        assertEquals(SmsDeliveries.Status.FAILED, SmsDeliveries.Status.of("Rejected").orElseThrow());
        assertEquals(SmsDeliveries.Status.EXPIRED, SmsDeliveries.Status.of("expired").orElseThrow());
        assertEquals(java.util.Optional.empty(), SmsDeliveries.Status.of("Submitted"));
        assertEquals(java.util.Optional.empty(), SmsDeliveries.Status.of(null));
    }
}
