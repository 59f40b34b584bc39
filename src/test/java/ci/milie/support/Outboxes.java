package ci.milie.support;

import ci.milie.notification.OutboxRelay;

/** Tests share one database: other tests may leave messages queued, so drain the whole outbox, not one batch. */
public final class Outboxes {

    private Outboxes() {
    }

    public static void drain(OutboxRelay relay) {
        for (int round = 0; round < 1000 && relay.deliverDue() > 0; round++) {
            // keep delivering until nothing is due
        }
    }
}
