package ci.milie.notification;

import java.util.Map;
import java.util.UUID;

/**
 * Queues messages to citizens in the caller's transaction: they leave only if the change that
 * caused them commits, and a relay delivers them later, with retries (see OutboxRelay).
 */
public interface Outbox {

    /**
     * Queues one message to a citizen: by e-mail when the contact has one, otherwise by SMS.
     * Does nothing when the contact has neither (an anonymous suggestion).
     *
     * @param kind      which template to render
     * @param data      the template's values (see {@link MessageKind})
     * @param requestId the request it concerns, if any, for traceability
     */
    void notify(Recipient recipient, MessageKind kind, Map<String, Object> data, UUID requestId);

    /**
     * Queues the reply to a command texted to the short code ({@link MessageKind#SMS_REPLY}): a
     * text Miliê wrote (messages/texts, sms.reply.*), fitted to GSM-7 where it can be. Not queued
     * for a number that opted out: after STOP, only the confirmation of STOP leaves.
     */
    void reply(String phone, String text);

    /**
     * Queues one push notification per device following the request: its citizen's devices (when
     * it has an account) and its key holder's. Does nothing when there are none. The notification
     * carries the tracking code, the status and the event, nothing personal: the app fetches the
     * rest with its token or key.
     */
    void push(UUID citizenId, UUID requestId, PushNotice notice);

    /** What happened, as the app reads it in a push's data ({@code event}). */
    enum PushEvent {
        /** The request's status changed (the other two are status changes the citizen has something to do about). */
        STATUS_CHANGED,
        /** Staff asked the citizen a question: the app opens the thread to reply. */
        INFORMATION_REQUESTED,
        /** An answer reached the citizen: read it, then rate it (the rating invitation). */
        ANSWER_DELIVERED
    }

    /** A push's whole content: the request's tracking code, its new status (a RequestStatus name) and the event. */
    record PushNotice(String trackingCode, String status, PushEvent event) {
    }

    /** Where and in which language a citizen is reached. Language: "fr" or "en" (anything else reads as "fr"). */
    record Recipient(String email, String phone, String language) {

        public boolean reachable() {
            return (email != null && !email.isBlank()) || (phone != null && !phone.isBlank());
        }
    }
}
