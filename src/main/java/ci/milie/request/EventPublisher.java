package ci.milie.request;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import ci.milie.common.db.ChannelNotifier;

/**
 * Publishes the events of a transaction once it has committed, in the order they were recorded, and
 * rings every instance's live feed
 * (one synchronization per transaction: the transaction manager would call one per event in
 * reverse order). Nothing is published for a transaction that rolls back. Before that, inside the
 * transaction, the same events are fired together as one {@link RequestEventsSaved}, for the
 * observers whose writes must commit with the move (the webhooks' deliveries).
 */
@ApplicationScoped
class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);
    private static final Object KEY = EventPublisher.class;

    private final TransactionSynchronizationRegistry transactions;
    private final Event<RequestEventRecorded> published;
    private final Event<RequestEventsSaved> saved;
    private final ChannelNotifier notifier;

    EventPublisher(TransactionSynchronizationRegistry transactions, Event<RequestEventRecorded> published,
            Event<RequestEventsSaved> saved, ChannelNotifier notifier) {
        this.transactions = transactions;
        this.published = published;
        this.saved = saved;
        this.notifier = notifier;
    }

    void afterCommit(List<RequestEventRecorded> events) {
        if (!events.isEmpty()) {
            // in the move's transaction: what its observers write exists if and only if the move commits
            saved.fire(new RequestEventsSaved(List.copyOf(events)));
        }
        @SuppressWarnings("unchecked")
        List<RequestEventRecorded> pending = (List<RequestEventRecorded>) transactions.getResource(KEY);
        if (pending == null) {
            List<RequestEventRecorded> queue = new ArrayList<>();
            transactions.putResource(KEY, queue);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED && !queue.isEmpty()) {
                        // every instance's live feed reads what was committed (after commit: see ChannelNotifier)
                        notifier.ring(EventFeed.CHANNEL);
                        queue.forEach(EventPublisher.this::fire);
                    }
                }
            });
            pending = queue;
        }
        pending.addAll(events);
    }

    private void fire(RequestEventRecorded event) {
        try {
            published.fire(event);
        } catch (RuntimeException e) {
            // The change is committed: a failing subscriber must not make it look failed.
            LOG.warnf("A subscriber failed on event %s (%s): %s", event.eventId(), event.type(), e.toString());
        }
    }
}
