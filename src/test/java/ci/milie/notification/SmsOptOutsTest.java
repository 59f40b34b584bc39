package ci.milie.notification;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ci.milie.support.Codes;
import ci.milie.support.Outboxes;
import ci.milie.support.RecordingSmsSender;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** STOP and START: an opted-out number gets no SMS but the confirmation of its opt-out and the codes it asks for. */
@QuarkusTest
class SmsOptOutsTest {

    @Inject
    SmsOptOuts optOuts;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxMessageRepository messages;

    @Inject
    RecordingSmsSender sms;

    private static String uniqueLocal() {
        return "07" + (10_000_000 + new Random().nextInt(89_999_999));
    }

    private void queueReceipt(String phone) {
        QuarkusTransaction.requiringNew().run(() -> outbox.notify(new Outbox.Recipient(null, phone, "fr"),
                MessageKind.RECEIPT, OutboxTest.receipt("MIL-STOP-0001"), null));
    }

    private List<String> textsTo(String e164) {
        return sms.sentTo(e164).stream().map(RecordingSmsSender.Sms::text).toList();
    }

    @Test
    void anOptedOutNumberGetsTheConfirmationAndNothingAfter() {
        String local = uniqueLocal();
        String e164 = "+225" + local;

        optOuts.optOut(local, "fr");
        queueReceipt(e164);
        Outboxes.drain(relay);

        assertTrue(optOuts.isOptedOut(e164));
        assertTrue(optOuts.isOptedOut("+225 " + local.substring(0, 2) + " " + local.substring(2)), "any writing of the number");
        assertEquals(List.of("Milie : vous ne recevrez plus de SMS de Milie. Pour les recevoir à nouveau, envoyez START."),
                textsTo(e164));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> messages.count("recipient = ?1 and kind = ?2", e164,
                MessageKind.RECEIPT)), "not even queued");
    }

    @Test
    void aMessageQueuedBeforeStopIsNotSentAfterIt() {
        String e164 = "+225" + uniqueLocal();
        queueReceipt(e164);

        optOuts.optOut(e164, "en");
        Outboxes.drain(relay);

        assertEquals(List.of("Milie: you will no longer get text messages from Milie. To get them again, send START."),
                textsTo(e164));
        OutboxMessage receipt = QuarkusTransaction.requiringNew().call(() -> messages
                .find("recipient = ?1 and kind = ?2", e164, MessageKind.RECEIPT).singleResult());
        assertEquals(OutboxMessage.Status.FAILED, receipt.status());
        assertEquals("The number opted out of SMS before the message was sent", receipt.lastError());
    }

    @Test
    void startOptsBackInWithItsConfirmation() {
        String e164 = "+225" + uniqueLocal();
        optOuts.optOut(e164, "fr");
        optOuts.optOut(e164, "fr"); // STOP twice: still one opt-out, and a second confirmation

        optOuts.optIn(e164, "fr");
        queueReceipt(e164);
        Outboxes.drain(relay);

        assertFalse(optOuts.isOptedOut(e164));
        List<String> texts = textsTo(e164);
        assertEquals(4, texts.size());
        assertEquals("Milie : vous recevez de nouveau les SMS de Milie. Pour ne plus les recevoir, envoyez STOP.", texts.get(2));
        assertThat(texts.get(3), startsWith("Milie : merci, votre demande MIL-STOP-0001 est bien recue."));
    }

    @Test
    void anOptedOutNumberGetsTheSignInCodeItAsksForButNoReceipt() {
        String e164 = "+225" + uniqueLocal();
        optOuts.optOut(e164, "fr");
        queueReceipt(e164);

        String token = Codes.signInCitizenByPhone(sms, relay, e164);

        assertThat(token, not(emptyOrNullString()));
        List<String> texts = textsTo(e164);
        assertEquals(2, texts.size(), "the confirmation and the code: " + texts);
        assertThat(texts.get(1), startsWith("Milie : votre code de connexion est "));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> messages.count("recipient = ?1 and kind = ?2", e164,
                MessageKind.RECEIPT)), "the receipt is not even queued");
    }

    @Test
    void codesQueuedBeforeStopAreStillSentAndTheReceiptIsNot() {
        String e164 = "+225" + uniqueLocal();
        queueReceipt(e164);
        for (MessageKind code : List.of(MessageKind.OTP_CODE, MessageKind.PRIVACY_CODE)) {
            QuarkusTransaction.requiringNew().run(() -> outbox.notify(new Outbox.Recipient(null, e164, "en"), code,
                    Map.of("code", "482913", "minutes", 10L), null));
        }

        optOuts.optOut(e164, "en");
        Outboxes.drain(relay);

        List<String> texts = textsTo(e164);
        assertEquals(3, texts.size(), texts.toString());
        assertTrue(texts.contains("Milie: your sign-in code is 482913. It is valid for 10 min. Never share it with anyone."));
        assertTrue(texts.stream().anyMatch(text -> text.startsWith("Milie: code 482913 to copy or erase your data")), texts.toString());
        assertTrue(texts.contains("Milie: you will no longer get text messages from Milie. To get them again, send START."));
        OutboxMessage receipt = QuarkusTransaction.requiringNew().call(() -> messages
                .find("recipient = ?1 and kind = ?2", e164, MessageKind.RECEIPT).singleResult());
        assertEquals(OutboxMessage.Status.FAILED, receipt.status());
    }

    @Test
    void onlyTheConfirmationAndTheCodesAskedForReachAnOptedOutNumber() {
        assertEquals(java.util.EnumSet.of(MessageKind.SMS_OPTED_OUT, MessageKind.OTP_CODE, MessageKind.PRIVACY_CODE),
                java.util.EnumSet.copyOf(java.util.Arrays.stream(MessageKind.values()).filter(MessageKind::reachesOptedOut).toList()));
    }

    @Test
    void aNumberThatNeverSentStopIsNotOptedOut() {
        assertFalse(optOuts.isOptedOut("+225" + uniqueLocal()));
        assertFalse(optOuts.isOptedOut("not a number"));
    }

    @Test
    void somethingThatIsNotAPhoneNumberCannotOptOut() {
        assertThrows(IllegalArgumentException.class, () -> optOuts.optOut("12", "fr"));
    }

    @Test
    void otherChannelsIgnoreTheOptOut() {
        String e164 = "+225" + uniqueLocal();
        optOuts.optOut(e164, "fr");
        String email = "optout-" + e164.substring(1) + "@example.org";
        QuarkusTransaction.requiringNew().run(() -> outbox.notify(new Outbox.Recipient(email, e164, "fr"),
                MessageKind.RECEIPT, Map.of("trackingCode", "MIL-STOP-0002", "subject", "Eau",
                        "trackingUrl", "https://app.milie.test/suivi/MIL-STOP-0002"), null));

        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> messages.count("recipient", email)));
    }
}
