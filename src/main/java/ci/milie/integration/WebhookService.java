package ci.milie.integration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import ci.milie.common.ReferenceData;
import ci.milie.common.Caller;
import ci.milie.common.Keyset;
import ci.milie.common.Page;
import ci.milie.common.ProblemException;
import ci.milie.common.Roles;

/**
 * An integration client's webhooks. A client sees and changes its own subscriptions only; any
 * other id is a 404, the same answer as for one that does not exist. A sysadmin may read every
 * subscription and its log and delete any (a compromised or abusive receiver), but neither makes
 * one nor reads a secret: there is no secret to read after creation or rotation.
 */
@ApplicationScoped
class WebhookService {

    /** At most this many events are queued again by one replay of a time range. */
    static final int MAX_REPLAY = 1000;

    private final EntityManager entities;
    private final WebhookTargets targets;
    private final WebhookSecrets secrets;
    private final WebhookPayloads payloads;
    private final WebhookConfig config;
    private final Clock clock;
    private final ReferenceData reference;

    WebhookService(EntityManager entities, WebhookTargets targets, WebhookSecrets secrets, WebhookPayloads payloads,
            WebhookConfig config, Clock clock, ReferenceData reference) {
        this.reference = reference;
        this.entities = entities;
        this.targets = targets;
        this.secrets = secrets;
        this.payloads = payloads;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    WebhookSecretView create(Caller caller, CreateWebhookCommand command) {
        reference.changed("webhook_subscription");
        UUID clientId = readingClient(caller);
        targets.checkRegistration(command.url());
        List<String> types = eventTypes(command.eventTypes());
        UUID id = UUID.randomUUID();
        String secret = WebhookSecrets.generate();
        Instant now = clock.instant();
        WebhookSubscription subscription = new WebhookSubscription(id, clientId, command.url(), types,
                command.active() == null || command.active(), secrets.seal(secret, id), now);
        entities.persist(subscription);
        entities.flush();
        return new WebhookSecretView(WebhookView.of(subscription, now), secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Page<WebhookView> list(Caller caller, String cursor, int limit) {
        String[] after = Keyset.after(cursor, key -> key.split("\\|", 2));
        boolean everyone = caller.hasRole(Roles.SYSADMIN);
        // one query per case: PostgreSQL cannot type a null parameter compared with "is null"
        String where = (everyone ? "true" : "s.clientId = :client")
                + (after == null ? "" : " and (s.createdAt > :afterAt or (s.createdAt = :afterAt and s.id > :afterId))");
        var query = entities.createQuery("from WebhookSubscription s where " + where + " order by s.createdAt, s.id",
                WebhookSubscription.class).setMaxResults(limit + 1);
        if (!everyone) {
            query.setParameter("client", clientOf(caller));
        }
        if (after != null) {
            query.setParameter("afterAt", Instant.parse(after[0])).setParameter("afterId", UUID.fromString(after[1]));
        }
        Instant now = clock.instant();
        return Keyset.page(query.getResultList(), limit, s -> s.createdAt() + "|" + s.id(), s -> WebhookView.of(s, now));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    WebhookView get(Caller caller, UUID id) {
        return WebhookView.of(visible(caller, id), clock.instant());
    }

    @Transactional
    WebhookView update(Caller caller, UUID id, UpdateWebhookCommand command, String ifMatch) {
        reference.changed("webhook_subscription");
        WebhookSubscription subscription = own(caller, id);
        checkVersion(subscription, ifMatch);
        if (!command.url().equals(subscription.url())) {
            targets.checkRegistration(command.url());
        }
        subscription.update(command.url(), eventTypes(command.eventTypes()), command.active(), clock.instant());
        entities.flush();
        return WebhookView.of(subscription, clock.instant());
    }

    @Transactional
    void delete(Caller caller, UUID id) {
        reference.changed("webhook_subscription");
        entities.remove(caller.hasRole(Roles.SYSADMIN) ? visible(caller, id) : own(caller, id));
    }

    /** A new secret; the current one keeps signing (a second v1) for milie.integrations.webhooks.secret-overlap. */
    @Transactional
    WebhookSecretView rotate(Caller caller, UUID id) {
        WebhookSubscription subscription = own(caller, id);
        entities.lock(subscription, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        String secret = WebhookSecrets.generate();
        Instant now = clock.instant();
        subscription.rotate(secrets.seal(secret, id), now, now.plus(config.secretOverlap()));
        entities.flush();
        return new WebhookSecretView(WebhookView.of(subscription, now), secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Page<WebhookDeliveryView> deliveries(Caller caller, UUID id, String cursor, int limit) {
        visible(caller, id);
        Long after = Keyset.after(cursor, Long::valueOf);
        var query = entities.createQuery("from WebhookDelivery d where d.subscriptionId = :id"
                + (after == null ? "" : " and d.position < :after") + " order by d.position desc", WebhookDelivery.class)
                .setParameter("id", id).setMaxResults(limit + 1);
        if (after != null) {
            query.setParameter("after", after);
        }
        List<WebhookDelivery> rows = query.getResultList();
        return Keyset.page(rows, limit, d -> Long.toString(d.position()), WebhookDeliveryView::of);
    }

    /** Queues the delivery's event again, with the same id, behind what is already queued. */
    @Transactional
    WebhookDeliveryView replay(Caller caller, UUID id, UUID deliveryId) {
        own(caller, id);
        WebhookDelivery original = entities.find(WebhookDelivery.class, deliveryId);
        if (original == null || !original.subscriptionId().equals(id)) {
            throw ProblemException.notFound("NOT_FOUND.webhook-delivery");
        }
        WebhookDelivery again = new WebhookDelivery(id, payloadOf(original), original.id(), clock.instant());
        entities.persist(again);
        entities.flush();
        entities.refresh(again);
        return WebhookDeliveryView.of(again);
    }

    /** Queues again, once each and in their order, the events already sent to this webhook that occurred in [from, to). */
    @Transactional
    WebhookReplayView replayRange(Caller caller, UUID id, ReplayWebhookCommand command) {
        own(caller, id);
        if (!command.from().isBefore(command.to())) {
            throw ProblemException.invalid("to", "field.afterFrom");
        }
        List<WebhookDelivery> firsts = entities.createQuery("""
                from WebhookDelivery d where d.subscriptionId = :id and d.replayOf is null
                  and d.occurredAt >= :from and d.occurredAt < :to
                order by d.position""", WebhookDelivery.class)
                .setParameter("id", id).setParameter("from", command.from()).setParameter("to", command.to())
                .setMaxResults(MAX_REPLAY).getResultList();
        Instant now = clock.instant();
        for (WebhookDelivery original : firsts) {
            entities.persist(new WebhookDelivery(id, payloadOf(original), original.id(), now));
        }
        return new WebhookReplayView(firsts.size());
    }

    private WebhookPayloads.Payload payloadOf(WebhookDelivery original) {
        if (original.body() != null) {
            return new WebhookPayloads.Payload(original.eventId(), original.requestId(), original.eventType(),
                    original.occurredAt(), original.sequence(), original.body());
        }
        if (WebhookPayloads.REQUEST_ERASED.equals(original.eventType())) {
            String code = (String) entities.createNativeQuery("select tracking_code from citizen_request where id = :id")
                    .setParameter("id", original.requestId()).getResultStream().findFirst().orElse(null);
            return payloads.erased(original.eventId(), original.requestId(), code, original.sequence(),
                    original.occurredAt());
        }
        return payloads.ofStored(original.eventId())
                .orElseThrow(() -> ProblemException.notFound("NOT_FOUND.webhook-delivery"));
    }

    private static List<String> eventTypes(List<String> requested) {
        List<String> known = WebhookPayloads.types();
        List<String> types = new ArrayList<>(new LinkedHashSet<>(requested));
        for (String type : types) {
            if (!known.contains(type)) {
                throw ProblemException.invalid("eventTypes", "field.eventType", type);
            }
        }
        return types;
    }

    private static void checkVersion(WebhookSubscription subscription, String ifMatch) {
        if (ifMatch != null && !ifMatch.isBlank()
                && !ifMatch.trim().replace("W/", "").replace("\"", "").equals(Long.toString(subscription.version()))) {
            throw ProblemException.conflict("CONCURRENT_MODIFICATION", "CONCURRENT_MODIFICATION.reload");
        }
    }

    /** The caller's client id, when that client is active and may read requests (what its webhooks carry). */
    private UUID readingClient(Caller caller) {
        UUID clientId = clientOf(caller);
        long allowed = ((Number) entities.createNativeQuery("""
                select count(*) from integration_client
                where id = :id and active and 'REQUESTS_READ' = any(permissions)""")
                .setParameter("id", clientId).getSingleResult()).longValue();
        if (allowed == 0) {
            throw ProblemException.forbidden("FORBIDDEN.webhook-permission");
        }
        return clientId;
    }

    private static UUID clientOf(Caller caller) {
        if (!caller.hasRole(Roles.INTEGRATION)) {
            throw ProblemException.forbidden("FORBIDDEN.webhook-permission");
        }
        return caller.id().orElseThrow(() -> ProblemException.forbidden("FORBIDDEN.webhook-permission"));
    }

    /** The caller's own subscription, or 404. */
    private WebhookSubscription own(Caller caller, UUID id) {
        WebhookSubscription subscription = entities.find(WebhookSubscription.class, id);
        if (subscription == null || !caller.hasRole(Roles.INTEGRATION) || caller.id().isEmpty()
                || !subscription.clientId().equals(caller.id().get())) {
            throw ProblemException.notFound("NOT_FOUND.webhook");
        }
        return subscription;
    }

    /** The caller's own subscription, or any for a sysadmin; 404 otherwise. */
    private WebhookSubscription visible(Caller caller, UUID id) {
        if (caller.hasRole(Roles.SYSADMIN)) {
            WebhookSubscription subscription = entities.find(WebhookSubscription.class, id);
            if (subscription == null) {
                throw ProblemException.notFound("NOT_FOUND.webhook");
            }
            return subscription;
        }
        return own(caller, id);
    }
}
