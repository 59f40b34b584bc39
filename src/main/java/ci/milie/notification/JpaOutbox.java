package ci.milie.notification;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ci.milie.common.PhoneNumbers;

/**
 * The outbox in PostgreSQL: renders the message now and stores it in the caller's transaction,
 * so that it exists if and only if the change that caused it commits.
 */
@ApplicationScoped
class JpaOutbox implements Outbox {

    private final OutboxMessageRepository messages;
    private final MessageTemplates templates;
    private final DeviceRepository devices;
    private final ObjectMapper json;
    private final Clock clock;
    private final EntityManager em;

    JpaOutbox(OutboxMessageRepository messages, MessageTemplates templates, DeviceRepository devices, ObjectMapper json,
            Clock clock, EntityManager em) {
        this.em = em;
        this.messages = messages;
        this.templates = templates;
        this.devices = devices;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void push(UUID citizenId, UUID requestId, PushNotice notice) {
        Objects.requireNonNull(requestId, "requestId");
        for (Device device : devices.following(citizenId, requestId)) {
            PushTexts.Texts texts = PushTexts.of(notice.event(), notice.trackingCode(), notice.status(), device.language());
            Map<String, String> data = new LinkedHashMap<>();
            data.put("event", notice.event().name());
            data.put("trackingCode", notice.trackingCode());
            data.put("status", notice.status());
            messages.persist(OutboxMessage.push(device.id(), write(new PushSender.PushMessage(texts.title(), texts.body(), data)),
                    requestId, clock.instant()));
        }
    }

    private String write(PushSender.PushMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of strings always serialises", e);
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void reply(String phone, String text) {
        String e164 = PhoneNumbers.normalise(phone).orElseThrow(() -> new IllegalArgumentException("not a phone number"));
        if (em.find(SmsOptOut.class, e164) != null) {
            return; // the number sent STOP
        }
        messages.persist(OutboxMessage.sms(e164, SmsText.fit(text), MessageKind.SMS_REPLY, null, clock.instant()));
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
            if (!kind.reachesOptedOut() && em.find(SmsOptOut.class, phone) != null) {
                return; // the number sent STOP
            }
            message = OutboxMessage.sms(phone, templates.sms(kind, recipient.language(), data), kind, requestId,
                    clock.instant());
        }
        messages.persist(message);
    }
}
