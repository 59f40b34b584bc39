package ci.milie.request;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.common.Page;
import ci.milie.common.ProblemException;
import ci.milie.common.Roles;

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
        java.util.UUID administration = requested.administrationId();
        if (caller.hasRole(Roles.AGENT)) {
            administration = caller.administrationId()
                    .orElseThrow(() -> ProblemException.forbidden("Your account is not attached to an administration"));
        } else if (caller.hasRole(Roles.OPERATOR) && !caller.hasRole(Roles.OSEP) && !caller.hasRole(Roles.SUPERVISOR)) {
            if (requested.trackingCode() == null || requested.phone() == null) {
                throw ProblemException.invalid("trackingCode", "operators look a request up by trackingCode and phone together");
            }
        }
        WorkQueue.Filter filter = requested.scoped(administration, ContactVisibility.seesContact(caller, true));
        return new WorkQueue(em, clock).page(filter, sort, limit, cursor);
    }
}
