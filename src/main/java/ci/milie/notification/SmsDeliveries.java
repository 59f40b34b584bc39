package ci.milie.notification;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Delivery receipts: what the SMS gateway says became of a text it accepted. Delivered, its text
 * is erased; failed or expired, it is sent again after the outbox's backoff, until the outbox's
 * last attempt, then given up (FAILED). Each final receipt is counted in
 * {@code milie_sms_delivery_total{status}}.
 */
@ApplicationScoped
public class SmsDeliveries {

    private static final Logger LOG = Logger.getLogger(SmsDeliveries.class);
    /** A failure reason is the aggregator's code ("UserInBlackList", "DeliveryFailure"): nothing else is kept. */
    private static final Pattern REASON = Pattern.compile("[A-Za-z0-9_ .\\-]{1,60}");

    /** A receipt's final statuses. */
    public enum Status {
        DELIVERED, FAILED, EXPIRED;

        /**
         * The status an aggregator's word stands for, in our words and in those of common
         * aggregators (Africa's Talking: Success, Failed, Rejected; SMPP receipts: DELIVRD, UNDELIV,
         * REJECTD, EXPIRED). Empty for a status on the way (Sent, Submitted, Buffered, ACCEPTD…) or
         * one not known: nothing is recorded for it.
         */
        public static Optional<Status> of(String word) {
            if (word == null) {
                return Optional.empty();
            }
            return switch (word.strip().toUpperCase(Locale.ROOT)) {
                case "DELIVERED", "SUCCESS", "DELIVRD" -> Optional.of(DELIVERED);
                case "FAILED", "REJECTED", "UNDELIVERED", "UNDELIV", "REJECTD" -> Optional.of(FAILED);
                case "EXPIRED" -> Optional.of(EXPIRED);
                default -> Optional.empty();
            };
        }
    }

    /** What a receipt did. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SmsReceiptOutcome", description = "What a delivery report did")
    public enum Outcome {
        /** The SMS reached the phone. */
        DELIVERED,
        /** It did not; it is sent again later. */
        RETRY_SCHEDULED,
        /** It did not, and that was its last attempt. */
        GIVEN_UP,
        /** Nothing to do: a status on the way, or a receipt for a send already settled (a repeat). */
        IGNORED,
        /** No SMS of ours has that id. */
        UNKNOWN_MESSAGE
    }

    private final OutboxMessageRepository messages;
    private final Clock clock;
    private final RetryPolicy retries;
    private final Map<Status, Counter> receipts = new EnumMap<>(Status.class);

    SmsDeliveries(OutboxMessageRepository messages, Clock clock, OutboxConfig config, MeterRegistry registry) {
        this.messages = messages;
        this.clock = clock;
        this.retries = RetryPolicy.of(config);
        for (Status status : Status.values()) {
            receipts.put(status, Counter.builder("milie.sms.delivery").tag("status", status.name().toLowerCase(Locale.ROOT))
                    .description("SMS delivery receipts, by final status").register(registry));
        }
    }

    /**
     * Records the receipt of the SMS the gateway named {@code providerMessageId}. {@code status}
     * is the aggregator's word (see {@link Status#of}); {@code failureReason}, optional, its code.
     */
    @Transactional
    public Outcome record(String providerMessageId, String status, String failureReason) {
        Optional<OutboxMessage> found = messages.bySmsProviderId(providerMessageId);
        if (found.isEmpty()) {
            return Outcome.UNKNOWN_MESSAGE;
        }
        Optional<Status> receipt = Status.of(status);
        OutboxMessage message = found.get();
        if (receipt.isEmpty() || !message.awaitsReceipt()) {
            return Outcome.IGNORED;
        }
        receipts.get(receipt.get()).increment();
        if (receipt.get() == Status.DELIVERED) {
            message.receiptDelivered();
            return Outcome.DELIVERED;
        }
        String reason = failureReason != null && REASON.matcher(failureReason.strip()).matches() ? failureReason.strip() : null;
        String error = "Delivery receipt: " + receipt.get().name().toLowerCase(Locale.ROOT)
                + (reason == null ? "" : " (" + reason + ")");
        message.receiptUndelivered(OutboxMessage.DeliveryStatus.valueOf(receipt.get().name()), error, clock.instant(), retries);
        if (message.status() == OutboxMessage.Status.FAILED) {
            LOG.errorf("Outbox message %s (%s by SMS) given up after %d attempts: %s", message.id(), message.kind(),
                    message.attempts(), error);
            return Outcome.GIVEN_UP;
        }
        LOG.warnf("Outbox message %s (%s by SMS) not delivered, sent again at %s: %s", message.id(), message.kind(),
                message.nextAttemptAt(), error);
        return Outcome.RETRY_SCHEDULED;
    }
}
