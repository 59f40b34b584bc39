package ci.milie.request;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.common.Page;
import ci.milie.common.ProblemException;

/** Scopes the work queue to what the caller may see, whatever filters they ask for. */
@ApplicationScoped
public class WorkQueueService {

    private final EntityManager em;
    private final Clock clock;

    WorkQueueService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Views.RequestSummary> queue(WorkQueue.Filter requested, WorkQueue.Sort sort, int limit, String cursor,
            Caller caller) {
        RequestAccess.Scope scope = RequestAccess.scope(caller);
        if (scope.byCodeAndPhoneOnly() && (requested.trackingCode() == null || requested.phone() == null)) {
            throw ProblemException.invalid("trackingCode", "field.trackingCodeWithPhone");
        }
        WorkQueue.Filter filter = requested.scoped(scope.administrationId().orElse(requested.administrationId()),
                scope.seesAnonymousContacts());
        return new WorkQueue(em, clock).page(filter, sort, limit, cursor);
    }
}
