package ci.milie.notification;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.PhoneNumbers;

/**
 * The outbox in PostgreSQL: renders the message now and stores it in the caller's transaction,
 * so that it exists if and only if the change that caused it commits.
 */
@ApplicationScoped
class JpaOutbox implements Outbox {

    private final OutboxMessageRepository messages;
    private final MessageTemplates templates;
    private final Clock clock;

    JpaOutbox(OutboxMessageRepository messages, MessageTemplates templates, Clock clock) {
        this.messages = messages;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void notify(Recipient recipient, MessageKind kind, Map<String, Object> data, UUID requestId) {
        Objects.requireNonNull(kind, "kind");
        if (recipient == null || !recipient.reachable()) {
            return;
        }
        OutboxMessage message;
        if (recipient.email() != null && !recipient.email().isBlank()) {
            message = OutboxMessage.email(recipient.email().strip(), templates.email(kind, recipient.language(), data),
                    kind, requestId, clock.instant());
        } else {
            String phone = PhoneNumbers.normalise(recipient.phone()).orElse(recipient.phone().strip());
            message = OutboxMessage.sms(phone, templates.sms(kind, recipient.language(), data), kind, requestId,
                    clock.instant());
        }
        messages.persist(message);
    }
}
