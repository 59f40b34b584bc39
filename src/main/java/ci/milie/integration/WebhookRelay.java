package ci.milie.integration;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import ci.milie.common.ProblemException;
import ci.milie.common.ReferenceData;
import ci.milie.common.Stopping;
import ci.milie.common.Throwables;
import ci.milie.notification.MessageKind;
import ci.milie.notification.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the queued webhook deliveries, the outbox's way: each is claimed ({@code FOR UPDATE SKIP
 * LOCKED}) and committed as SENDING in its own short transaction, sent outside any, then recorded
 * in another, so instances share the work and never claim one delivery twice. In order per
 * request: a delivery waits while an earlier one of the same (subscription, request) is PENDING or
 * SENDING. 2xx delivers (the body is erased); anything else is tried again with exponential
 * backoff until {@code max-age} after it was queued, then given up. {@code 410 Gone} disables the
 * subscription at once, {@code max-failures} failed attempts in a row too; either way the
 * client's technical contact is e-mailed. A delivery whose send was interrupted (instance died)
 * is sent again after {@code sending-timeout}: at least once, so receivers de-duplicate by id.
 */
@ApplicationScoped
public class WebhookRelay {

    private static final Logger LOG = Logger.getLogger(WebhookRelay.class);

    /** What one send needs, read in the claiming transaction. */
    record Send(UUID deliveryId, URI uri, String body, UUID eventId, List<String> secrets) {
    }

    private final EntityManager entities;
    private final WebhookTargets targets;
    private final WebhookSender sender;
    private final WebhookSecrets secrets;
    private final WebhookPayloads payloads;
    private final Outbox outbox;
    private final Clock clock;
    private final WebhookConfig config;
    private final ReferenceData reference;
    private final Stopping stopping;
    private final Counter failedAttempts;
    private final Counter disabledSubscriptions;

    WebhookRelay(EntityManager entities, WebhookTargets targets, WebhookSender sender, WebhookSecrets secrets,
            WebhookPayloads payloads, Outbox outbox, Clock clock, WebhookConfig config, ReferenceData reference,
            Stopping stopping, MeterRegistry registry) {
        this.reference = reference;
        this.stopping = stopping;
        this.failedAttempts = Counter.builder("milie.webhooks.attempts.failed")
                .description("Webhook deliveries that failed (retried later, or given up once too old)").register(registry);
        this.disabledSubscriptions = Counter.builder("milie.webhooks.disabled")
                .description("Webhook subscriptions disabled after too many failures or a 410").register(registry);
        this.entities = entities;
        this.targets = targets;
        this.sender = sender;
        this.secrets = secrets;
        this.payloads = payloads;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(identity = "webhook-relay", every = "${milie.integrations.webhooks.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        deliverDue();
    }

    /** Attempts the deliveries due now, up to {@code batch-size}; returns how many were delivered. */
    public int deliverDue() {
        int delivered = 0;
        for (int i = 0; i < config.batchSize(); i++) {
            if (!stopping.begin()) {
                break; // the instance stops between two deliveries
            }
            try {
                Send send;
                try {
                    send = QuarkusTransaction.requiringNew().call(this::claimNext);
                } catch (RuntimeException e) {
                    LOG.errorf("Webhook relay stopped: %s", Throwables.describe(e));
                    break;
                }
                if (send == null) {
                    break;
                }
                WebhookSender.Answer answer = attempt(send);
                QuarkusTransaction.requiringNew().run(() -> record(send, answer));
                if (answer.status() != null && answer.status() / 100 == 2) {
                    delivered++;
                }
            } finally {
                stopping.end();
            }
        }
        return delivered;
    }

    private Send claimNext() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> due = entities.createNativeQuery("""
                select d.id from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                where s.active
                  and ((d.status = 'PENDING' and d.next_attempt_at <= :now)
                       or (d.status = 'SENDING' and d.sending_until <= :now))
                  and not exists (select 1 from webhook_delivery e
                                  where e.subscription_id = d.subscription_id and e.request_id = d.request_id
                                    and e.position < d.position and e.status in ('PENDING', 'SENDING'))
                order by d.position
                limit 1
                for update of d skip locked""").setParameter("now", now).getResultList();
        if (due.isEmpty()) {
            return null;
        }
        WebhookDelivery delivery = entities.find(WebhookDelivery.class, due.get(0));
        WebhookSubscription subscription = entities.find(WebhookSubscription.class, delivery.subscriptionId());
        String body = delivery.body() != null ? delivery.body()
                : payloads.ofStored(delivery.eventId()).map(WebhookPayloads.Payload::body).orElse(null);
        List<String> signing = new ArrayList<>();
        signing.add(secrets.open(subscription.secretSealed(), subscription.id()));
        String previous = subscription.previousSecretSealed(now);
        if (previous != null) {
            signing.add(secrets.open(previous, subscription.id()));
        }
        delivery.startSending(now, config.sendingTimeout());
        return new Send(delivery.id(), URI.create(subscription.url()), body, delivery.eventId(), signing);
    }

    private WebhookSender.Answer attempt(Send send) {
        WebhookTargets.Target target;
        try {
            // resolved and checked again now: the address may have changed since registration
            target = targets.resolve(send.uri());
        } catch (ProblemException e) {
            LOG.warnf("Webhook delivery %s not sent: its target is refused now (%s)", send.deliveryId(), e.detailKey());
            return new WebhookSender.Answer(null, 0);
        }
        String signature = WebhookSignatures.header(clock.instant().getEpochSecond(), send.body(), send.secrets());
        return sender.send(target, send.body(), send.eventId().toString(), signature);
    }

    private void record(Send send, WebhookSender.Answer answer) {
        Instant now = clock.instant();
        WebhookDelivery delivery = entities.find(WebhookDelivery.class, send.deliveryId());
        WebhookSubscription subscription = entities.find(WebhookSubscription.class, delivery.subscriptionId());
        Integer status = answer.status();
        if (status != null && status / 100 == 2) {
            delivery.delivered(status, answer.latencyMs(), now);
            subscription.succeeded();
            return;
        }
        failedAttempts.increment();
        boolean expired = !now.isBefore(delivery.createdAt().plus(config.maxAge()));
        delivery.failed(status, answer.latencyMs(), expired ? null : now.plus(backoff(delivery.attempts())));
        boolean disabled = status != null && status == 410
                ? subscription.disable(WebhookDisabledReason.GONE, now)
                : subscription.failed(config.maxFailures(), now);
        if (disabled) {
            disabledSubscriptions.increment();
            reference.changed("webhook_subscription");
            tellContact(subscription);
        }
    }

    /** {@code initial × 2^(attempts − 1)}, at most {@code max}. */
    Duration backoff(int attempts) {
        Duration delay = config.backoffInitial();
        for (int i = 1; i < attempts && delay.compareTo(config.backoffMax()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(config.backoffMax()) > 0 ? config.backoffMax() : delay;
    }

    private void tellContact(WebhookSubscription subscription) {
        Object[] client = (Object[]) entities.createNativeQuery(
                "select name, contact_email from integration_client where id = :id")
                .setParameter("id", subscription.clientId()).getSingleResult();
        LOG.warnf("Webhook %s of integration client %s disabled (%s)", subscription.id(), subscription.clientId(),
                subscription.disabledReason());
        // The technical contact is not a citizen and states no language: French, the administration's.
        outbox.notify(new Outbox.Recipient((String) client[1], null, "fr"), MessageKind.WEBHOOK_DISABLED,
                Map.of("clientName", client[0], "webhookId", subscription.id().toString(),
                        "reasonCode", subscription.disabledReason(), "failures", subscription.consecutiveFailures()),
                null);
    }
}
