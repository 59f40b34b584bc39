package ci.milie.notification;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.LaunchMode;

/** FCM when a service account is configured; otherwise a logger in dev and tests, and a refusal in production. */
@ApplicationScoped
public class PushSenderProducer {

    private static final Logger LOG = Logger.getLogger(PushSenderProducer.class);

    @Produces
    @DefaultBean
    @ApplicationScoped
    PushSender pushSender(PushConfig config, ObjectMapper json, Clock clock) {
        PushConfig.Fcm fcm = config.fcm();
        boolean configured = fcm.credentials().filter(value -> !value.isBlank()).isPresent()
                || fcm.credentialsFile().filter(path -> !path.isBlank()).isPresent();
        if (configured) {
            return new FcmPushSender(fcm, FcmCredentials.load(fcm, json), json, clock);
        }
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return new LoggingPushSender();
        }
        LOG.warn("MILIE_PUSH_FCM_CREDENTIALS(_FILE) is not set: push notifications cannot be sent");
        return (token, message) -> {
            throw new PushSender.PushDeliveryException(PushSender.PushDeliveryException.Verdict.RETRY,
                    "no push provider configured", null, null);
        };
    }
}
