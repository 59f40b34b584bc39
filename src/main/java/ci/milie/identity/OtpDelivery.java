package ci.milie.identity;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ci.milie.common.Throwables;
import ci.milie.notification.SmsSender;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Sends a one-time code by e-mail or SMS, in French then English (the language is not known yet). */
@ApplicationScoped
class OtpDelivery {

    private static final Logger LOG = Logger.getLogger(OtpDelivery.class);
    static final String SUBJECT = "Votre code de connexion Miliê / Your Miliê sign-in code";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance otpCode(String code, long minutes);

        static native TemplateInstance otpSms(String code, long minutes);
    }

    private final Mailer mailer;
    private final SmsSender sms;

    OtpDelivery(Mailer mailer, SmsSender sms) {
        this.mailer = mailer;
        this.sms = sms;
    }

    /** Best effort: the caller answers 202 whatever happens, so a failure is only logged. */
    void send(OtpDestination destination, String code, Duration validity) {
        try {
            if (destination.isEmail()) {
                mailer.send(Mail.withText(destination.value(), SUBJECT,
                        Templates.otpCode(code, validity.toMinutes()).render()));
            } else {
                sms.send(destination.value(), Templates.otpSms(code, validity.toMinutes()).render().strip());
            }
        } catch (RuntimeException e) {
            LOG.warnf("One-time code not delivered by %s: %s", destination.isEmail() ? "e-mail" : "SMS",
                    Throwables.describe(e));
        }
    }
}
