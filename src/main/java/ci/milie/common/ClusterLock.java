package ci.milie.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Runs a scheduled job once at a time across every instance sharing the database: a PostgreSQL
 * advisory lock held for the caller's transaction. An instance that cannot take it skips this
 * run; the lock goes away with the transaction, even if the instance dies.
 */
@ApplicationScoped
public class ClusterLock {

    private final EntityManager em;

    ClusterLock(EntityManager em) {
        this.em = em;
    }

    /** True if this transaction now holds the lock named {@code job}; call inside the job's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryAcquire(String job) {
        Object acquired = em.createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "milie-job:" + job).getSingleResult();
        return Boolean.TRUE.equals(acquired);
    }
}
