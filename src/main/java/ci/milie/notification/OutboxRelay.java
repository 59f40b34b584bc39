package ci.milie.notification;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ci.milie.common.Throwables;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the queued messages: e-mail through the SMTP server, SMS through the gateway. Every
 * instance runs it every {@code milie.outbox.interval}. Each message is claimed, sent and marked
 * in its own short transaction, holding its row lock ({@code FOR UPDATE SKIP LOCKED}) meanwhile:
 * instances share the work and never send one message twice, and a failing message only delays
 * itself. A failed attempt is retried with exponential backoff until {@code milie.outbox.max-attempts}.
 *
 * <p>Delivery is at least once: should the database fail between a send and its commit, the
 * message is sent again later.
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
    private final Clock clock;
    private final OutboxConfig config;
    private final RetryPolicy retries;
    private final Map<OutboxMessage.Channel, Counter> sent = new EnumMap<>(OutboxMessage.Channel.class);
    private final Map<OutboxMessage.Channel, Counter> failedAttempts = new EnumMap<>(OutboxMessage.Channel.class);
    private final Map<OutboxMessage.Channel, Counter> givenUp = new EnumMap<>(OutboxMessage.Channel.class);
    private final AtomicLong pending;

    OutboxRelay(OutboxMessageRepository messages, Mailer mailer, SmsSender sms, Clock clock, OutboxConfig config,
            MeterRegistry registry) {
        this.messages = messages;
        this.mailer = mailer;
        this.sms = sms;
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
        this.pending = registry.gauge("milie.outbox.pending", new AtomicLong());
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
            Outcome outcome = deliverNext();
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

    private Outcome deliverNext() {
        AtomicReference<OutboxMessage> claimed = new AtomicReference<>();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                var next = messages.claimNextDue(clock.instant());
                if (next.isEmpty()) {
                    return Outcome.NOTHING_DUE;
                }
                OutboxMessage message = next.get();
                claimed.set(message);
                return attempt(message);
            });
        } catch (RuntimeException e) {
            // The database failed (not the send): the claimed message, if any, is still PENDING and
            // due. Push it back so that it cannot hold up the others, and end this run.
            LOG.errorf("Outbox relay stopped: %s", Throwables.describe(e));
            if (claimed.get() != null) {
                postpone(claimed.get(), e);
            }
            return Outcome.NOTHING_DUE;
        }
    }

    private Outcome attempt(OutboxMessage message) {
        try {
            send(message);
        } catch (RuntimeException e) {
            message.attemptFailed(Throwables.describe(e), clock.instant(), retries);
            failedAttempts.get(message.channel()).increment();
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
        message.delivered(clock.instant());
        sent.get(message.channel()).increment();
        return Outcome.SENT;
    }

    private void send(OutboxMessage message) {
        switch (message.channel()) {
            case EMAIL -> {
                Mail mail = Mail.withText(message.recipient(), message.subject(), message.body());
                if (message.htmlBody() != null) {
                    mail.setHtml(message.htmlBody());
                }
                mailer.send(mail);
            }
            case SMS -> sms.send(message.recipient(), message.body());
        }
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
            pending.set(QuarkusTransaction.requiringNew().call(messages::countPending));
        } catch (RuntimeException e) {
            LOG.warnf("Outbox pending count unavailable: %s", Throwables.describe(e));
        }
    }
}
