package ci.milie.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One message to a citizen, rendered when queued and delivered later by {@link OutboxRelay}.
 * Once sent or given up (SENT or FAILED) its content is erased: it may hold a sign-in code or a
 * tracking link with its key, and the request's own records say what happened.
 */
@Entity
@Table(name = "outbox_message")
class OutboxMessage {

    static final int MAX_ERROR_LENGTH = 1000;
    static final int MAX_PROVIDER_ID_LENGTH = 100;

    enum Channel {
        EMAIL, SMS,
        /** To one device (recipient: the device's id; its token is read at send time). */
        PUSH
    }

    enum Status {
        /** Waiting for its next attempt ({@code nextAttemptAt}). */
        PENDING,
        /** Handed to SMTP or the gateway; if still so after {@code nextAttemptAt}, the send was interrupted. */
        SENDING,
        SENT,
        FAILED
    }

    /** What the SMS gateway's delivery receipt said of the last send (SmsDeliveries); null until one came. */
    enum DeliveryStatus {
        DELIVERED, FAILED, EXPIRED
    }

    /** Interrupted sends after which a message is given up: it may have reached the citizen twice already. */
    static final int MAX_INTERRUPTED_SENDS = 1;

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String recipient;
    private String subject;
    private String body;
    @Column(name = "html_body")
    private String htmlBody;
    @Enumerated(EnumType.STRING)
    private MessageKind kind;
    @Column(name = "request_id")
    private UUID requestId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "interrupted_sends")
    private int interruptedSends;
    @Column(name = "device_id")
    private UUID deviceId;
    /** What an SMS costs (SmsText), kept once its text is erased; null for other channels. */
    private Short segments;
    /** The id the SMS gateway gave the last send, which its delivery receipt names. */
    @Column(name = "provider_message_id")
    private String providerMessageId;
    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_status")
    private DeliveryStatus deliveryStatus;

    protected OutboxMessage() {
    }

    private OutboxMessage(Channel channel, String recipient, MessageKind kind, UUID requestId, Instant now) {
        this.id = UUID.randomUUID();
        this.channel = channel;
        this.recipient = recipient;
        this.kind = kind;
        this.requestId = requestId;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    static OutboxMessage email(String to, MessageTemplates.Email content, MessageKind kind, UUID requestId, Instant now) {
        OutboxMessage message = new OutboxMessage(Channel.EMAIL, to, kind, requestId, now);
        message.subject = content.subject();
        message.body = content.text();
        message.htmlBody = content.html();
        return message;
    }

    static OutboxMessage sms(String to, String text, MessageKind kind, UUID requestId, Instant now) {
        OutboxMessage message = new OutboxMessage(Channel.SMS, to, kind, requestId, now);
        message.body = text;
        message.segments = (short) SmsText.count(text).count();
        return message;
    }

    /** A push to one device; {@code json} is the notification's title, body and data (erased once sent). */
    static OutboxMessage push(UUID deviceId, String json, UUID requestId, Instant now) {
        OutboxMessage message = new OutboxMessage(Channel.PUSH, deviceId.toString(), MessageKind.PUSH, requestId, now);
        message.deviceId = deviceId;
        message.body = json;
        return message;
    }

    /**
     * Marks the message as being sent until {@code deadline}, to be committed before the send. A
     * message found still SENDING was interrupted (its instance died between the send and its
     * outcome): it may have been delivered, so it is sent once more only; after that it is
     * given up. Returns whether it is to be sent now.
     */
    boolean startSending(Instant deadline) {
        if (status == Status.SENDING) {
            interruptedSends++;
            attempts++;
            if (interruptedSends > MAX_INTERRUPTED_SENDS) {
                status = Status.FAILED;
                lastError = "Interrupted " + interruptedSends + " times while being sent; not sent again";
                erase();
                return false;
            }
        }
        status = Status.SENDING;
        nextAttemptAt = deadline;
        return true;
    }

    void delivered(Instant now) {
        delivered(now, null);
    }

    /**
     * Handed over. An SMS the gateway gave an id keeps its text until the delivery receipt says it
     * arrived, so that one that did not can be sent again (its text is erased then, or when given up).
     */
    void delivered(Instant now, String providerMessageId) {
        attempts++;
        status = Status.SENT;
        sentAt = now;
        this.providerMessageId = providerMessageId;
        this.deliveryStatus = null;
        if (channel != Channel.SMS || providerMessageId == null) {
            erase();
        }
    }

    /** Whether a receipt for the last send is still awaited: sent, with a gateway id, no final status yet. */
    boolean awaitsReceipt() {
        return status == Status.SENT && providerMessageId != null && deliveryStatus == null;
    }

    /** The receipt said the SMS reached the phone: its text is no longer needed. */
    void receiptDelivered() {
        deliveryStatus = DeliveryStatus.DELIVERED;
        erase();
    }

    /**
     * The receipt said the SMS did not reach the phone (failed, or expired while it was off): sent
     * again after the policy's backoff, or given up (FAILED) after its last allowed attempt.
     */
    void receiptUndelivered(DeliveryStatus receipt, String error, Instant now, RetryPolicy policy) {
        deliveryStatus = receipt;
        lastError = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        policy.nextAttempt(attempts, now).ifPresentOrElse(next -> {
            nextAttemptAt = next;
            status = Status.PENDING;
        }, () -> {
            status = Status.FAILED;
            erase();
        });
    }

    /** The content is needed only to send it; kept after, it would be a readable code or key. */
    private void erase() {
        body = null;
        htmlBody = null;
    }

    /**
     * Counts a failed attempt: the message is tried again after the policy's backoff, or given up
     * (FAILED) after its last allowed attempt. {@code error} must hold no personal data.
     */
    void attemptFailed(String error, Instant now, RetryPolicy policy) {
        attemptFailed(error, now, policy, null);
    }

    /** As above, not retried before {@code notBefore} when the provider said when (Retry-After). */
    void attemptFailed(String error, Instant now, RetryPolicy policy, Instant notBefore) {
        attempts++;
        lastError = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        policy.nextAttempt(attempts, now).ifPresentOrElse(next -> {
            nextAttemptAt = notBefore != null && notBefore.isAfter(next) ? notBefore : next;
            status = Status.PENDING;
        }, () -> {
            status = Status.FAILED;
            erase();
        });
    }

    /** The attempt failed in a way another would repeat (the message refused, the device gone): given up now. */
    void refused(String error) {
        attempts++;
        lastError = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        status = Status.FAILED;
        erase();
    }

    UUID id() {
        return id;
    }

    String providerMessageId() {
        return providerMessageId;
    }

    DeliveryStatus deliveryStatus() {
        return deliveryStatus;
    }

    /** The segments an SMS costs; 0 for other channels. */
    int segments() {
        return segments == null ? 0 : segments;
    }

    UUID deviceId() {
        return deviceId;
    }

    Channel channel() {
        return channel;
    }

    String recipient() {
        return recipient;
    }

    String subject() {
        return subject;
    }

    String body() {
        return body;
    }

    String htmlBody() {
        return htmlBody;
    }

    MessageKind kind() {
        return kind;
    }

    UUID requestId() {
        return requestId;
    }

    Status status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    String lastError() {
        return lastError;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant sentAt() {
        return sentAt;
    }

    int interruptedSends() {
        return interruptedSends;
    }
}
