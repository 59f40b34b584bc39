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

    /** Where and in which language a citizen is reached. Language: "fr" or "en" (anything else reads as "fr"). */
    record Recipient(String email, String phone, String language) {

        public boolean reachable() {
            return (email != null && !email.isBlank()) || (phone != null && !phone.isBlank());
        }
    }
}
