package ci.milie.common.db;

import jakarta.persistence.EntityManager;

/**
 * For a long transaction that writes no request event (a statistics roll-up): says so, so that the
 * live feed, which waits for every transaction that may still add an event, does not wait for this
 * one (V31, {@code feed_horizon()}). The marker is a shared advisory lock held until the
 * transaction ends. A transaction that declares this and then records an event would have that
 * event skipped by the streams: only transactions that never touch request_event may call it.
 */
public final class FeedBystander {

    /** "MILI" in ASCII, and the marker's number: the pair V31's function looks for. */
    static final int NAMESPACE = 1296649289;
    static final int WRITES_NO_EVENT = 1;

    private FeedBystander() {
    }

    /** Marks the current transaction; call it first thing in the transaction. */
    public static void declare(EntityManager em) {
        em.createNativeQuery("select pg_advisory_xact_lock_shared(?1, ?2)").setParameter(1, NAMESPACE)
                .setParameter(2, WRITES_NO_EVENT).getSingleResult();
    }
}
