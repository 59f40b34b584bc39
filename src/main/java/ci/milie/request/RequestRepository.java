package ci.milie.request;

import static ci.milie.common.SqlValues.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import ci.milie.directory.RequestType;

@ApplicationScoped
class RequestRepository implements PanacheRepositoryBase<CitizenRequest, UUID> {

    private final EntityManager em;

    RequestRepository(EntityManager em) {
        this.em = em;
    }

    /** Ids of answered requests whose answer is older than {@code before}: their dispute window has ended. */
    List<UUID> answeredBefore(java.time.Instant before, int limit) {
        return em.createQuery("select r.id from CitizenRequest r where r.status = ?1 and r.answeredAt < ?2 order by r.answeredAt",
                UUID.class).setParameter(1, RequestStatus.ANSWERED).setParameter(2, before).setMaxResults(limit)
                .getResultList();
    }

    /** Ids of open requests due before {@code horizon}, most urgent first: the deadline watch's candidates. */
    List<UUID> openDueBefore(java.time.Instant horizon, int limit) {
        return em.createQuery("select r.id from CitizenRequest r where r.status in ?1 and r.dueAt < ?2 order by r.dueAt",
                UUID.class)
                .setParameter(1, List.copyOf(RequestStatus.RUNNING))
                .setParameter(2, horizon).setMaxResults(limit).getResultList();
    }

    /** Loads a request locked for update, for moves that must not race (one feedback per answer). */
    void lock(CitizenRequest request) {
        em.lock(request, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * What public tracking shows of a request: the request, its category, the name of its
     * administration and its public timeline, read in one query (one row per public event) rather
     * than loading the request, then its category, its administration and its events.
     */
    record TrackingRow(UUID id, String trackingCode, String accessKeyHash, RequestType type, RequestStatus status,
            Instant submittedAt, Instant updatedAt, Instant dueAt, UUID categoryId, String categoryCode,
            String categoryLabelFr, String categoryLabelEn, String administrationName, List<PublicEvent> timeline) {
    }

    /** One public event of a request's timeline. */
    record PublicEvent(UUID id, EventType type, Instant occurredAt, RequestStatus fromStatus, RequestStatus toStatus,
            String message, String actorRole) {
    }

    Optional<TrackingRow> findForTracking(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select r.id, r.tracking_code, r.access_key_hash, r.type, r.status, r.submitted_at, r.updated_at,
                       r.due_at, c.id, c.code, c.label_fr, c.label_en, a.name,
                       e.id, e.type, e.occurred_at, e.from_status, e.to_status, t.message, e.actor_role
                from citizen_request r
                join category c on c.id = r.category_id
                left join administration a on a.id = r.administration_id
                left join request_event e on e.request_id = r.id and e.visibility = 'PUBLIC'
                left join request_event_text t on t.event_id = e.id
                where r.tracking_code = ?1
                order by e.seq""").setParameter(1, code).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<PublicEvent> timeline = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (row[13] != null) {
                timeline.add(new PublicEvent((UUID) row[13], EventType.valueOf((String) row[14]), instant(row[15]),
                        status(row[16]), status(row[17]), (String) row[18], (String) row[19]));
            }
        }
        Object[] row = rows.get(0);
        return Optional.of(new TrackingRow((UUID) row[0], (String) row[1], (String) row[2],
                RequestType.valueOf((String) row[3]), RequestStatus.valueOf((String) row[4]), instant(row[5]),
                instant(row[6]), instant(row[7]), (UUID) row[8], (String) row[9], (String) row[10], (String) row[11],
                (String) row[12], timeline));
    }

    private static RequestStatus status(Object value) {
        return value == null ? null : RequestStatus.valueOf((String) value);
    }

    boolean trackingCodeTaken(String code) {
        // Plain SQL on the unique index, without flushing the session first: a submission asks this
        // before anything is persisted, and a Panache count cost a sixth of its CPU (docs/PERFORMANCE.md).
        return (Boolean) em.createNativeQuery("select exists (select 1 from citizen_request where tracking_code = ?1)")
                .setParameter(1, code).setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getSingleResult();
    }

    /**
     * Persists the events the aggregate recorded and flushes, so that a stale version fails here
     * (409) rather than at commit.
     */
    List<RequestEvent> save(CitizenRequest request) {
        if (!isPersistent(request)) {
            persist(request);
        }
        List<RequestEvent> events = List.copyOf(request.newEvents());
        events.forEach(em::persist);
        request.newEvents().clear();
        flush();
        return events;
    }

    RequestEvent event(UUID eventId) {
        return em.find(RequestEvent.class, eventId);
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
