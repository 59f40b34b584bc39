package ci.milie.identity;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import ci.milie.common.Languages;
import ci.milie.notification.MessageKind;
import ci.milie.notification.Outbox;

/**
 * Queues a one-time code to its e-mail or phone, in the language asked for; else in the citizen's
 * when they already have an account; else in the one the client prefers; else French. It leaves
 * through the outbox, so only once the challenge is stored.
 */
@ApplicationScoped
class OtpDelivery {

    private final Outbox outbox;
    private final CitizenRepository citizens;

    OtpDelivery(Outbox outbox, CitizenRepository citizens) {
        this.outbox = outbox;
        this.citizens = citizens;
    }

    /** Must run in the transaction that opens the challenge. */
    void send(OtpDestination destination, MessageKind kind, String code, Duration validity, String requested,
            String accepted) {
        String language = requested != null ? requested
                : citizens.findBy(destination).map(Citizen::preferredLanguage)
                        .orElse(accepted != null ? accepted : Languages.FRENCH);
        Outbox.Recipient recipient = destination.isEmail()
                ? new Outbox.Recipient(destination.value(), null, language)
                : new Outbox.Recipient(null, destination.value(), language);
        outbox.notify(recipient, kind, Map.of("code", code, "minutes", validity.toMinutes()), null);
    }
}
