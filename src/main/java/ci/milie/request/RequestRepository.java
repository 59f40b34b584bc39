package ci.milie.request;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RequestRepository implements PanacheRepositoryBase<CitizenRequest, UUID> {

    private final EntityManager em;

    RequestRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<CitizenRequest> findByTrackingCode(String code) {
        return find("trackingCode", code).firstResultOptional();
    }

    /** Answered requests whose answer is older than {@code before}: their dispute window has ended. */
    public List<CitizenRequest> answeredBefore(java.time.Instant before, int limit) {
        return find("status = ?1 and answeredAt < ?2 order by answeredAt", RequestStatus.ANSWERED, before)
                .range(0, limit - 1).list();
    }

    /** Ids of open requests due before {@code horizon}, most urgent first: the deadline watch's candidates. */
    public List<UUID> openDueBefore(java.time.Instant horizon, int limit) {
        return em.createQuery("select r.id from CitizenRequest r where r.status in ?1 and r.dueAt < ?2 order by r.dueAt",
                UUID.class)
                .setParameter(1, List.of(RequestStatus.RECEIVED, RequestStatus.ROUTED, RequestStatus.IN_PROGRESS,
                        RequestStatus.UNDER_REVIEW))
                .setParameter(2, horizon).setMaxResults(limit).getResultList();
    }

    /** Loads a request locked for update, for moves that must not race (one feedback per answer). */
    public void lock(CitizenRequest request) {
        em.lock(request, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    boolean trackingCodeTaken(String code) {
        return count("trackingCode", code) > 0;
    }

    /**
     * Persists the events the aggregate recorded and flushes, so that a stale version fails here
     * (409) rather than at commit.
     */
    public void save(CitizenRequest request) {
        if (!isPersistent(request)) {
            persist(request);
        }
        List<RequestEvent> events = request.newEvents();
        events.forEach(em::persist);
        events.clear();
        flush();
    }

    List<RequestEvent> events(UUID requestId, boolean publicOnly) {
        String query = "from RequestEvent where requestId = ?1" + (publicOnly ? " and visibility = ?2" : "")
                + " order by seq";
        var typed = em.createQuery(query, RequestEvent.class).setParameter(1, requestId);
        if (publicOnly) {
            typed.setParameter(2, Visibility.PUBLIC);
        }
        return typed.getResultList();
    }
}
