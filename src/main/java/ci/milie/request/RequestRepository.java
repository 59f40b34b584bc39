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
        // JDBC with typed getters: as a native query, Hibernate resolved the columns' types from the
        // result set's metadata at every call. Nothing is pending in the session here.
        return em.unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            try (var statement = connection.prepareStatement("""
                    select r.id, r.tracking_code, r.access_key_hash, r.type, r.status, r.submitted_at, r.updated_at,
                           r.due_at, c.id, c.code, c.label_fr, c.label_en, a.name,
                           e.id, e.type, e.occurred_at, e.from_status, e.to_status, t.message, e.actor_role
                    from citizen_request r
                    join category c on c.id = r.category_id
                    left join administration a on a.id = r.administration_id
                    left join request_event e on e.request_id = r.id and e.visibility = 'PUBLIC'
                    left join request_event_text t on t.event_id = e.id
                    where r.tracking_code = ?
                    order by e.seq""")) {
                statement.setString(1, code);
                try (var rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<TrackingRow>empty();
                    }
                    TrackingRow request = new TrackingRow(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            RequestType.valueOf(rows.getString(4)), RequestStatus.valueOf(rows.getString(5)), instant(rows, 6),
                            instant(rows, 7), instant(rows, 8), rows.getObject(9, UUID.class), rows.getString(10),
                            rows.getString(11), rows.getString(12), rows.getString(13), new ArrayList<>());
                    do {
                        UUID event = rows.getObject(14, UUID.class);
                        if (event != null) {
                            request.timeline().add(new PublicEvent(event, EventType.valueOf(rows.getString(15)), instant(rows, 16),
                                    status(rows.getString(17)), status(rows.getString(18)), rows.getString(19), rows.getString(20)));
                        }
                    } while (rows.next());
                    return Optional.of(new TrackingRow(request.id(), request.trackingCode(), request.accessKeyHash(),
                            request.type(), request.status(), request.submittedAt(), request.updatedAt(), request.dueAt(),
                            request.categoryId(), request.categoryCode(), request.categoryLabelFr(), request.categoryLabelEn(),
                            request.administrationName(), List.copyOf(request.timeline())));
                }
            }
        });
    }

    private static Instant instant(java.sql.ResultSet rows, int column) throws java.sql.SQLException {
        java.time.OffsetDateTime value = rows.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static RequestStatus status(Object value) {
        return value == null ? null : RequestStatus.valueOf((String) value);
    }

    /**
     * The request, to read only (a key holder's view changes nothing): Hibernate keeps no copy of
     * its state to compare at flush.
     */
    CitizenRequest findToRead(UUID id) {
        return em.find(CitizenRequest.class, id, java.util.Map.of(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true));
    }

    boolean trackingCodeTaken(String code) {
        // Plain SQL on the unique index, without flushing the session first: a submission asks this
        // before anything is persisted, and a Panache count cost a sixth of its CPU (docs/PERFORMANCE.md).
        // JDBC rather than a native query: Hibernate would read the result set's metadata at every call.
        return em.unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            try (var statement = connection.prepareStatement("select exists (select 1 from citizen_request where tracking_code = ?)")) {
                statement.setString(1, code);
                try (var result = statement.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            }
        });
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
