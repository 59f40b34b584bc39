package ci.milie.integration;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import ci.milie.common.ReferenceData;
import ci.milie.request.PersonalDataErased;
import ci.milie.request.RequestEventRecorded;
import ci.milie.request.RequestEventsSaved;

/**
 * Queues one delivery per event and subscription that wants it, in the move's transaction (a
 * delivery exists if and only if the move commits). A subscription wants an event when it is
 * active, names its type, and its client is active, may read requests (REQUESTS_READ) and has the
 * request in its scope: an OSEP client every request, an administration's client the requests
 * in its administration's hands after the move. Events of either visibility go out: a client sees
 * as its administration's agents do, and a body carries no free text anyway (WebhookPayloads).
 */
@ApplicationScoped
class WebhookDispatcher {

    private record Audience(String type, UUID administrationId) {
    }

    private final EntityManager entities;
    private final WebhookPayloads payloads;
    private final Clock clock;
    private final ReferenceData.Cache<Audience, List<UUID>> audiences;

    WebhookDispatcher(EntityManager entities, WebhookPayloads payloads, Clock clock, ReferenceData reference) {
        this.entities = entities;
        this.payloads = payloads;
        this.clock = clock;
        // every move asks, most often to hear that nobody subscribed
        this.audiences = reference.cache(10_000, "webhook_subscription", "integration_client");
    }

    void onSaved(@Observes RequestEventsSaved saved) {
        for (RequestEventRecorded event : saved.events()) {
            List<UUID> subscriptions = subscribers(event.type().name(), event.administrationId());
            if (subscriptions.isEmpty()) {
                continue;
            }
            WebhookPayloads.Payload payload = payloads.of(event);
            subscriptions.forEach(id -> entities.persist(new WebhookDelivery(id, payload, null, clock.instant())));
        }
    }

    /**
     * One REQUEST_ERASED per erased request to the subscribers that may read it (its administration's
     * and OSEP's), so that they erase what they copied. Its id is new; its sequence comes after
     * every event of the request.
     */
    void onErased(@Observes PersonalDataErased erased) {
        for (UUID requestId : erased.requestIds()) {
            Object[] request = (Object[]) entities.createNativeQuery("""
                    select tracking_code, administration_id, nextval(pg_get_serial_sequence('request_event', 'seq'))
                    from citizen_request where id = :id""").setParameter("id", requestId).getSingleResult();
            List<UUID> subscriptions = subscribers(WebhookPayloads.REQUEST_ERASED, (UUID) request[1]);
            if (subscriptions.isEmpty()) {
                continue;
            }
            WebhookPayloads.Payload payload = payloads.erased(UUID.randomUUID(), requestId, (String) request[0],
                    ((Number) request[2]).longValue(), clock.instant());
            subscriptions.forEach(id -> entities.persist(new WebhookDelivery(id, payload, null, clock.instant())));
        }
    }

    /** The active subscriptions to this type whose client may read a request of this administration. */
    List<UUID> subscribers(String type, UUID administrationId) {
        return audiences.get(new Audience(type, administrationId), audience -> read(audience.type(), audience.administrationId()));
    }

    private List<UUID> read(String type, UUID administrationId) {
        String scope = administrationId == null ? "c.administration_id is null"
                : "(c.administration_id is null or c.administration_id = :administration)";
        var query = entities.createNativeQuery("""
                select s.id from webhook_subscription s join integration_client c on c.id = s.client_id
                where s.active and c.active and 'REQUESTS_READ' = any(c.permissions)
                  and cast(:type as varchar) = any(s.event_types) and %s
                order by s.created_at, s.id""".formatted(scope)).setParameter("type", type);
        if (administrationId != null) {
            query.setParameter("administration", administrationId);
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        return List.copyOf(ids);
    }
}
