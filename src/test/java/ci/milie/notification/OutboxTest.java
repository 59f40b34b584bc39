package ci.milie.notification;

import static ci.milie.support.Api.unique;
import static ci.milie.support.Api.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import org.junit.jupiter.api.Test;

import ci.milie.support.RecordingSmsSender;
import ci.milie.support.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Queueing in the caller's transaction, and delivery by the relay to the (mock) mailbox and SMS gateway. */
@QuarkusTest
class OutboxTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxMessageRepository messages;

    @Inject
    MockMailbox mailbox;

    @Inject
    RecordingSmsSender sms;

    @Inject
    MeterRegistry registry;

    @Inject
    TestClock clock;

    static Map<String, Object> receipt(String trackingCode) {
        return Map.of("trackingCode", trackingCode, "subject", "Extrait de naissance introuvable",
                "trackingUrl", "https://app.milie.test/suivi/" + trackingCode + "?key=Q2hhbmdlTWUtS2V5LTEyMzQ");
    }

    private static String trackingCode() {
        return "MIL-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase() + "-"
                + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    }

    private static String uniquePhone() {
        return "+22507" + (10_000_000 + new Random().nextInt(89_999_999));
    }

    private void queue(Outbox.Recipient recipient, MessageKind kind, Map<String, Object> data, UUID requestId) {
        QuarkusTransaction.requiringNew().run(() -> outbox.notify(recipient, kind, data, requestId));
    }

    private List<OutboxMessage> queuedFor(String recipient) {
        return QuarkusTransaction.requiringNew().call(() -> messages.list("recipient", recipient));
    }

    private Mail onlyMailTo(String email) {
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(1, mails.size(), "one mail to the recipient");
        return mails.get(0);
    }

    @Test
    void aMessageQueuedInATransactionThatRollsBackIsNeverSent() {
        String email = uniqueEmail("rollback");
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.notify(new Outbox.Recipient(email, null, "fr"), MessageKind.RECEIPT, receipt(trackingCode()), null);
            throw new IllegalStateException("the state change fails after the message was queued");
        }));

        relay.deliverDue();

        assertTrue(mailbox.getMailsSentTo(email).isEmpty(), "nothing mailed");
        assertTrue(queuedFor(email).isEmpty(), "nothing queued");
    }

    @Test
    void aCommittedMessageIsDeliveredInFrenchByDefault() {
        String email = uniqueEmail("awa");
        String code = trackingCode();
        queue(new Outbox.Recipient(email, null, "fr"), MessageKind.RECEIPT, receipt(code), null);
        assertTrue(mailbox.getMailsSentTo(email).isEmpty(), "nothing leaves before the relay runs");

        assertTrue(relay.deliverDue() >= 1);

        Mail mail = onlyMailTo(email);
        assertEquals("Votre demande " + code + " a bien été reçue", mail.getSubject());
        assertThat(mail.getText(), containsString("Merci d'avoir pris le temps de nous écrire"));
        assertThat(mail.getText(), containsString("Votre code de suivi : " + code));
        assertThat(mail.getText(), containsString("https://app.milie.test/suivi/" + code + "?key="));
        assertThat(mail.getHtml(), containsString("<a href=\"https://app.milie.test/suivi/" + code + "?key="));
        assertThat(mail.getHtml(), containsString("<html lang=\"fr\">"));
    }

    @Test
    void anEnglishReaderGetsTheEnglishTemplate() {
        String email = uniqueEmail("john");
        String code = trackingCode();
        queue(new Outbox.Recipient(email, null, "en"), MessageKind.RECEIPT, receipt(code), null);

        relay.deliverDue();

        Mail mail = onlyMailTo(email);
        assertEquals("We have received your request " + code, mail.getSubject());
        assertThat(mail.getText(), containsString("Thank you for taking the time to write to us"));
        assertThat(mail.getText(), not(containsString("Bonjour")));
    }

    @Test
    void anyOtherLanguageReadsFrench() {
        String email = uniqueEmail("kouame");
        String code = trackingCode();
        queue(new Outbox.Recipient(email, null, "dy"), MessageKind.RECEIPT, receipt(code), null);

        relay.deliverDue();

        assertEquals("Votre demande " + code + " a bien été reçue", onlyMailTo(email).getSubject());
    }

    @Test
    void aCitizenWithOnlyAPhoneGetsAnSmsInGsm7WithItsSegmentsRecorded() {
        String phone = uniquePhone();
        String code = trackingCode();
        queue(new Outbox.Recipient(null, phone, "fr"), MessageKind.RECEIPT, receipt(code), null);
        assertEquals(2, queuedFor(phone).get(0).segments(), "counted when queued");
        double billed = registry.counter("milie.sms.segments", "kind", "receipt").count();

        relay.deliverDue();

        List<RecordingSmsSender.Sms> texts = sms.sentTo(phone);
        assertEquals(1, texts.size());
        assertThat(texts.get(0).text(), startsWith("Milie : merci, votre demande " + code + " est bien recue."));
        assertThat(texts.get(0).text(), containsString("https://app.milie.test/suivi/" + code));
        assertEquals(new SmsText.Segments(SmsText.Encoding.GSM_7, texts.get(0).text().length(), 2),
                SmsText.count(texts.get(0).text()));
        assertEquals(2, queuedFor(phone).get(0).segments(), "kept once the text is erased");
        assertEquals(billed + 2, registry.counter("milie.sms.segments", "kind", "receipt").count(), "segments sent, by kind");
        assertNotNull(queuedFor(phone).get(0).body(), "kept until its delivery receipt, for a retry");
    }

    @Test
    void aCitizenWithBothIsWrittenToByEmailOnly() {
        String email = uniqueEmail("both");
        String phone = uniquePhone();
        queue(new Outbox.Recipient(email, phone, "fr"), MessageKind.RECEIPT, receipt(trackingCode()), null);

        relay.deliverDue();

        onlyMailTo(email);
        assertTrue(sms.sentTo(phone).isEmpty());
    }

    @Test
    void aCitizenWithoutContactGetsNothing() {
        UUID requestId = UUID.randomUUID();
        queue(new Outbox.Recipient(null, " ", "fr"), MessageKind.RECEIPT, receipt(trackingCode()), requestId);

        long queued = QuarkusTransaction.requiringNew().call(() -> messages.count("requestId", requestId));
        assertEquals(0, queued);
    }

    @Test
    void queueingOutsideATransactionIsRefused() {
        assertThrows(TransactionalException.class, () -> outbox.notify(
                new Outbox.Recipient(uniqueEmail("notx"), null, "fr"), MessageKind.RECEIPT, receipt(trackingCode()), null));
    }

    @Test
    void aDeliveredMessageIsMarkedSentAndKeepsNoContent() {
        String email = uniqueEmail("erased");
        UUID requestId = UUID.randomUUID();
        queue(new Outbox.Recipient(email, null, "fr"), MessageKind.RECEIPT, receipt(trackingCode()), requestId);
        OutboxMessage queued = queuedFor(email).get(0);
        assertEquals(OutboxMessage.Status.PENDING, queued.status());
        assertEquals(OutboxMessage.Channel.EMAIL, queued.channel());
        assertEquals(MessageKind.RECEIPT, queued.kind());
        assertEquals(requestId, queued.requestId());
        assertThat(queued.body(), containsString("Votre code de suivi"));

        relay.deliverDue();

        OutboxMessage sent = queuedFor(email).get(0);
        assertEquals(OutboxMessage.Status.SENT, sent.status());
        assertEquals(1, sent.attempts());
        assertNotNull(sent.sentAt());
        assertNull(sent.body());
        assertNull(sent.htmlBody());
        assertNotNull(sent.subject());
    }

    @Test
    void aMessageThatCannotBeSentDelaysOnlyItself() {
        String broken = "not-an-address-" + unique("x");
        String fine = uniqueEmail("fine");
        queue(new Outbox.Recipient(broken, null, "fr"), MessageKind.RECEIPT, receipt(trackingCode()), null);
        queue(new Outbox.Recipient(fine, null, "fr"), MessageKind.RECEIPT, receipt(trackingCode()), null);

        relay.deliverDue();

        onlyMailTo(fine);
        OutboxMessage failed = queuedFor(broken).get(0);
        assertEquals(OutboxMessage.Status.PENDING, failed.status());
        assertEquals(1, failed.attempts());
        assertTrue(failed.nextAttemptAt().isAfter(failed.createdAt()));
        assertNotNull(failed.lastError());
        assertThat("no personal data in the error", failed.lastError(), not(containsString(broken)));
    }

    @Test
    void deliveriesShowInTheMetrics() {
        queue(new Outbox.Recipient(uniqueEmail("metrics"), null, "fr"), MessageKind.RECEIPT, receipt(trackingCode()), null);
        relay.deliverDue();

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("milie_outbox_sent_total{channel=\"email\"}"))
                .body(containsString("milie_outbox_attempts_failed_total{channel=\"sms\"}"))
                .body(containsString("milie_outbox_failed_total{channel=\"email\"}"))
                .body(containsString("milie_outbox_pending "))
                .body(containsString("milie_sms_segments_total{kind=\"receipt\"}"));
    }

    @Test
    void theOldestDueMessageTellsHowLateTheRelayIsAndNothingIsDueOnceItCaughtUp() {
        queue(new Outbox.Recipient(uniqueEmail("late"), null, "fr"), MessageKind.RECEIPT, receipt(trackingCode()), null);
        clock.advance(Duration.ofMinutes(10)); // no relay ran meanwhile
        try {
            Instant now = clock.instant();
            Instant dueSince = QuarkusTransaction.requiringNew().call(() -> messages.oldestDueSince(now)).orElseThrow();
            assertTrue(!dueSince.isAfter(now.minus(Duration.ofMinutes(10))), "due for ten minutes at least: " + dueSince);

            while (relay.deliverDue() > 0) {
                // drained
            }

            assertEquals(0.0, registry.get("milie.outbox.oldest.due.seconds").gauge().value(), "nothing due is left");
        } finally {
            clock.reset();
        }
    }
}
