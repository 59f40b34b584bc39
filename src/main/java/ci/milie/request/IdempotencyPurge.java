package ci.milie.request;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

/**
 * Forgets idempotency records after their 24 hours: they hold access keys in clear. Running on
 * several instances at once is harmless (the delete is idempotent).
 */
@ApplicationScoped
public class IdempotencyPurge {

    private final EntityManager em;
    private final Clock clock;

    IdempotencyPurge(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyHour() {
        purge();
    }

    /** Deletes the records past the window; returns how many. */
    @Transactional
    public int purge() {
        return em.createQuery("delete from IdempotencyRecord where createdAt < ?1")
                .setParameter(1, clock.instant().minus(SubmissionService.IDEMPOTENCY_WINDOW)).executeUpdate();
    }
}
