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
                + " order by occurredAt, id";
        var typed = em.createQuery(query, RequestEvent.class).setParameter(1, requestId);
        if (publicOnly) {
            typed.setParameter(2, Visibility.PUBLIC);
        }
        return typed.getResultList();
    }
}
