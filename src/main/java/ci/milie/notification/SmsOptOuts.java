package ci.milie.notification;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import ci.milie.common.PhoneNumbers;

/**
 * STOP and START: the numbers that opted out of Miliê's text messages. The outbox queues no SMS
 * for them and sends none it had queued, except the confirmation of the opt-out itself and the
 * codes the citizen asks for ({@link MessageKind#reachesOptedOut}). Each command queues its
 * confirmation, in the caller's language.
 */
@ApplicationScoped
public class SmsOptOuts {

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;

    SmsOptOuts(EntityManager em, Outbox outbox, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Opts {@code phone} out (again: no change) and queues the confirmation. Throws on a number that is not one. */
    @Transactional
    public void optOut(String phone, String language) {
        String e164 = e164(phone);
        if (em.find(SmsOptOut.class, e164) == null) {
            em.persist(new SmsOptOut(e164, clock.instant()));
        }
        outbox.notify(new Outbox.Recipient(null, e164, language), MessageKind.SMS_OPTED_OUT, Map.of(), null);
    }

    /** Opts {@code phone} back in (a number never opted out: no change) and queues the confirmation. */
    @Transactional
    public void optIn(String phone, String language) {
        String e164 = e164(phone);
        SmsOptOut optOut = em.find(SmsOptOut.class, e164);
        if (optOut != null) {
            em.remove(optOut);
        }
        outbox.notify(new Outbox.Recipient(null, e164, language), MessageKind.SMS_OPTED_IN, Map.of(), null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isOptedOut(String phone) {
        return PhoneNumbers.normalise(phone).map(e164 -> em.find(SmsOptOut.class, e164) != null).orElse(false);
    }

    private static String e164(String phone) {
        return PhoneNumbers.normalise(phone)
                .orElseThrow(() -> new IllegalArgumentException("not a phone number Miliê can write to"));
    }
}
