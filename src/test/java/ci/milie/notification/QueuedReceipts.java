package ci.milie.notification;

import static ci.milie.support.Api.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** A receipt queued for a fresh address, committed, and the one row it left in the outbox. */
final class QueuedReceipts {

    private QueuedReceipts() {
    }

    /** Queues the receipt of {@code code} for a new address starting with {@code prefix}; returns the address. */
    static String queue(Outbox outbox, String prefix, String code) {
        String email = uniqueEmail(prefix);
        QuarkusTransaction.requiringNew().run(() -> outbox.notify(new Outbox.Recipient(email, null, "fr"),
                MessageKind.RECEIPT, OutboxTest.receipt(code), null));
        return email;
    }

    static OutboxMessage stored(OutboxMessageRepository messages, String email) {
        List<OutboxMessage> found = QuarkusTransaction.requiringNew().call(() -> messages.list("recipient", email));
        assertEquals(1, found.size());
        return found.get(0);
    }
}
