package ci.milie.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import ci.milie.common.Stopping;
import ci.milie.common.Throwables;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the queued messages: e-mail through the SMTP server, SMS through the gateway, push
 * notifications through the push provider (FCM), whose refusals are final and whose "unregistered"
 * token removes the device. Every
 * instance runs it every {@code milie.outbox.interval}. Each message is claimed
 * ({@code FOR UPDATE SKIP LOCKED}) and committed as SENDING in its own short transaction, sent
 * outside any, then marked in another: instances share the work and never claim one message
 * twice, and a failing message only delays itself. A failed attempt is retried with exponential
 * backoff until {@code milie.outbox.max-attempts}.
 *
 * <p>Delivery is at least once and at most twice: should the instance die (or the database fail)
 * between a send and its record, the message stays SENDING until {@code milie.outbox.sending-timeout}
 * has passed, is then sent once more with the same {@code Message-ID}, and is given up if that
 * second send is interrupted too.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private enum Outcome {
        NOTHING_DUE, SENT, RETRY_LATER, GIVEN_UP
    }

    private final OutboxMessageRepository messages;
    private final Mailer mailer;
    private final SmsSender sms;
    private final PushSender push;
    private final DeviceRepository devices;
    private final jakarta.persistence.EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final OutboxConfig config;
    private final RetryPolicy retries;
    private final Map<OutboxMessage.Channel, Counter> sent = new EnumMap<>(OutboxMessage.Channel.class);
    private final Map<OutboxMessage.Channel, Counter> failedAttempts = new EnumMap<>(OutboxMessage.Channel.class);
    private final Map<OutboxMessage.Channel, Counter> givenUp = new EnumMap<>(OutboxMessage.Channel.class);
    private final Counter unregistered;
    private final Map<MessageKind, Counter> segmentsSent = new EnumMap<>(MessageKind.class);
    private final AtomicLong pending;
    private final AtomicLong oldestDueSeconds;
    private final String mailDomain;
    private final Stopping stopping;

    OutboxRelay(OutboxMessageRepository messages, Mailer mailer, SmsSender sms, PushSender push, DeviceRepository devices,
            ObjectMapper json, Clock clock, OutboxConfig config, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.mailer.from") String from, jakarta.persistence.EntityManager em,
            Stopping stopping) {
        this.em = em;
        this.stopping = stopping;
        this.mailDomain = domainOf(from);
        this.messages = messages;
        this.mailer = mailer;
        this.sms = sms;
        this.push = push;
        this.devices = devices;
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.retries = RetryPolicy.of(config);
        for (OutboxMessage.Channel channel : OutboxMessage.Channel.values()) {
            String tag = channel.name().toLowerCase(Locale.ROOT);
            sent.put(channel, Counter.builder("milie.outbox.sent").tag("channel", tag)
                    .description("Messages delivered").register(registry));
            failedAttempts.put(channel, Counter.builder("milie.outbox.attempts.failed").tag("channel", tag)
                    .description("Delivery attempts that failed (the message is retried or given up)").register(registry));
            givenUp.put(channel, Counter.builder("milie.outbox.failed").tag("channel", tag)
                    .description("Messages given up after their last attempt").register(registry));
        }
        for (MessageKind kind : MessageKind.sentBySms()) {
            segmentsSent.put(kind, Counter.builder("milie.sms.segments").tag("kind", kind.name().toLowerCase(Locale.ROOT))
                    .description("SMS segments handed to the gateway (what the aggregator bills)").register(registry));
        }
        this.unregistered = Counter.builder("milie.push.unregistered")
                .description("Devices forgotten because the push provider said their token is no longer valid")
                .register(registry);
        this.pending = registry.gauge("milie.outbox.pending", new AtomicLong());
        this.oldestDueSeconds = registry.gauge("milie.outbox.oldest.due.seconds", new AtomicLong());
    }

    @Scheduled(identity = "outbox-relay", every = "${milie.outbox.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        deliverDue();
    }

    /**
     * Delivers the messages due now, up to {@code milie.outbox.batch-size}, and returns how many
     * were sent. Safe to call from several threads or instances at once.
     */
    public int deliverDue() {
        int delivered = 0;
        for (int i = 0; i < config.batchSize(); i++) {
            if (!stopping.begin()) {
                break; // the instance stops: the others, or this one's successor, carry on
            }
            Outcome outcome;
            try {
                outcome = deliverNext();
            } finally {
                stopping.end();
            }
            if (outcome == Outcome.NOTHING_DUE) {
                break;
            }
            if (outcome == Outcome.SENT) {
                delivered++;
            }
        }
        refreshPending();
        return delivered;
    }

    /** What one send needs, read in the claiming transaction: the send itself runs outside any. */
    record Delivery(java.util.UUID id, OutboxMessage.Channel channel, String recipient, String subject, String body,
            String htmlBody, boolean givenUp) {

        static Delivery of(OutboxMessage message, String recipient) {
            return new Delivery(message.id(), message.channel(), recipient, message.subject(),
                    message.body(), message.htmlBody(), false);
        }

        static Delivery givenUp(OutboxMessage message) {
            return new Delivery(message.id(), message.channel(), null, null, null, null, true);
        }
    }

    /**
     * Claims the next due message and commits it as SENDING, sends it with no transaction nor
     * connection held, then records the outcome. Should the instance die (or the database fail)
     * between the send and the record, the message stays SENDING until its deadline and is then
     * sent once more: at most one duplicate, which carries the same Message-ID.
     */
    private Outcome deliverNext() {
        Delivery delivery = claimNext();
        if (delivery == null) {
            return Outcome.NOTHING_DUE;
        }
        if (delivery.givenUp()) {
            return Outcome.GIVEN_UP;
        }
        RuntimeException failure = null;
        String providerMessageId = null;
        try {
            providerMessageId = send(delivery);
        } catch (RuntimeException e) {
            failure = e;
        }
        return record(delivery, failure, providerMessageId);
    }

    /** The next due message, committed as SENDING; null when none is due or the database failed. */
    Delivery claimNext() {
        AtomicReference<OutboxMessage> claimed = new AtomicReference<>();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                var next = messages.claimNextDue(clock.instant());
                if (next.isEmpty()) {
                    return null;
                }
                OutboxMessage message = next.get();
                claimed.set(message);
                if (!message.startSending(clock.instant().plus(config.sendingTimeout()))) {
                    givenUp.get(message.channel()).increment();
                    LOG.errorf("Outbox message %s (%s by %s) given up: its send was interrupted %d times, it may "
                            + "have been delivered", message.id(), message.kind(), message.channel(),
                            message.interruptedSends());
                    return Delivery.givenUp(message);
                }
                String recipient = message.recipient();
                if (message.channel() == OutboxMessage.Channel.SMS && !message.kind().reachesOptedOut()
                        && em.find(SmsOptOut.class, recipient) != null) {
                    // queued before the number sent STOP: not a failure, not counted as one
                    message.refused("The number opted out of SMS before the message was sent");
                    return Delivery.givenUp(message);
                }
                if (message.channel() == OutboxMessage.Channel.PUSH) {
                    Device device = message.deviceId() == null ? null : devices.findById(message.deviceId());
                    if (device == null) {
                        message.refused("The device was removed before the push was sent");
                        givenUp.get(message.channel()).increment();
                        return Delivery.givenUp(message);
                    }
                    recipient = device.token();
                }
                if (message.interruptedSends() > 0) {
                    LOG.warnf("Outbox message %s (%s by %s) sent again: its previous send was interrupted",
                            message.id(), message.kind(), message.channel());
                }
                return Delivery.of(message, recipient);
            });
        } catch (RuntimeException e) {
            // The database failed before the claim committed: the message, if any, is unchanged and
            // still due. Push it back so that it cannot hold up the others, and end this run.
            LOG.errorf("Outbox relay stopped: %s", Throwables.describe(e));
            if (claimed.get() != null) {
                postpone(claimed.get(), e);
            }
            return null;
        }
    }

    private Outcome record(Delivery delivery, RuntimeException failure, String providerMessageId) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                OutboxMessage message = messages.findById(delivery.id());
                if (message == null || message.status() != OutboxMessage.Status.SENDING) {
                    return Outcome.NOTHING_DUE; // taken over meanwhile (we outlived our deadline)
                }
                return failure == null ? sent(message, providerMessageId) : failed(message, failure);
            });
        } catch (RuntimeException e) {
            LOG.errorf("Outbox message %s: outcome not recorded, it will be sent once more after %s: %s",
                    delivery.id(), config.sendingTimeout(), Throwables.describe(e));
            return Outcome.NOTHING_DUE;
        }
    }

    private Outcome sent(OutboxMessage message, String providerMessageId) {
        message.delivered(clock.instant(), providerMessageId);
        sent.get(message.channel()).increment();
        if (message.channel() == OutboxMessage.Channel.SMS && segmentsSent.containsKey(message.kind())) {
            segmentsSent.get(message.kind()).increment(message.segments());
        }
        return Outcome.SENT;
    }

    private Outcome failed(OutboxMessage message, RuntimeException e) {
        failedAttempts.get(message.channel()).increment();
        if (e instanceof PushSender.PushDeliveryException refusal) {
            switch (refusal.verdict()) {
                case UNREGISTERED -> {
                    message.refused(Throwables.describe(e));
                    if (message.deviceId() != null) { // null: removed meanwhile
                        devices.deleteById(message.deviceId()); // its other pending pushes are given up when claimed
                    }
                    unregistered.increment();
                    givenUp.get(message.channel()).increment();
                    LOG.infof("Outbox message %s: the device's token is no longer registered, device %s forgotten",
                            message.id(), message.deviceId());
                    return Outcome.GIVEN_UP;
                }
                case REJECTED -> {
                    message.refused(Throwables.describe(e));
                    givenUp.get(message.channel()).increment();
                    LOG.errorf("Outbox message %s (%s by %s) refused by the provider, not retried: %s", message.id(),
                            message.kind(), message.channel(), Throwables.describe(e));
                    return Outcome.GIVEN_UP;
                }
                case RETRY -> {
                    // below: with the provider's Retry-After as the earliest next attempt
                }
            }
        }
        Instant notBefore = e instanceof PushSender.PushDeliveryException refusal && refusal.retryAfter() != null
                ? clock.instant().plus(refusal.retryAfter())
                : null;
        message.attemptFailed(Throwables.describe(e), clock.instant(), retries, notBefore);
        if (message.status() == OutboxMessage.Status.FAILED) {
            givenUp.get(message.channel()).increment();
            LOG.errorf("Outbox message %s (%s by %s) given up after %d attempts: %s", message.id(), message.kind(),
                    message.channel(), message.attempts(), Throwables.describe(e));
            return Outcome.GIVEN_UP;
        }
        LOG.warnf("Outbox message %s (%s by %s) not delivered, attempt %d of %d, next at %s: %s", message.id(),
                message.kind(), message.channel(), message.attempts(), retries.maxAttempts(),
                message.nextAttemptAt(), Throwables.describe(e));
        return Outcome.RETRY_LATER;
    }

    /** Sends, and returns the id the SMS gateway gave the message (null for other channels, or none given). */
    String send(Delivery message) {
        switch (message.channel()) {
            case EMAIL -> {
                Mail mail = Mail.withText(message.recipient(), message.subject(), message.body());
                if (message.htmlBody() != null) {
                    mail.setHtml(message.htmlBody());
                }
                // The same on every attempt: a mail client shows a duplicate (after an interrupted send) once.
                mail.addHeader("Message-ID", messageId(message.id()));
                mailer.send(mail);
                return null;
            }
            case SMS -> {
                return sms.send(message.recipient(), message.body());
            }
            case PUSH -> {
                push.send(message.recipient(), pushMessage(message.body()));
                return null;
            }
            default -> throw new IllegalStateException("unknown channel " + message.channel());
        }
    }

    private PushSender.PushMessage pushMessage(String body) {
        try {
            return json.readValue(body, PushSender.PushMessage.class);
        } catch (java.io.IOException e) {
            throw new PushSender.PushDeliveryException(PushSender.PushDeliveryException.Verdict.REJECTED,
                    "unreadable push body", null, e);
        }
    }

    /** {@code <outbox id@domain of quarkus.mailer.from>}: stable per message, unique across the platform. */
    String messageId(java.util.UUID id) {
        return "<" + id + "@" + mailDomain + ">";
    }

    static String domainOf(String from) {
        int at = from.lastIndexOf('@');
        if (at < 0) {
            return "milie.invalid";
        }
        String domain = from.substring(at + 1).strip();
        int end = domain.indexOf('>');
        return end < 0 ? domain : domain.substring(0, end).strip();
    }

    private void postpone(OutboxMessage claimed, RuntimeException cause) {
        try {
            QuarkusTransaction.requiringNew().run(() -> messages.findByIdOptional(claimed.id())
                    .filter(message -> message.status() == OutboxMessage.Status.PENDING)
                    .ifPresent(message -> message.attemptFailed(Throwables.describe(cause), clock.instant(), retries)));
        } catch (RuntimeException e) {
            LOG.errorf("Outbox message %s could not be postponed: %s", claimed.id(), Throwables.describe(e));
        }
    }

    private void refreshPending() {
        try {
            Instant now = clock.instant();
            QuarkusTransaction.requiringNew().run(() -> {
                pending.set(messages.countPending());
                oldestDueSeconds.set(messages.oldestDueSince(now)
                        .map(since -> Duration.between(since, now).toSeconds()).orElse(0L));
            });
        } catch (RuntimeException e) {
            LOG.warnf("Outbox pending count unavailable: %s", Throwables.describe(e));
        }
    }
}
